package io.icprules.cases;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.icprules.error.InvalidFactException;
import io.icprules.io.AccountJson;
import io.icprules.io.TextValues;
import io.icprules.io.YamlTree;
import io.icprules.result.Decision;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds and reads fit test case files: YAML files ({@code .yaml} or {@code .yml}) that live by
 * default in the {@value #FOLDER} folder of a ruleset.
 *
 * <pre>{@code
 * as_of: 2026-11-01                 # default evaluation date of the cases below
 * cases:
 *   - name: Restaurant group with fresh funding is an A
 *     account:                      # the keys of the JSON Lines layout
 *       id: WS-001
 *       industry: restaurants
 *       employees: 240
 *       country: US
 *       attributes: {locations: 14}
 *       events:
 *         - {type: funding_round, date: 2026-09-22}
 *     expect:
 *       decision: FIT
 *       tier: A
 *       score: 83.6                 # or score: {min: 80, max: 90}
 *       fired: [Chain of 10-40 locations]
 *       not_fired: [Legacy on-prem POS]
 *       points: {Funding or PE investment: 7.6}
 * }</pre>
 *
 * <p>Scalars are typed like CSV cells: only {@code true} and {@code false} are booleans and only
 * plain decimal digits are numbers, so {@code NO} (Norway) and {@code 02134} stay text.
 *
 * <p>Reading never throws for what a file says: a file that is not valid YAML yields one
 * {@link CaseProblem} at the line where parsing stopped, and each malformed case a problem at its
 * first line, while the other cases of the file are read.
 */
public final class CaseFiles {

    /** The folder of a ruleset that holds its case files. */
    public static final String FOLDER = "cases";

    private static final List<String> FILE_KEYS = List.of("as_of", "description", "cases");
    private static final List<String> CASE_KEYS = List.of("name", "description", "as_of", "account", "expect");
    private static final List<String> EXPECT_KEYS = List.of("decision", "tier", "score", "fired", "not_fired",
            "points", "unmet_hard_filters", "disqualified_by", "missing_fields");

    private CaseFiles() {
    }

    /**
     * The default place of a ruleset's cases.
     *
     * @param rulesetDir the ruleset folder, never null
     * @return its {@value #FOLDER} folder
     */
    public static Path defaultLocation(Path rulesetDir) {
        return rulesetDir.resolve(FOLDER);
    }

    /**
     * Lists case files.
     *
     * @param fileOrDir one case file, or a folder searched with its sub-folders for {@code .yaml}
     *                  and {@code .yml} files
     * @return the files, sorted by path; a single file is returned as it is, whatever its extension
     * @throws NoSuchFileException when nothing exists at that path
     * @throws IOException         when a folder cannot be listed
     */
    public static List<Path> find(Path fileOrDir) throws IOException {
        if (Files.isRegularFile(fileOrDir)) {
            return List.of(fileOrDir);
        }
        if (!Files.isDirectory(fileOrDir)) {
            throw new NoSuchFileException(fileOrDir.toString(), null, "no case file or folder");
        }
        try (Stream<Path> walk = Files.walk(fileOrDir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".yaml") || n.endsWith(".yml");
                    })
                    .sorted()
                    .toList();
        }
    }

    /**
     * Reads every case file at a path.
     *
     * @param fileOrDir a case file or a folder of them
     * @return one entry per file, sorted by path
     * @throws NoSuchFileException when nothing exists at that path
     * @throws IOException         when a folder cannot be listed
     */
    public static List<CaseFile> readAll(Path fileOrDir) throws IOException {
        List<CaseFile> out = new ArrayList<>();
        for (Path p : find(fileOrDir)) {
            out.add(read(p));
        }
        return out;
    }

    /**
     * Reads one case file.
     *
     * @param file the file, never null
     * @return its cases and the problems of those that cannot be run
     */
    public static CaseFile read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            return broken(file, 0, "the file is not valid UTF-8 text");
        } catch (IOException e) {
            return broken(file, 0, "cannot be read: " + e);
        }
        try (Reader in = new java.io.StringReader(text); JsonParser p = YamlTree.FACTORY.createParser(in)) {
            return parse(file, p);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return broken(file, line, "not valid YAML: " + YamlTree.problem(e.getOriginalMessage()));
        } catch (IOException e) {
            return broken(file, 0, "cannot be read: " + e);
        }
    }

    /** A case as found in the file, before it is checked. */
    private record RawCase(int line, JsonNode node) {
    }

    private static CaseFile parse(Path file, JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return broken(file, 1, "the file is empty; it needs a 'cases:' list");
        }
        if (first != JsonToken.START_OBJECT) {
            return broken(file, line(p), "expected 'cases:' (and optionally 'as_of:') at the top of the file, "
                    + "found " + AccountJson.describe(YamlTree.read(p)));
        }
        List<CaseProblem> problems = new ArrayList<>();
        List<RawCase> raw = new ArrayList<>();
        JsonNode fileAsOf = null;
        int fileAsOfLine = 0;
        boolean sawCases = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyLine = line(p);
            p.nextToken();
            switch (key) {
                case "as_of" -> {
                    fileAsOf = YamlTree.read(p);
                    fileAsOfLine = keyLine;
                }
                case "description" -> YamlTree.read(p);
                case "cases" -> {
                    sawCases = true;
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        problems.add(new CaseProblem(file, keyLine, null, "cases: expected a list of cases "
                                + "(each starting with '- name:'), found " + AccountJson.describe(YamlTree.read(p))));
                        continue;
                    }
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        int caseLine = line(p);
                        raw.add(new RawCase(caseLine, YamlTree.read(p)));
                    }
                }
                default -> {
                    YamlTree.read(p);
                    problems.add(new CaseProblem(file, keyLine, null, "unknown key '" + key + "' (accepted at the top "
                            + "of a case file: " + String.join(", ", FILE_KEYS) + ")"));
                }
            }
        }
        if (p.nextToken() != null) {
            problems.add(new CaseProblem(file, line(p), null,
                    "a case file holds one YAML document; put every case under one 'cases:' list"));
        }
        if (!sawCases) {
            problems.add(new CaseProblem(file, 1, null, "no 'cases:' list"));
        }
        LocalDate defaultAsOf = null;
        if (fileAsOf != null) {
            try {
                defaultAsOf = date("as_of", fileAsOf);
            } catch (InvalidFactException e) {
                problems.add(new CaseProblem(file, fileAsOfLine, null, e.getMessage()));
            }
        }
        List<FitCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (RawCase r : raw) {
            toCase(file, r, defaultAsOf, fileAsOf != null, names, cases, problems);
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new CaseFile(file, cases, problems);
    }

    private static void toCase(Path file, RawCase r, LocalDate defaultAsOf, boolean fileHasAsOf, Set<String> names,
                               List<FitCase> cases, List<CaseProblem> problems) {
        JsonNode node = r.node();
        if (!node.isObject()) {
            problems.add(new CaseProblem(file, r.line(), null, "a case must be a mapping with name, account and expect, "
                    + "found " + AccountJson.describe(node)));
            return;
        }
        List<String> issues = new ArrayList<>();
        String name = null;
        JsonNode nameNode = node.path("name");
        if (nameNode.isTextual() || nameNode.isNumber()) {
            name = TextValues.blankToNull(nameNode.asText());
        }
        if (name == null) {
            issues.add("name: is required (text that says what the case shows)");
        } else if (!names.add(name)) {
            issues.add("name: another case of this file has the same name");
        }
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!CASE_KEYS.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            issues.add(unknownKeys(unknown, CASE_KEYS));
        }
        LocalDate asOf = defaultAsOf;
        if (node.has("as_of")) {
            try {
                asOf = date("as_of", node.get("as_of"));
            } catch (InvalidFactException e) {
                issues.add(e.getMessage());
            }
        } else if (!fileHasAsOf) {
            issues.add("as_of: is required (the evaluation date, yyyy-MM-dd), here or at the top of the file");
        }
        AccountJson.Parsed account = null;
        if (!node.has("account")) {
            issues.add("account: is required");
        } else {
            account = AccountJson.read(node.get("account"));
            for (String problem : account.problems()) {
                issues.add("account." + problem);
            }
        }
        Expectation expected = null;
        if (!node.has("expect")) {
            issues.add("expect: is required (decision, tier, score, fired, ...)");
        } else {
            expected = expectation(node.get("expect"), issues);
        }
        if (!issues.isEmpty()) {
            problems.add(new CaseProblem(file, r.line(), name, String.join("; ", issues)));
            return;
        }
        cases.add(new FitCase(name, file, r.line(), asOf, account.facts(), expected));
    }

    private static Expectation expectation(JsonNode e, List<String> issues) {
        if (!e.isObject()) {
            issues.add("expect: must be a mapping (decision, tier, score, fired, ...), found " + AccountJson.describe(e));
            return null;
        }
        int before = issues.size();
        List<String> unknown = new ArrayList<>();
        e.fieldNames().forEachRemaining(k -> {
            if (!EXPECT_KEYS.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            issues.add("expect: " + unknownKeys(unknown, EXPECT_KEYS));
        }
        Decision decision = null;
        if (e.has("decision")) {
            String d = scalar(e.get("decision"));
            try {
                decision = d == null ? null : Decision.valueOf(d.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                decision = null;
            }
            if (decision == null) {
                issues.add("expect.decision: " + AccountJson.describe(e.get("decision")) + " is not one of "
                        + Arrays.stream(Decision.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        String tier = null;
        if (e.has("tier")) {
            tier = TextValues.blankToNull(scalar(e.get("tier")));
            if (tier == null) {
                issues.add("expect.tier: expected a tier name such as A, found " + AccountJson.describe(e.get("tier")));
            }
        }
        BigDecimal score = null;
        BigDecimal min = null;
        BigDecimal max = null;
        if (e.has("score")) {
            JsonNode s = e.get("score");
            if (s.isObject()) {
                List<String> bad = new ArrayList<>();
                s.fieldNames().forEachRemaining(k -> {
                    if (!k.equals("min") && !k.equals("max")) {
                        bad.add(k);
                    }
                });
                if (!bad.isEmpty()) {
                    issues.add("expect.score: " + unknownKeys(bad, List.of("min", "max")));
                }
                min = s.has("min") ? number("expect.score.min", s.get("min"), issues) : null;
                max = s.has("max") ? number("expect.score.max", s.get("max"), issues) : null;
                if (!s.has("min") && !s.has("max")) {
                    issues.add("expect.score: a range needs min, max or both");
                } else if (min != null && max != null && min.compareTo(max) > 0) {
                    issues.add("expect.score: min " + min.toPlainString() + " is above max " + max.toPlainString());
                }
            } else {
                score = number("expect.score", s, issues);
            }
        }
        List<String> fired = names("expect.fired", e.get("fired"), issues);
        List<String> notFired = names("expect.not_fired", e.get("not_fired"), issues);
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        if (e.has("points")) {
            JsonNode p = e.get("points");
            if (!p.isObject()) {
                issues.add("expect.points: expected a mapping of rule name to points, found " + AccountJson.describe(p));
            } else {
                p.properties().forEach(entry -> {
                    BigDecimal v = number("expect.points." + entry.getKey(), entry.getValue(), issues);
                    if (v != null) {
                        points.put(entry.getKey(), v);
                    }
                });
            }
        }
        List<String> unmet = e.has("unmet_hard_filters") ? names("expect.unmet_hard_filters", e.get("unmet_hard_filters"), issues) : null;
        List<String> disq = e.has("disqualified_by") ? names("expect.disqualified_by", e.get("disqualified_by"), issues) : null;
        List<String> missing = e.has("missing_fields") ? names("expect.missing_fields", e.get("missing_fields"), issues) : null;
        if (issues.size() > before) {
            return null;
        }
        try {
            return new Expectation(decision, tier, score, min, max, fired, notFired, points, unmet, disq, missing);
        } catch (IllegalArgumentException ex) {
            issues.add("expect: " + ex.getMessage());
            return null;
        }
    }

    private static String scalar(JsonNode v) {
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static BigDecimal number(String key, JsonNode v, List<String> issues) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().strip());
            } catch (NumberFormatException ex) {
                // reported below
            }
        }
        issues.add(key + ": expected a number, found " + AccountJson.describe(v));
        return null;
    }

    /** A list of names; one name alone is accepted as a list of one. */
    private static List<String> names(String key, JsonNode v, List<String> issues) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            out.add(v.asText().strip());
            return out;
        }
        if (!v.isArray()) {
            issues.add(key + ": expected a list of names, found " + AccountJson.describe(v));
            return out;
        }
        for (JsonNode n : v) {
            String s = n.isValueNode() && !n.isNull() ? TextValues.blankToNull(n.asText()) : null;
            if (s == null) {
                issues.add(key + ": expected names, found " + AccountJson.describe(n));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static LocalDate date(String key, JsonNode v) {
        if (!v.isTextual()) {
            throw new InvalidFactException(key, "expected a date in yyyy-MM-dd form, found " + AccountJson.describe(v));
        }
        LocalDate d = TextValues.isoDate(key, v.asText());
        if (d == null) {
            throw new InvalidFactException(key, "must not be blank");
        }
        return d;
    }

    private static String unknownKeys(List<String> unknown, List<String> accepted) {
        return (unknown.size() == 1 ? "unknown key '" : "unknown keys '") + String.join("', '", unknown)
                + "' (accepted: " + String.join(", ", accepted) + ")";
    }

    private static CaseFile broken(Path file, int line, String message) {
        return new CaseFile(file, List.of(), List.of(new CaseProblem(file, line, null, message)));
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}

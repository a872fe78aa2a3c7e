package io.icprules.drools.internal.compile;

import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.fact.Account;
import io.icprules.scoring.internal.ScoringPolicy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A ruleset's manifest, {@value RulesetSource#MANIFEST}: name, version, tier cutoffs, group caps and
 * required fields. Parsing collects every problem as a {@link Diagnostic} with its line instead of
 * stopping at the first.
 *
 * <pre>
 * name=workforce-scheduling
 * version=1.2.0
 * tiers=A:80,B:60,C:40,D:0
 * required=industry,employees,attributes.locations
 * cap.stack=25
 * </pre>
 */
public final class Manifest {

    private static final Set<String> KEYS = Set.of("name", "version", "description", "tiers", "required");

    private final String name;
    private final String version;
    private final String description;
    private final ScoringPolicy policy;

    private Manifest(String name, String version, String description, ScoringPolicy policy) {
        this.name = name;
        this.version = version;
        this.description = description;
        this.policy = policy;
    }

    /** @return the ruleset name, never null */
    public String name() {
        return name;
    }

    /** @return the ruleset version, never null */
    public String version() {
        return version;
    }

    /** @return the description, empty when none */
    public String description() {
        return description;
    }

    /** @return tiers, caps and required fields, never null */
    public ScoringPolicy policy() {
        return policy;
    }

    /**
     * Parses a manifest.
     *
     * @param text        the manifest's text, never null
     * @param diagnostics receives every problem found
     * @return the manifest, or null when it has errors
     */
    public static Manifest parse(String text, List<Diagnostic> diagnostics) {
        String file = RulesetSource.MANIFEST;
        int errorsBefore = countErrors(diagnostics);
        Map<String, Integer> lines = new LinkedHashMap<>();
        String[] raw = text.split("\r?\n|\r", -1);
        boolean continuation = false;
        for (int i = 0; i < raw.length; i++) {
            String l = raw[i].strip();
            boolean startsEntry = !continuation && !l.isEmpty() && !l.startsWith("#") && !l.startsWith("!");
            if (startsEntry) {
                int sep = indexOfSeparator(l);
                if (sep <= 0) {
                    diagnostics.add(Diagnostic.error(file, i + 1, 1, "expected key=value, found '" + preview(l) + "'"));
                } else {
                    String key = l.substring(0, sep).strip();
                    if (lines.putIfAbsent(key, i + 1) != null) {
                        diagnostics.add(Diagnostic.error(file, i + 1, 1, "'" + key + "' is set twice (first on line "
                                + lines.get(key) + ")"));
                    }
                }
            }
            continuation = !l.startsWith("#") && endsWithContinuation(raw[i]);
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            diagnostics.add(Diagnostic.error(file, 0, 0, "manifest does not parse: " + e.getMessage()));
            return null;
        }
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key) && !key.startsWith("cap.")) {
                diagnostics.add(Diagnostic.warning(file, lines.getOrDefault(key, 0), 1, "unknown key '" + key
                        + "' (known: name, version, description, tiers, required, cap.GROUP)"));
            }
        }
        String name = required(p, "name", lines, diagnostics);
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            diagnostics.add(Diagnostic.error(file, lines.getOrDefault("name", 0), 1,
                    "name may use letters, digits, '.', '_' and '-' only, was '" + preview(name) + "'"));
        }
        String version = required(p, "version", lines, diagnostics);
        String description = p.getProperty("description", "").strip();
        List<ScoringPolicy.TierCutoff> tiers = p.containsKey("tiers")
                ? tiers(p.getProperty("tiers"), lines.getOrDefault("tiers", 0), diagnostics)
                : ScoringPolicy.DEFAULT_TIERS;
        List<String> required = new ArrayList<>();
        for (String f : list(p.getProperty("required", ""))) {
            if (!Account.isField(f)) {
                diagnostics.add(Diagnostic.error(file, lines.getOrDefault("required", 0), 1, "required field '" + f
                        + "' is not an account field (fields: " + String.join(", ", new java.util.TreeSet<>(Account.FIELDS))
                        + ", or attributes.NAME)"));
            } else {
                required.add(f);
            }
        }
        Map<String, BigDecimal> caps = new LinkedHashMap<>();
        for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
            if (!key.startsWith("cap.")) {
                continue;
            }
            String group = key.substring(4);
            int line = lines.getOrDefault(key, 0);
            BigDecimal cap = number(p.getProperty(key), line, key, diagnostics);
            if (group.isBlank()) {
                diagnostics.add(Diagnostic.error(file, line, 1, "cap needs a group name: cap.GROUP=points"));
            } else if (cap != null && cap.signum() < 0) {
                diagnostics.add(Diagnostic.error(file, line, 1, key + " must be 0 or more, was " + cap.toPlainString()));
            } else if (cap != null) {
                caps.put(group, cap);
            }
        }
        if (countErrors(diagnostics) > errorsBefore) {
            return null;
        }
        return new Manifest(name, version, description, ScoringPolicy.of(tiers, caps, required));
    }

    private static List<ScoringPolicy.TierCutoff> tiers(String value, int line, List<Diagnostic> diagnostics) {
        List<ScoringPolicy.TierCutoff> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<BigDecimal> cutoffs = new HashSet<>();
        for (String entry : list(value)) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                diagnostics.add(Diagnostic.error(RulesetSource.MANIFEST, line, 1,
                        "tier '" + preview(entry) + "' must be written NAME:MIN_SCORE, as in A:80"));
                continue;
            }
            String tier = entry.substring(0, colon).strip();
            BigDecimal min = number(entry.substring(colon + 1), line, "tier " + tier, diagnostics);
            if (min == null) {
                continue;
            }
            if (min.signum() < 0 || min.compareTo(BigDecimal.valueOf(100)) > 0) {
                diagnostics.add(Diagnostic.error(RulesetSource.MANIFEST, line, 1,
                        "tier " + tier + " starts at " + min.toPlainString() + "; cutoffs must be within 0..100"));
            } else if (!names.add(tier) || !cutoffs.add(min.stripTrailingZeros())) {
                diagnostics.add(Diagnostic.error(RulesetSource.MANIFEST, line, 1,
                        "tier " + tier + " repeats a tier name or a cutoff"));
            } else {
                out.add(new ScoringPolicy.TierCutoff(tier, min));
            }
        }
        if (out.stream().noneMatch(t -> t.minScore().signum() == 0)) {
            diagnostics.add(Diagnostic.error(RulesetSource.MANIFEST, line, 1,
                    "the lowest tier must start at 0 so that every score has a tier, as in D:0"));
            return ScoringPolicy.DEFAULT_TIERS;
        }
        return out;
    }

    private static BigDecimal number(String text, int line, String what, List<Diagnostic> diagnostics) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            diagnostics.add(Diagnostic.error(RulesetSource.MANIFEST, line, 1,
                    what + " must be a number, was '" + preview(text.strip()) + "'"));
            return null;
        }
    }

    private static String required(Properties p, String key, Map<String, Integer> lines, List<Diagnostic> diagnostics) {
        String v = p.getProperty(key, "").strip();
        if (v.isEmpty()) {
            diagnostics.add(Diagnostic.error(RulesetSource.MANIFEST, lines.getOrDefault(key, 0), 1,
                    "'" + key + "' is required"));
            return null;
        }
        return v;
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static int indexOfSeparator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    private static boolean endsWithContinuation(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static int countErrors(List<Diagnostic> diagnostics) {
        return (int) diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    }

    private static String preview(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}

package io.icprules.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.icprules.io.AccountJson;
import io.icprules.io.YamlTree;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the columns of a CRM export (a HubSpot or Salesforce company export, any CSV with a header)
 * become account fields, custom attributes and events, and how their values are converted. Read
 * from a small YAML file:
 *
 * <pre>{@code
 * ignore_unmapped: true            # columns not named below are ignored (default false: they stop the run)
 * list_separator: ";"              # between technologies (default ;)
 * date_format: MM/dd/yyyy          # how dates are written (default yyyy-MM-dd)
 * ranges: lower                    # 1,001-5,000 becomes 1001; or midpoint: 3000 (default lower)
 * columns:
 *   Record ID: id
 *   Company name: name
 *   Website URL: domain            # https://www.acme.com/about becomes acme.com
 *   Number of Employees: employees # 1,200 / 1 200 / 51-200 / 10,001+
 *   Annual Revenue: annual_revenue # $4,500,000.00 / 4.5M / USD 4500000
 *   Country/Region: country        # United States / USA / us become US
 *   Industry:
 *     field: industry
 *     values: {RETAIL: retail, RESTAURANTS: restaurants}
 *   Number of Locations: attr.locations
 *   Unionized: {field: attr.unionized, type: boolean}
 *   Last Funding Date: event.funding_round
 *   CMMC Date: {field: event.regulatory_change, details: {regulation: CMMC}}
 * ignore: [Create Date, Company owner]
 * }</pre>
 *
 * <p>Every problem of the file is reported at once, each with its line, by {@link #load(Path)}.
 * See {@link MappedCsvAccountReader} for how rows are read with a mapping.
 */
public final class ColumnMapping {

    /** The type of a column's values. */
    enum Type {
        /** Text as written. */
        TEXT,
        /** A website or domain, reduced to the domain. */
        DOMAIN,
        /** A country code or English name, converted to the ISO alpha-2 code. */
        COUNTRY,
        /** A whole number or a range of them. */
        WHOLE,
        /** A list split by the separator. */
        LIST,
        /** A custom attribute typed from its text as in the CSV layout. */
        AUTO,
        /** A number or a range: whole numbers become {@code Long}, others {@code Double}. */
        NUMBER,
        /** A yes/no answer. */
        BOOLEAN,
        /** A date in the declared form. */
        DATE
    }

    /**
     * One mapped column.
     *
     * @param header    the header as written in the mapping
     * @param target    the account field, {@code attr.NAME} or {@code event.TYPE}
     * @param type      how values are converted
     * @param values    text to text, applied first (keys in lower case); an empty replacement means unknown
     * @param date      the date form, for dates and events
     * @param datePattern the date form as written, for messages
     * @param separator the list separator
     * @param range     how a range becomes one number
     * @param optional  whether the column may be absent from a file
     * @param details   details given to every event of an {@code event.TYPE} column
     * @param line      the line of the mapping file that maps the column
     */
    record Column(String header, String target, Type type, Map<String, String> values, DateTimeFormatter date,
                  String datePattern, String separator, CrmValues.RangeRule range, boolean optional,
                  Map<String, String> details, int line) {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final List<String> TOP_KEYS = List.of("ignore_unmapped", "list_separator", "date_format", "ranges",
            "columns", "ignore");
    private static final List<String> COLUMN_KEYS = List.of("field", "type", "values", "format", "separator", "range",
            "optional", "details");
    private static final List<String> FIXED_TARGETS = AccountField.KEYS;

    private final Path source;
    private final boolean ignoreUnmapped;
    private final List<Column> columns;
    private final Set<String> ignored;

    private ColumnMapping(Path source, boolean ignoreUnmapped, List<Column> columns, Set<String> ignored) {
        this.source = source;
        this.ignoreUnmapped = ignoreUnmapped;
        this.columns = List.copyOf(columns);
        this.ignored = Collections.unmodifiableSet(new LinkedHashSet<>(ignored));
    }

    /** @return the mapping file */
    public Path source() {
        return source;
    }

    /** @return true when columns the mapping does not name are ignored rather than refused */
    public boolean ignoreUnmapped() {
        return ignoreUnmapped;
    }

    /** @return the mapped columns, in mapping order */
    List<Column> columns() {
        return columns;
    }

    /** @return the headers listed under {@code ignore}, in lower case */
    Set<String> ignored() {
        return ignored;
    }

    /** @return {@code header -> target} for every mapped column, in mapping order */
    public Map<String, String> targets() {
        Map<String, String> out = new LinkedHashMap<>();
        columns.forEach(c -> out.put(c.header(), c.target()));
        return out;
    }

    /**
     * Reads a mapping file.
     *
     * @param file the YAML file, never null
     * @return the mapping
     * @throws InputFileException listing every problem with its line, or when the file does not exist
     * @throws IOException        when the file cannot be read
     */
    public static ColumnMapping load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputFileException(file, "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputFileException(file, "the mapping is not valid UTF-8 text");
        }
        return parse(text, file);
    }

    /**
     * Reads a mapping from its text, for code that holds the text rather than the file (a Spark task
     * receives the text the driver read).
     *
     * @param text the YAML text, never null
     * @param file the file the text came from, named in messages, never null
     * @return the mapping
     * @throws InputFileException listing every problem with its line
     */
    public static ColumnMapping parse(String text, Path file) throws InputFileException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(file, "file");
        try (Reader in = new java.io.StringReader(text); JsonParser p = YamlTree.FACTORY.createParser(in)) {
            return new Parse(file).run(p);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputFileException(file, "line " + line + ": not valid YAML: " + YamlTree.problem(e.getOriginalMessage()));
        } catch (InputFileException e) {
            throw e;
        } catch (IOException e) { // text in memory: nothing else can fail
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One reading of a mapping file, collecting every problem. */
    private static final class Parse {
        private final Path file;
        private final List<String> problems = new ArrayList<>();

        Parse(Path file) {
            this.file = file;
        }

        ColumnMapping run(JsonParser p) throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputFileException(file, "line 1: a mapping file starts with 'columns:' (and optionally "
                        + String.join(", ", TOP_KEYS.stream().filter(k -> !k.equals("columns")).toList()) + ")");
            }
            boolean ignoreUnmapped = false;
            String separator = ";";
            String datePattern = "yyyy-MM-dd";
            int dateLine = 0;
            CrmValues.RangeRule range = CrmValues.RangeRule.LOWER;
            Map<String, Integer> columnLines = new LinkedHashMap<>();
            Map<String, JsonNode> columnNodes = new LinkedHashMap<>();
            Set<String> ignored = new LinkedHashSet<>();
            boolean sawColumns = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int line = p.currentTokenLocation().getLineNr();
                p.nextToken();
                switch (key) {
                    case "columns" -> {
                        sawColumns = true;
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            problem(line, "columns: expected 'CSV header: field' lines, found "
                                    + AccountJson.describe(YamlTree.read(p)));
                            continue;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String header = p.currentName().strip();
                            int headerLine = p.currentTokenLocation().getLineNr();
                            p.nextToken();
                            JsonNode spec = YamlTree.read(p);
                            String lower = header.toLowerCase(Locale.ROOT);
                            if (columnLines.keySet().stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).equals(lower))) {
                                problem(headerLine, "column '" + header + "' is mapped twice (headers match ignoring case)");
                                continue;
                            }
                            columnLines.put(header, headerLine);
                            columnNodes.put(header, spec);
                        }
                    }
                    case "ignore" -> {
                        JsonNode v = YamlTree.read(p);
                        if (!v.isArray()) {
                            problem(line, "ignore: expected a list of CSV headers, found " + AccountJson.describe(v));
                        } else {
                            for (JsonNode h : v) {
                                if (!h.isValueNode() || h.isNull() || h.asText().isBlank()) {
                                    problem(line, "ignore: expected CSV headers, found " + AccountJson.describe(h));
                                } else {
                                    ignored.add(h.asText().strip().toLowerCase(Locale.ROOT));
                                }
                            }
                        }
                    }
                    case "ignore_unmapped" -> {
                        JsonNode v = YamlTree.read(p);
                        if (!v.isBoolean()) {
                            problem(line, "ignore_unmapped: expected true or false, found " + AccountJson.describe(v));
                        } else {
                            ignoreUnmapped = v.booleanValue();
                        }
                    }
                    case "list_separator" -> {
                        String s = text(YamlTree.read(p));
                        if (s == null || s.isEmpty()) {
                            problem(line, "list_separator: expected one or more characters, such as \";\"");
                        } else {
                            separator = s;
                        }
                    }
                    case "date_format" -> {
                        String s = text(YamlTree.read(p));
                        if (s == null || s.isBlank()) {
                            problem(line, "date_format: expected a pattern such as MM/dd/yyyy");
                        } else {
                            datePattern = s;
                            dateLine = line;
                        }
                    }
                    case "ranges" -> {
                        CrmValues.RangeRule r = rangeRule(line, "ranges", YamlTree.read(p));
                        if (r != null) {
                            range = r;
                        }
                    }
                    default -> {
                        YamlTree.read(p);
                        problem(line, "unknown key '" + key + "' (accepted: " + String.join(", ", TOP_KEYS) + ")");
                    }
                }
            }
            if (!sawColumns) {
                problem(1, "no 'columns:' section: map at least the column that holds the account id to id");
            }
            DateTimeFormatter defaultDate = formatter(dateLine, "date_format", datePattern);
            List<Column> columns = new ArrayList<>();
            Map<String, String> targetOwner = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : columnNodes.entrySet()) {
                String header = e.getKey();
                int line = columnLines.get(header);
                Column c = column(header, e.getValue(), line, separator, datePattern, defaultDate, range);
                if (c == null) {
                    continue;
                }
                if (ignored.contains(header.toLowerCase(Locale.ROOT))) {
                    problem(line, "column '" + header + "' is both mapped and listed under ignore");
                }
                String owner = targetOwner.putIfAbsent(c.target(), header);
                if (owner != null && !c.target().equals("technologies")) {
                    problem(line, "columns '" + owner + "' and '" + header + "' both map to " + c.target()
                            + " (only technologies may take several columns)");
                }
                columns.add(c);
            }
            if (sawColumns && !targetOwner.containsKey("id")) {
                problem(1, "no column is mapped to id: name the column that holds the account's id (such as "
                        + "'Record ID: id')");
            }
            if (!problems.isEmpty()) {
                throw new InputFileException(file, String.join("; ", problems));
            }
            return new ColumnMapping(file, ignoreUnmapped, columns, ignored);
        }

        private Column column(String header, JsonNode spec, int line, String separator, String datePattern,
                              DateTimeFormatter defaultDate, CrmValues.RangeRule range) {
            String where = "column '" + header + "': ";
            if (header.isEmpty()) {
                problem(line, "a column header must not be blank");
                return null;
            }
            String target;
            JsonNode typeNode = null;
            Map<String, String> values = Map.of();
            String pattern = datePattern;
            DateTimeFormatter date = defaultDate;
            String sep = separator;
            CrmValues.RangeRule rule = range;
            boolean optional = false;
            Map<String, String> details = Map.of();
            if (spec.isTextual()) {
                target = spec.asText().strip();
            } else if (spec.isObject()) {
                List<String> unknown = new ArrayList<>();
                spec.fieldNames().forEachRemaining(k -> {
                    if (!COLUMN_KEYS.contains(k)) {
                        unknown.add(k);
                    }
                });
                if (!unknown.isEmpty()) {
                    problem(line, where + "unknown key '" + String.join("', '", unknown) + "' (accepted: "
                            + String.join(", ", COLUMN_KEYS) + ")");
                }
                target = text(spec.path("field"));
                if (target == null) {
                    problem(line, where + "field: is required (the account field, attr.NAME or event.TYPE it maps to)");
                    return null;
                }
                target = target.strip();
                typeNode = spec.get("type");
                if (spec.has("values")) {
                    values = values(line, where + "values: ", spec.get("values"), true);
                }
                if (spec.has("format")) {
                    String f = text(spec.get("format"));
                    if (f == null || f.isBlank()) {
                        problem(line, where + "format: expected a date pattern such as MM/dd/yyyy");
                    } else {
                        pattern = f;
                        date = formatter(line, where + "format", f);
                    }
                }
                if (spec.has("separator")) {
                    String s = text(spec.get("separator"));
                    if (s == null || s.isEmpty()) {
                        problem(line, where + "separator: expected one or more characters");
                    } else {
                        sep = s;
                    }
                }
                if (spec.has("range")) {
                    CrmValues.RangeRule r = rangeRule(line, where + "range", spec.get("range"));
                    if (r != null) {
                        rule = r;
                    }
                }
                if (spec.has("details")) {
                    if (!target.startsWith("event.")) {
                        problem(line, where + "details: only an event.TYPE column has details");
                    } else {
                        details = values(line, where + "details: ", spec.get("details"), false);
                    }
                }
                if (spec.has("optional")) {
                    if (!spec.get("optional").isBoolean()) {
                        problem(line, where + "optional: expected true or false");
                    } else {
                        optional = spec.get("optional").booleanValue();
                    }
                }
            } else {
                problem(line, where + "expected a field name (such as employees or attr.locations) or a mapping "
                        + "with field:, found " + AccountJson.describe(spec));
                return null;
            }
            Type type = type(line, where, target, typeNode);
            if (type == null) {
                return null;
            }
            return new Column(header, target, type, values, date, pattern, sep, rule, optional, details, line);
        }

        /** A fixed field's values are converted by its kind; a domain and a country are also normalised. */
        private static Type fixedType(AccountField field) {
            return switch (field) {
                case DOMAIN -> Type.DOMAIN;
                case COUNTRY -> Type.COUNTRY;
                default -> switch (field.kind()) {
                    case TEXT -> Type.TEXT;
                    case WHOLE_INT, WHOLE_LONG -> Type.WHOLE;
                    case LIST -> Type.LIST;
                };
            };
        }

        private Type type(int line, String where, String target, JsonNode typeNode) {
            String declared = typeNode == null ? null : text(typeNode);
            AccountField fixed = AccountField.byKey(target);
            if (fixed != null) {
                if (declared != null) {
                    problem(line, where + "type: the type of " + target + " is fixed; remove type:");
                    return null;
                }
                return fixedType(fixed);
            }
            if (target.startsWith("attr.")) {
                if (!NAME.matcher(target.substring(5)).matches()) {
                    problem(line, where + "'" + target + "': attribute names may use letters, digits, '_', '-' and '.' only");
                    return null;
                }
                if (declared == null) {
                    return Type.AUTO;
                }
                return switch (declared.toLowerCase(Locale.ROOT)) {
                    case "auto" -> Type.AUTO;
                    case "text" -> Type.TEXT;
                    case "number" -> Type.NUMBER;
                    case "boolean" -> Type.BOOLEAN;
                    case "date" -> Type.DATE;
                    default -> {
                        problem(line, where + "type: '" + declared + "' is not one of auto, text, number, boolean, date");
                        yield null;
                    }
                };
            }
            if (target.startsWith("event.")) {
                if (!NAME.matcher(target.substring(6)).matches()) {
                    problem(line, where + "'" + target + "': event types may use letters, digits, '_', '-' and '.' only");
                    return null;
                }
                if (declared != null && !declared.equalsIgnoreCase("date")) {
                    problem(line, where + "type: an event column holds the event's date; remove type:");
                    return null;
                }
                return Type.DATE;
            }
            problem(line, where + "unknown field '" + target + "' (accepted: " + String.join(", ", FIXED_TARGETS)
                    + ", attr.<name>, event.<type>)");
            return null;
        }

        /** Text-to-text pairs; for {@code values:} the keys are matched ignoring case, so they are kept in lower case. */
        private Map<String, String> values(int line, String where, JsonNode v, boolean lowerCaseKeys) {
            if (!v.isObject()) {
                problem(line, where + "expected 'key: value' pairs, found " + AccountJson.describe(v));
                return Map.of();
            }
            Map<String, String> out = new LinkedHashMap<>();
            v.properties().forEach(e -> {
                JsonNode to = e.getValue();
                String key = lowerCaseKeys ? e.getKey().strip().toLowerCase(Locale.ROOT) : e.getKey().strip();
                if (to.isNull()) {
                    out.put(key, "");
                } else if (to.isValueNode()) {
                    out.put(key, to.asText());
                } else {
                    problem(line, where + "'" + e.getKey() + "' must map to text, found " + AccountJson.describe(to));
                }
            });
            return out;
        }

        private CrmValues.RangeRule rangeRule(int line, String key, JsonNode v) {
            String s = text(v);
            if (s != null) {
                switch (s.strip().toLowerCase(Locale.ROOT)) {
                    case "lower" -> {
                        return CrmValues.RangeRule.LOWER;
                    }
                    case "midpoint" -> {
                        return CrmValues.RangeRule.MIDPOINT;
                    }
                    default -> {
                        // reported below
                    }
                }
            }
            problem(line, key + ": expected lower or midpoint, found " + AccountJson.describe(v));
            return null;
        }

        private DateTimeFormatter formatter(int line, String key, String pattern) {
            try {
                // STRICT rejects 30 February; a pattern with yyyy needs the era, which is always ours.
                return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                        .parseDefaulting(ChronoField.ERA, 1).toFormatter(Locale.ENGLISH)
                        .withResolverStyle(ResolverStyle.STRICT);
            } catch (IllegalArgumentException e) {
                problem(line, key + ": '" + pattern + "' is not a date pattern (" + e.getMessage() + ")");
                return null;
            }
        }

        private static String text(JsonNode v) {
            return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
        }

        private void problem(int line, String message) {
            problems.add("line " + line + ": " + message);
        }
    }
}

package io.icprules.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.icprules.io.AccountJson;
import io.icprules.io.internal.MappingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
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
        return parse(MappingFile.readText(file), file);
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
        return new Parse(file).parse(text);
    }

    /** One reading of a mapping file, collecting every problem: the keys of a company export's mapping. */
    private static final class Parse extends MappingFile<ColumnMapping> {
        private String separator = ";";
        private CrmValues.RangeRule range = CrmValues.RangeRule.LOWER;

        Parse(Path file) {
            super(file, TOP_KEYS, "a mapping file starts with 'columns:' (and optionally "
                    + String.join(", ", TOP_KEYS.stream().filter(k -> !k.equals("columns")).toList()) + ")",
                    "'CSV header: field' lines");
        }

        @Override
        protected boolean topKey(String key, JsonNode value, int line) {
            switch (key) {
                case "list_separator" -> {
                    String s = text(value);
                    if (s == null || s.isEmpty()) {
                        problem(line, "list_separator: expected one or more characters, such as \";\"");
                    } else {
                        separator = s;
                    }
                }
                case "ranges" -> {
                    CrmValues.RangeRule r = rangeRule(line, "ranges", value);
                    if (r != null) {
                        range = r;
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        @Override
        protected ColumnMapping build() {
            if (!sawColumns()) {
                problem(1, "no 'columns:' section: map at least the column that holds the account id to id");
            }
            DateForm dates = dateFormat();
            List<Column> columns = new ArrayList<>();
            Map<String, String> targetOwner = new LinkedHashMap<>();
            for (ColumnSpec spec : columns()) {
                Column c = column(spec, dates);
                if (c == null) {
                    continue;
                }
                checkNotIgnored(spec);
                String owner = targetOwner.putIfAbsent(c.target(), spec.header());
                if (owner != null && !c.target().equals("technologies")) {
                    problem(spec.line(), "columns '" + owner + "' and '" + spec.header() + "' both map to " + c.target()
                            + " (only technologies may take several columns)");
                }
                columns.add(c);
            }
            if (sawColumns() && !targetOwner.containsKey("id")) {
                problem(1, "no column is mapped to id: name the column that holds the account's id (such as "
                        + "'Record ID: id')");
            }
            return new ColumnMapping(file(), ignoreUnmapped(), columns, ignored());
        }

        private Column column(ColumnSpec column, DateForm dates) {
            String target = target(column, COLUMN_KEYS, "the account field, attr.NAME or event.TYPE it maps to",
                    "a field name (such as employees or attr.locations)");
            if (target == null) {
                return null;
            }
            String where = where(column);
            int line = column.line();
            JsonNode spec = column.spec();
            JsonNode typeNode = null;
            Map<String, String> values = Map.of();
            DateForm date = dates;
            String sep = separator;
            CrmValues.RangeRule rule = range;
            boolean optional = false;
            Map<String, String> details = Map.of();
            if (spec.isObject()) {
                typeNode = spec.get("type");
                if (spec.has("values")) {
                    values = pairs(line, where + "values: ", spec.get("values"), true, "'key: value'", "text");
                }
                date = format(column, dates);
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
                        details = pairs(line, where + "details: ", spec.get("details"), false, "'key: value'", "text");
                    }
                }
                optional = optional(column);
            }
            Type type = type(line, where, target, typeNode);
            if (type == null) {
                return null;
            }
            return new Column(column.header(), target, type, values, date.format(), date.pattern(), sep, rule, optional,
                    details, line);
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
    }
}

package io.icprules.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.icprules.io.AccountJson;
import io.icprules.io.InputFileException;
import io.icprules.io.internal.MappingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the columns of a CRM deals export (HubSpot deals, Salesforce opportunities, any CSV with a
 * header) become the columns of an outcomes file ({@link OutcomesReader}) or a pipeline file
 * ({@link PipelineReader}), and how their values are translated. Read from a small YAML file, one
 * per export:
 *
 * <pre>{@code
 * date_format: yyyy-MM-dd HH:mm     # how dates are written (default yyyy-MM-dd); the time is dropped
 * ignore_unmapped: false            # true: columns not named below are skipped
 * columns:
 *   Record ID: deal_id
 *   Associated Company IDs: account_id   # or a column of company names: account_name
 *   Create Date: entered_pipeline
 *   Deal Stage:
 *     field: outcome
 *     values: {Closed Won: won, Closed Lost: lost}
 *     otherwise: open                # any other stage is an open deal (the default for outcome)
 *   Close Date: close_date
 *   Amount: amount                   # 12000, $12,000.00, 12k
 * ignore: [Deal Name, Pipeline, Deal owner]
 * }</pre>
 *
 * <p>The targets are the columns of the file's own layout ({@link OutcomesReader#COLUMNS},
 * {@link PipelineReader#COLUMNS}) and {@code account_name}: the account is then found by its name in
 * the accounts file (as written, else ignoring case and spaces; see
 * {@link OutcomesReader#read(Path, DealMapping, AccountBook, io.icprules.io.ReadOptions)}). Cells
 * are converted as in a company export: amounts and other numbers as
 * {@link io.icprules.io.CrmValues#number} reads them ({@code $12,000.00}, {@code 12k},
 * {@code 72%}), yes/no answers as {@link io.icprules.io.CrmValues#bool}, dates in the declared
 * pattern. Every problem of the file is reported at once, each with its line.
 */
public final class DealMapping {

    /** Which file a mapping stands for. */
    public enum Layout {
        /** Deals with their outcomes: {@link OutcomesReader}. */
        OUTCOMES,
        /** Open deals: {@link PipelineReader}. */
        PIPELINE
    }

    /** The target naming the account by its name instead of its id. */
    public static final String ACCOUNT_NAME = "account_name";

    /**
     * One mapped column.
     *
     * @param header      the header as written in the mapping
     * @param target      the column of the file's own layout it stands for
     * @param values      translations, keys in lower case; an empty replacement means unknown
     * @param otherwise   the value of a non-blank cell that {@code values} does not list, or null to keep it
     * @param date        the date form, for date columns
     * @param datePattern the form as written, for messages
     * @param optional    whether the column may be missing from a file
     * @param line        the line of the mapping file
     */
    record Column(String header, String target, Map<String, String> values, String otherwise,
                  DateTimeFormatter date, String datePattern, boolean optional, int line) {
    }

    private static final List<String> TOP_KEYS = List.of("ignore_unmapped", "date_format", "columns", "ignore");
    private static final List<String> COLUMN_KEYS = List.of("field", "values", "otherwise", "format", "optional");
    private static final Set<String> DATES = Set.of("entered_pipeline", "close_date");
    private static final String OUTCOMES_TEXT = "won, lost, open or churned";

    private final Path source;
    private final Layout layout;
    private final boolean ignoreUnmapped;
    private final Map<String, Column> byTarget;
    private final Set<String> ignored;

    private DealMapping(Path source, Layout layout, boolean ignoreUnmapped, List<Column> columns, Set<String> ignored) {
        this.source = source;
        this.layout = layout;
        this.ignoreUnmapped = ignoreUnmapped;
        Map<String, Column> m = new LinkedHashMap<>();
        columns.forEach(c -> m.put(c.target(), c));
        this.byTarget = m;
        this.ignored = Set.copyOf(ignored);
    }

    /**
     * Reads the mapping of an outcomes export (deals with their outcomes).
     *
     * @param file the YAML file, never null
     * @return the mapping
     * @throws InputFileException listing every problem with its line, or when the file does not exist
     * @throws IOException        when the file cannot be read
     */
    public static DealMapping loadOutcomes(Path file) throws IOException {
        return load(file, Layout.OUTCOMES);
    }

    /**
     * Reads the mapping of a pipeline export (open deals).
     *
     * @param file the YAML file, never null
     * @return the mapping
     * @throws InputFileException listing every problem with its line, or when the file does not exist
     * @throws IOException        when the file cannot be read
     */
    public static DealMapping loadPipeline(Path file) throws IOException {
        return load(file, Layout.PIPELINE);
    }

    /**
     * Reads a mapping.
     *
     * @param file   the YAML file, never null
     * @param layout the file it maps to, never null
     * @return the mapping
     * @throws InputFileException listing every problem with its line, or when the file does not exist
     * @throws IOException        when the file cannot be read
     */
    public static DealMapping load(Path file, Layout layout) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(layout, "layout");
        return new Parse(file, layout).parse(MappingFile.readText(file));
    }

    /** @return the mapping file */
    public Path source() {
        return source;
    }

    /** @return the file this mapping reads into */
    public Layout layout() {
        return layout;
    }

    /** @return {@code header -> target} for every mapped column, in mapping order */
    public Map<String, String> targets() {
        Map<String, String> out = new LinkedHashMap<>();
        byTarget.values().forEach(c -> out.put(c.header(), c.target()));
        return out;
    }

    /** @return true when deals name their account by name ({@code account_name}) rather than by id */
    public boolean byAccountName() {
        return byTarget.containsKey(ACCOUNT_NAME);
    }

    /** @return the accepted targets of a layout */
    static List<String> targets(Layout layout) {
        List<String> out = new ArrayList<>(layout == Layout.OUTCOMES ? OutcomesReader.COLUMNS : PipelineReader.COLUMNS);
        out.add(ACCOUNT_NAME);
        return out;
    }

    /**
     * Checks an export's header against the mapping; used as the header check of the file's rows.
     *
     * @param file   the export, for messages
     * @param header the header's cells
     * @return {@code target -> position} of every mapped column found
     * @throws InputFileException when a column is neither mapped nor ignored (unless
     *                            {@code ignore_unmapped}), a mapped column is missing (unless
     *                            optional) or appears twice
     */
    Map<String, Integer> columns(Path file, List<String> header) throws InputFileException {
        Map<String, Column> byHeader = new LinkedHashMap<>();
        byTarget.values().forEach(c -> byHeader.put(c.header().toLowerCase(Locale.ROOT), c));
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<String> unmapped = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i).replace("\uFEFF", "").strip();
            String lower = raw.toLowerCase(Locale.ROOT);
            Column c = byHeader.get(lower);
            if (c != null) {
                if (positions.putIfAbsent(c.target(), i) != null) {
                    problems.add("column " + (i + 1) + " '" + raw + "' appears more than once");
                }
            } else if (!ignored.contains(lower) && !ignoreUnmapped) {
                unmapped.add("'" + raw + "'");
            }
        }
        if (!unmapped.isEmpty()) {
            problems.add((unmapped.size() == 1 ? "column " : "columns ") + String.join(", ", unmapped)
                    + (unmapped.size() == 1 ? " is" : " are") + " not in the mapping " + source
                    + " (map them, list them under ignore:, or set ignore_unmapped: true)");
        }
        List<String> missing = byTarget.values().stream().filter(c -> !c.optional() && !positions.containsKey(c.target()))
                .map(c -> "'" + c.header() + "'").toList();
        if (!missing.isEmpty()) {
            problems.add("mapped " + (missing.size() == 1 ? "column " : "columns ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing (fix the header in the mapping " + source
                    + ", or mark the column optional: true)");
        }
        if (!problems.isEmpty()) {
            throw new InputFileException(file, "line 1: " + String.join("; ", problems));
        }
        return positions;
    }

    /** @return the column mapped to a target, or null */
    Column column(String target) {
        return byTarget.get(target);
    }

    /**
     * Translates a cell: a value listed under {@code values:} becomes its replacement; any other
     * non-blank value becomes the column's {@code otherwise:} value when it has one, except for an
     * outcome column, where a value that already is won, lost, open or churned stays.
     */
    static String translate(Column c, String cell) {
        if (cell == null || cell.isBlank()) {
            return cell;
        }
        String to = c.values().get(cell.strip().toLowerCase(Locale.ROOT));
        if (to != null) {
            return to;
        }
        if (c.otherwise() == null || (c.target().equals("outcome") && DealOutcome.parse(cell).isPresent())) {
            return cell;
        }
        return c.otherwise();
    }

    /** One reading of a mapping file, collecting every problem: the targets and translations of a deals export. */
    private static final class Parse extends MappingFile<DealMapping> {
        private final Layout layout;

        Parse(Path file, Layout layout) {
            super(file, TOP_KEYS, "a deals mapping starts with 'columns:' (and optionally "
                    + "ignore, ignore_unmapped, date_format)", "'CSV header: column' lines");
            this.layout = layout;
        }

        @Override
        protected DealMapping build() {
            if (!sawColumns()) {
                problem(1, "no 'columns:' section: map the export's columns to " + required());
            }
            DateForm dates = dateFormat();
            List<Column> columns = new ArrayList<>();
            Map<String, ColumnSpec> owners = new LinkedHashMap<>();
            for (ColumnSpec spec : columns()) {
                Column c = column(spec, dates);
                if (c == null) {
                    continue;
                }
                checkNotIgnored(spec);
                ColumnSpec owner = owners.putIfAbsent(c.target(), spec);
                if (owner != null) {
                    problem(spec.line(), "columns '" + owner.header() + "' and '" + spec.header() + "' both map to "
                            + c.target());
                    continue;
                }
                columns.add(c);
            }
            if (sawColumns()) {
                if (owners.containsKey("account_id") && owners.containsKey(ACCOUNT_NAME)) {
                    problem(owners.get(ACCOUNT_NAME).line(), "map either account_id or account_name, not both: "
                            + "the account is found by its id, or else by its name");
                } else if (!owners.containsKey("account_id") && !owners.containsKey(ACCOUNT_NAME)) {
                    problem(1, "no column is mapped to account_id or account_name: name the column that holds the "
                            + "account's id (such as 'Associated Company IDs: account_id') or its name (such as "
                            + "'Account Name: account_name')");
                }
                for (String t : layout == Layout.OUTCOMES ? List.of("entered_pipeline", "outcome") : List.of("deal_id")) {
                    if (!owners.containsKey(t)) {
                        problem(1, "no column is mapped to " + t + " (required: " + required() + ")");
                    }
                }
            }
            return new DealMapping(file(), layout, ignoreUnmapped(), columns, ignored());
        }

        private String required() {
            return layout == Layout.OUTCOMES ? "account_id or account_name, entered_pipeline and outcome"
                    : "deal_id, and account_id or account_name";
        }

        private Column column(ColumnSpec column, DateForm dates) {
            String target = target(column, COLUMN_KEYS, "the column of the " + layoutName() + " it stands for",
                    "a column name (such as amount)");
            if (target == null) {
                return null;
            }
            String where = where(column);
            int line = column.line();
            JsonNode spec = column.spec();
            Map<String, String> values = Map.of();
            String otherwise = null;
            boolean otherwiseGiven = false;
            DateForm date = dates;
            boolean optional = false;
            if (spec.isObject()) {
                if (spec.has("values")) {
                    values = pairs(line, where + "values: ", spec.get("values"), true, "'value: replacement'", "one value");
                }
                if (spec.has("otherwise")) {
                    otherwiseGiven = true;
                    JsonNode o = spec.get("otherwise");
                    if (o.isNull()) {
                        otherwise = null;
                    } else if (!o.isValueNode()) {
                        problem(line, where + "otherwise: expected one value, found " + AccountJson.describe(o));
                    } else {
                        otherwise = o.asText();
                    }
                }
                date = format(column, dates);
                optional = optional(column);
            }
            if (!targets(layout).contains(target)) {
                problem(line, where + "unknown column '" + target + "' (accepted for the " + layoutName() + ": "
                        + String.join(", ", targets(layout)) + ")");
                return null;
            }
            if (spec.has("format") && !DATES.contains(target)) {
                problem(line, where + "format: only a date column (" + String.join(", ", DATES.stream().sorted().toList())
                        + ") has a date format");
            }
            if (target.equals("outcome")) {
                values.forEach((from, to) -> {
                    if (!to.isEmpty() && DealOutcome.parse(to).isEmpty()) {
                        problem(line, where + "values: '" + from + "' maps to '" + to + "', which is not " + OUTCOMES_TEXT);
                    }
                });
                if (otherwise != null && DealOutcome.parse(otherwise).isEmpty()) {
                    problem(line, where + "otherwise: '" + otherwise + "' is not " + OUTCOMES_TEXT
                            + " (or ~ to refuse stages not listed under values:)");
                }
                if (!otherwiseGiven && !values.isEmpty()) {
                    // CRM pipelines have many open stages: those not listed are open deals unless told otherwise.
                    otherwise = DealOutcome.OPEN.label();
                }
            }
            return new Column(column.header(), target, values, otherwise, date.format(), date.pattern(), optional, line);
        }

        private String layoutName() {
            return layout == Layout.OUTCOMES ? "outcomes file" : "pipeline file";
        }
    }
}

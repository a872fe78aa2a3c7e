package io.icprules.io.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.icprules.io.AccountJson;
import io.icprules.io.CrmValues;
import io.icprules.io.InputFileException;
import io.icprules.io.YamlTree;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

/**
 * One reading of a column mapping file: the YAML file that maps the headers of a CRM export to the
 * columns a reader knows ({@link io.icprules.io.ColumnMapping} for company exports, the deals
 * mappings of icp-rules-evidence). This class reads what every such file has in common, the
 * {@code columns:} section (a header mapped twice is a problem), {@code ignore},
 * {@code ignore_unmapped} and {@code date_format}, and the column keys {@code field},
 * {@code values}, {@code format} and {@code optional}; a subclass reads its own top-level keys
 * ({@link #topKey}) and turns each column into its own form ({@link #build}). Every problem is
 * collected with its line and all are reported at once.
 *
 * @param <T> the mapping read
 */
public abstract class MappingFile<T> {

    /**
     * One entry of the {@code columns:} section, as written.
     *
     * @param header the header, stripped
     * @param spec   what it maps to: a target name or a mapping with {@code field:}
     * @param line   the line of the mapping file
     */
    public record ColumnSpec(String header, JsonNode spec, int line) {
    }

    /**
     * A date form.
     *
     * @param pattern the pattern as written, for messages
     * @param format  the formatter, or null when the pattern is not valid (a problem was reported)
     */
    public record DateForm(String pattern, DateTimeFormatter format) {
    }

    private final Path file;
    private final List<String> topKeys;
    private final String start;
    private final String columnsShape;
    private final List<String> problems = new ArrayList<>();
    private final List<ColumnSpec> columns = new ArrayList<>();
    private final Set<String> ignored = new LinkedHashSet<>();
    private boolean ignoreUnmapped;
    private boolean sawColumns;
    private String datePattern = "yyyy-MM-dd";
    private int dateLine;

    /**
     * @param file         the mapping file, named in messages
     * @param topKeys      the accepted top-level keys, listed in the message on an unknown one
     * @param start        what a file that is not a YAML mapping is told, such as "a mapping file
     *                     starts with 'columns:'"
     * @param columnsShape what {@code columns:} holds, such as "'CSV header: field' lines"
     */
    protected MappingFile(Path file, List<String> topKeys, String start, String columnsShape) {
        this.file = Objects.requireNonNull(file, "file");
        this.topKeys = List.copyOf(topKeys);
        this.start = start;
        this.columnsShape = columnsShape;
    }

    /**
     * Reads the text of a mapping file.
     *
     * @param file the file, never null
     * @return its text
     * @throws InputFileException when the file does not exist or is not UTF-8 text
     * @throws IOException        when it cannot be read
     */
    public static String readText(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputFileException(file, "no such file");
        } catch (MalformedInputException e) {
            throw new InputFileException(file, "the mapping is not valid UTF-8 text");
        }
    }

    /**
     * Reads a mapping from its text; call once.
     *
     * @param text the YAML text, never null
     * @return the mapping
     * @throws InputFileException listing every problem with its line
     */
    public final T parse(String text) throws InputFileException {
        Objects.requireNonNull(text, "text");
        try (Reader in = new StringReader(text); JsonParser p = YamlTree.FACTORY.createParser(in)) {
            return run(p);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputFileException(file, "line " + line + ": not valid YAML: " + YamlTree.problem(e.getOriginalMessage()));
        } catch (InputFileException e) {
            throw e;
        } catch (IOException e) { // text in memory: nothing else can fail
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a top-level key of the subclass's own; the keys every mapping has are read before.
     *
     * @param key   the key
     * @param value its value
     * @param line  its line
     * @return false when the key is unknown (reported as such)
     */
    protected boolean topKey(String key, JsonNode value, int line) {
        return false;
    }

    /**
     * Turns what was read into the mapping, reporting its own problems with {@link #problem}; it is
     * thrown away when there are problems.
     *
     * @return the mapping
     */
    protected abstract T build();

    private T run(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new InputFileException(file, "line 1: " + start);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            p.nextToken();
            switch (key) {
                case "columns" -> readColumns(p, line);
                case "ignore" -> readIgnore(YamlTree.read(p), line);
                case "ignore_unmapped" -> {
                    JsonNode v = YamlTree.read(p);
                    if (!v.isBoolean()) {
                        problem(line, "ignore_unmapped: expected true or false, found " + AccountJson.describe(v));
                    } else {
                        ignoreUnmapped = v.booleanValue();
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
                default -> {
                    if (!topKey(key, YamlTree.read(p), line)) {
                        problem(line, "unknown key '" + key + "' (accepted: " + String.join(", ", topKeys) + ")");
                    }
                }
            }
        }
        T out = build();
        if (!problems.isEmpty()) {
            throw new InputFileException(file, String.join("; ", problems));
        }
        return out;
    }

    private void readColumns(JsonParser p, int line) throws IOException {
        sawColumns = true;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            problem(line, "columns: expected " + columnsShape + ", found " + AccountJson.describe(YamlTree.read(p)));
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String header = p.currentName().strip();
            int headerLine = p.currentTokenLocation().getLineNr();
            p.nextToken();
            JsonNode spec = YamlTree.read(p);
            if (!seen.add(header.toLowerCase(Locale.ROOT))) {
                problem(headerLine, "column '" + header + "' is mapped twice (headers match ignoring case)");
                continue;
            }
            columns.add(new ColumnSpec(header, spec, headerLine));
        }
    }

    private void readIgnore(JsonNode v, int line) {
        if (!v.isArray()) {
            problem(line, "ignore: expected a list of CSV headers, found " + AccountJson.describe(v));
            return;
        }
        for (JsonNode h : v) {
            if (!h.isValueNode() || h.isNull() || h.asText().isBlank()) {
                problem(line, "ignore: expected CSV headers, found " + AccountJson.describe(h));
            } else {
                ignored.add(h.asText().strip().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** @return the mapping file */
    protected final Path file() {
        return file;
    }

    /** @return whether the file has a {@code columns:} section */
    protected final boolean sawColumns() {
        return sawColumns;
    }

    /** @return the value of {@code ignore_unmapped} (default false) */
    protected final boolean ignoreUnmapped() {
        return ignoreUnmapped;
    }

    /** @return the headers listed under {@code ignore}, in lower case */
    protected final Set<String> ignored() {
        return Collections.unmodifiableSet(ignored);
    }

    /** @return the entries of {@code columns:}, in file order, each header once */
    protected final List<ColumnSpec> columns() {
        return Collections.unmodifiableList(columns);
    }

    /**
     * The date form of {@code date_format} (default {@code yyyy-MM-dd}); reports a pattern that is
     * not one.
     *
     * @return the form of every date column that has no {@code format:} of its own
     */
    protected final DateForm dateFormat() {
        return new DateForm(datePattern, formatter(dateLine, "date_format", datePattern));
    }

    /**
     * The target of a column, written as a name or as {@code field:}; reports a blank header, keys
     * not in {@code keys} and a missing or misshapen target.
     *
     * @param column    the column
     * @param keys      the keys a column's mapping accepts
     * @param fieldHint what {@code field:} names, such as "the column of the outcomes file it stands for"
     * @param nameHint  what a column maps to when written as a name, such as "a column name (such as amount)"
     * @return the target, stripped, or null after a problem that leaves nothing to check
     */
    protected final String target(ColumnSpec column, List<String> keys, String fieldHint, String nameHint) {
        String where = where(column);
        int line = column.line();
        JsonNode spec = column.spec();
        if (column.header().isEmpty()) {
            problem(line, "a column header must not be blank");
            return null;
        }
        if (spec.isTextual()) {
            return spec.asText().strip();
        }
        if (!spec.isObject()) {
            problem(line, where + "expected " + nameHint + " or a mapping with field:, found " + AccountJson.describe(spec));
            return null;
        }
        List<String> unknown = new ArrayList<>();
        spec.fieldNames().forEachRemaining(k -> {
            if (!keys.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            problem(line, where + "unknown key '" + String.join("', '", unknown) + "' (accepted: "
                    + String.join(", ", keys) + ")");
        }
        String target = text(spec.path("field"));
        if (target == null) {
            problem(line, where + "field: is required (" + fieldHint + ")");
            return null;
        }
        return target.strip();
    }

    /**
     * Text-to-text pairs, such as {@code values:}.
     *
     * @param line          the line, for messages
     * @param where         what the pairs are, ending in ": ", for messages
     * @param v             the pairs
     * @param lowerCaseKeys whether keys are kept in lower case, to be matched ignoring case
     * @param pairs         how the pairs are written, such as "'key: value'", for messages
     * @param one           what a key maps to, such as "text", for messages
     * @return the pairs; a null value becomes the empty text
     */
    protected final Map<String, String> pairs(int line, String where, JsonNode v, boolean lowerCaseKeys, String pairs,
                                              String one) {
        if (!v.isObject()) {
            problem(line, where + "expected " + pairs + " pairs, found " + AccountJson.describe(v));
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
                problem(line, where + "'" + e.getKey() + "' must map to " + one + ", found " + AccountJson.describe(to));
            }
        });
        return out;
    }

    /**
     * The {@code format:} of a column mapping.
     *
     * @param column the column, written as a mapping
     * @param form   the form when it has none
     * @return its date form, or {@code form}
     */
    protected final DateForm format(ColumnSpec column, DateForm form) {
        if (!column.spec().has("format")) {
            return form;
        }
        String f = text(column.spec().get("format"));
        if (f == null || f.isBlank()) {
            problem(column.line(), where(column) + "format: expected a date pattern such as MM/dd/yyyy");
            return form;
        }
        return new DateForm(f, formatter(column.line(), where(column) + "format", f));
    }

    /**
     * The {@code optional:} of a column mapping.
     *
     * @param column the column, written as a mapping
     * @return whether the column may be missing from a file (default false)
     */
    protected final boolean optional(ColumnSpec column) {
        JsonNode o = column.spec().get("optional");
        if (o == null) {
            return false;
        }
        if (!o.isBoolean()) {
            problem(column.line(), where(column) + "optional: expected true or false");
            return false;
        }
        return o.booleanValue();
    }

    /**
     * Reports a column both mapped and listed under {@code ignore}.
     *
     * @param column the column
     */
    protected final void checkNotIgnored(ColumnSpec column) {
        if (ignored.contains(column.header().toLowerCase(Locale.ROOT))) {
            problem(column.line(), "column '" + column.header() + "' is both mapped and listed under ignore");
        }
    }

    /**
     * @param column the column
     * @return the start of its messages, {@code column 'HEADER': }
     */
    protected static String where(ColumnSpec column) {
        return "column '" + column.header() + "': ";
    }

    /**
     * @param v a value, or null
     * @return its text when it is a non-null scalar, else null
     */
    protected static String text(JsonNode v) {
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    /**
     * Reports a problem.
     *
     * @param line    the line of the mapping file
     * @param message what is wrong and the fix
     */
    protected final void problem(int line, String message) {
        problems.add("line " + line + ": " + message);
    }

    private DateTimeFormatter formatter(int line, String key, String pattern) {
        try {
            return CrmValues.dateFormat(pattern);
        } catch (IllegalArgumentException e) {
            problem(line, key + ": '" + pattern + "' is not a date pattern (" + e.getMessage() + ")");
            return null;
        }
    }
}

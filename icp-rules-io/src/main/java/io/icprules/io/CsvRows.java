package io.icprules.io;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a CSV file with a header line, one row at a time, keeping each row's starting line number.
 *
 * <p>Parsing (quotes, doubled quotes, commas and line breaks inside quoted cells, CRLF line ends,
 * a UTF-8 byte order mark) is done by Jackson's CSV parser. This class checks the header when the
 * file is opened: every column must be known (or an {@code attr.<name>} column when attributes are
 * allowed), none may appear twice and the required ones must be present, otherwise
 * {@link InputFileException} is thrown before a single row is read. Known column names are matched
 * ignoring case and surrounding spaces. Blank lines are skipped.
 *
 * <p>Every row a person sees in the file is one row here, and a broken row costs that row only: a
 * quoted cell that is never closed, text after a closing quote, bytes that are not text in the
 * file's encoding and a line over the length limit ({@link ReadOptions}) each make their row a
 * {@linkplain CsvRow#isBroken() broken row} whose {@link CsvRow#problem()} names the column or byte
 * and says how to fix it, and the rows after it are read as usual. Only a failure to read the file
 * itself ends the rows early: {@link #next()} then throws {@link CsvSyntaxException} with the line of
 * the row that could not be read, and {@link #hasNext()} is false afterwards.
 */
public final class CsvRows implements Iterator<CsvRow>, Closeable {

    /** No limit on a cell's length from the parser: {@link CsvRowGuard} holds rows to the configured limit. */
    private static final CsvMapper MAPPER = new CsvMapper(CsvFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build());

    private final Path file;
    private final CsvRowGuard guard;
    private final CsvParser parser;
    private final Map<String, Integer> columns;
    private final int width;
    private CsvRow pending;
    private CsvSyntaxException failure;
    private boolean done;

    private CsvRows(Path file, CsvRowGuard guard, CsvParser parser, Map<String, Integer> columns, int width) {
        this.file = file;
        this.guard = guard;
        this.parser = parser;
        this.columns = columns;
        this.width = width;
    }

    /** Decides from a header which columns are read, by name, or why the file cannot be used. */
    @FunctionalInterface
    public interface HeaderCheck {
        /**
         * @param header the header's cells as written
         * @return the column names to read, each with its 0-based position
         * @throws InputFileException when the header makes the file unusable
         */
        Map<String, Integer> columns(List<String> header) throws InputFileException;
    }

    /**
     * Opens a file and checks its header.
     *
     * @param file       the file, never null
     * @param known      the accepted column names, in lower case, never null
     * @param attributes whether {@code attr.<name>} columns are accepted
     * @param required   the columns that must be present, never null
     * @return the rows, positioned after the header
     * @throws InputFileException when the file is empty, its header is unreadable, or a column is
     *                            unknown, repeated or missing
     * @throws IOException        when the file cannot be opened
     */
    public static CsvRows open(Path file, Collection<String> known, boolean attributes, Set<String> required)
            throws IOException {
        return open(file, known, attributes, required, ReadOptions.defaults());
    }

    /**
     * Opens a file in a given encoding, with a given longest row, and checks its header.
     *
     * @param file       the file, never null
     * @param known      the accepted column names, in lower case, never null
     * @param attributes whether {@code attr.<name>} columns are accepted
     * @param required   the columns that must be present, never null
     * @param options    the encoding and the longest row, never null
     * @return the rows, positioned after the header
     * @throws InputFileException when the file is empty, its header is unreadable, or a column is
     *                            unknown, repeated or missing
     * @throws IOException        when the file cannot be opened
     */
    public static CsvRows open(Path file, Collection<String> known, boolean attributes, Set<String> required,
                               ReadOptions options) throws IOException {
        return open(file, header -> checkHeader(file, header, known, attributes, required), options);
    }

    /**
     * Opens a file and lets {@code check} decide from its header which columns are read.
     *
     * @param file    the file, never null
     * @param check   the header check, never null
     * @param options the encoding and the longest row, never null
     * @return the rows, positioned after the header
     * @throws InputFileException when the file is empty, its header is unreadable or the check refuses it
     * @throws IOException        when the file cannot be opened
     */
    public static CsvRows open(Path file, HeaderCheck check, ReadOptions options) throws IOException {
        CsvRowGuard guard = new CsvRowGuard(options.open(file), options);
        CsvParser parser = null;
        try {
            parser = MAPPER.getFactory().createParser(guard);
            parser.setSchema(CsvSchema.emptySchema());
            RawRow header = readRow(parser, 16);
            if (header == null) {
                throw new InputFileException(file, "the file is empty; a header line naming the columns is required");
            }
            CsvRowGuard.Broken broken = broken(guard, header);
            if (broken != null) {
                throw new InputFileException(file, "line " + header.line() + ": the header cannot be read: "
                        + broken.problem());
            }
            Map<String, Integer> columns = check.columns(header.cells());
            return new CsvRows(file, guard, parser, columns, header.cells().size());
        } catch (InputFileException e) {
            closeQuietly(parser, guard);
            throw e;
        } catch (IOException e) {
            closeQuietly(parser, guard);
            throw new InputFileException(file, "line 1: the header cannot be read: " + firstLine(e.getMessage()));
        }
    }

    private static Map<String, Integer> checkHeader(Path file, List<String> header, Collection<String> known,
                                                    boolean attributes, Set<String> required)
            throws InputFileException {
        try {
            return ColumnNames.resolve(header, known, attributes, required);
        } catch (IllegalArgumentException e) {
            throw new InputFileException(file, "line 1: " + e.getMessage());
        }
    }

    /** @return the file being read */
    public Path file() {
        return file;
    }

    /** @return the normalised column names in header order */
    public List<String> columns() {
        return List.copyOf(columns.keySet());
    }

    @Override
    public boolean hasNext() {
        if (pending != null || failure != null) {
            return true;
        }
        if (done) {
            return false;
        }
        // Where the next row starts; a row that fails to parse is reported at this line.
        long line = parser.currentLocation().getLineNr();
        try {
            while (true) {
                RawRow row = readRow(parser, width);
                if (row == null) {
                    done = true;
                    return false;
                }
                CsvRowGuard.Broken broken = broken(guard, row);
                if (broken != null) {
                    // The cells after the marker are those before the problem; more than the header's are no use.
                    List<String> before = new ArrayList<>(row.cells().subList(1, Math.min(row.cells().size(), width + 1)));
                    pending = new CsvRow(broken.line(), columns, width, before, broken.problem());
                    return true;
                }
                if (row.cells().size() == 1 && row.cells().get(0).isBlank()) {
                    line = parser.currentLocation().getLineNr();
                    continue; // a blank line is not a data row
                }
                pending = new CsvRow(row.line(), columns, width, row.cells(), null);
                return true;
            }
        } catch (IOException e) {
            done = true;
            failure = new CsvSyntaxException(file, line,
                    "the rest of the file cannot be read: " + firstLine(e.getMessage()));
            return true;
        }
    }

    /**
     * @return the next row
     * @throws CsvSyntaxException     when the rest of the file cannot be read
     * @throws NoSuchElementException when there are no more rows
     */
    @Override
    public CsvRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (failure != null) {
            CsvSyntaxException f = failure;
            failure = null;
            throw f;
        }
        CsvRow r = pending;
        pending = null;
        return r;
    }

    /**
     * The rows turned into values as they are read, broken rows included. When the rest of the file
     * cannot be read, the value {@code unparsed} gives for the exception {@link #next()} throws comes
     * last.
     *
     * @param parsed   turns a row into its value
     * @param unparsed turns that exception into a value
     * @return the values, in row order, reading this file as they are taken
     */
    <T> Iterator<T> map(Function<CsvRow, T> parsed, Function<CsvSyntaxException, T> unparsed) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return CsvRows.this.hasNext();
            }

            @Override
            public T next() {
                CsvRow row;
                try {
                    row = CsvRows.this.next();
                } catch (CsvSyntaxException e) {
                    return unparsed.apply(e);
                }
                return parsed.apply(row);
            }
        };
    }

    /** The cells of one record and the line it starts on. */
    private record RawRow(long line, List<String> cells) {
    }

    /**
     * @return why a row is broken when it is the guard's marker row (a first cell of {@link CsvRowGuard#MARKER}
     *         and line breaks only, while a broken row waits), else null
     */
    private static CsvRowGuard.Broken broken(CsvRowGuard guard, RawRow row) {
        if (row.cells().isEmpty()) {
            return null;
        }
        String first = row.cells().get(0);
        if (first.isEmpty() || first.charAt(0) != CsvRowGuard.MARKER) {
            return null;
        }
        for (int i = 1; i < first.length(); i++) {
            if (first.charAt(i) != '\n') {
                return null;
            }
        }
        return guard.takeBroken(row.line());
    }

    private static RawRow readRow(CsvParser parser, int expectedWidth) throws IOException {
        if (parser.nextToken() == null) {
            return null;
        }
        // Right after the row's start token, the parser stands on the line the row starts on.
        long line = parser.currentLocation().getLineNr();
        List<String> cells = new ArrayList<>(expectedWidth);
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            cells.add(parser.getText());
        }
        return new RawRow(line, cells);
    }

    @Override
    public void close() throws IOException {
        try {
            parser.close();
        } finally {
            guard.close();
        }
    }

    private static void closeQuietly(CsvParser parser, CsvRowGuard guard) {
        try {
            if (parser != null) {
                parser.close();
            }
            guard.close();
        } catch (IOException ignored) {
            // already failing with a better message
        }
    }

    /** Jackson appends the source location on further lines; the line number is reported separately. */
    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

package io.icprules.io;

import java.nio.file.Path;

/**
 * The rest of a CSV file cannot be read, because reading the file itself failed. Thrown by
 * {@link CsvRows#next()}; no row after {@link #line()} can be read. A broken row (an unterminated
 * quote, bytes that are not text in the encoding, a line over the length limit) does not end the
 * rows: it is a {@linkplain CsvRow#isBroken() broken row} of its own.
 */
public class CsvSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param file    the file, never null
     * @param line    the 1-based line of the row that could not be read
     * @param problem what the parser reported, never null
     */
    public CsvSyntaxException(Path file, long line, String problem) {
        super(file + " line " + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /** @return the 1-based line of the row that could not be read */
    public long line() {
        return line;
    }

    /** @return what the parser reported, without the file and line */
    public String problem() {
        return problem;
    }
}

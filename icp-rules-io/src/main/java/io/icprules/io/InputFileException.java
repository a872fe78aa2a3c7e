package io.icprules.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A whole input file cannot be used, for example because its header names a column the reader does
 * not know or a required column is missing. Raised before any record is produced, so that nothing
 * is scored from a file that would be misread.
 */
public class InputFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * Creates the exception.
     *
     * @param file    the offending file, never null
     * @param message what is wrong and how to fix it, never null
     */
    public InputFileException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    /** @return the offending file */
    public Path file() {
        return file;
    }
}

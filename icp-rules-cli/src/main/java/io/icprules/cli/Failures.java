package io.icprules.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Unexpected failures in words a command-line user can act on: what went wrong and with which
 * file, never a Java class name or a stack trace.
 */
final class Failures {

    private Failures() {
    }

    /** @return one line saying what failed */
    static String describe(Throwable t) {
        Throwable e = t instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : t;
        if (e instanceof OutOfMemoryError) {
            return "ran out of memory (" + heap() + "); give the Java heap more room, for example JAVA_OPTS=-Xmx2g";
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        if (e instanceof NotDirectoryException n) {
            return "not a folder: " + n.getFile();
        }
        if (e instanceof FileSystemException f) {
            return (f.getReason() != null ? f.getReason() : "cannot use the file") + ": " + f.getFile();
        }
        if (e instanceof FileNotFoundException || e instanceof IOException) {
            return e.getMessage() != null ? e.getMessage() : "a file could not be read or written";
        }
        if (e instanceof StackOverflowError) {
            return "a value is nested too deeply to be processed";
        }
        String message = e.getMessage();
        return message != null && !message.isBlank() ? message
                : "an unexpected internal error; please report it with the command line that caused it";
    }

    /** @return the heap limit, for a message: {@code the heap limit is 512 MB} */
    static String heap() {
        return "the heap limit is " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB";
    }
}

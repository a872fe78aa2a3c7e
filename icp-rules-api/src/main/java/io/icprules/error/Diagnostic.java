package io.icprules.error;

import java.io.Serializable;
import java.util.Objects;

/**
 * One problem found in a ruleset: where it is and what is wrong.
 *
 * <p>Lines and columns are 1-based; {@code 0} means "not known" (for example a problem that
 * concerns a whole file). {@link #toString()} renders the familiar {@code file:line:column:
 * severity: message} form that editors and CI logs understand.
 */
public final class Diagnostic implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How serious a diagnostic is. */
    public enum Severity {
        /** The ruleset cannot be used. */
        ERROR,
        /** The ruleset works but probably does not do what its author meant. */
        WARNING,
        /** Worth knowing, nothing wrong. */
        INFO
    }

    private final Severity severity;
    private final String file;
    private final int line;
    private final int column;
    private final String message;

    private Diagnostic(Severity severity, String file, int line, int column, String message) {
        this.severity = Objects.requireNonNull(severity, "severity");
        this.file = Objects.requireNonNull(file, "file");
        this.line = Math.max(0, line);
        this.column = Math.max(0, column);
        this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * Creates an error diagnostic.
     *
     * @param file    the file, relative to the ruleset root, never null
     * @param line    1-based line, 0 when unknown
     * @param column  1-based column, 0 when unknown
     * @param message readable explanation, never null
     * @return the diagnostic
     */
    public static Diagnostic error(String file, int line, int column, String message) {
        return new Diagnostic(Severity.ERROR, file, line, column, message);
    }

    /**
     * Creates a warning diagnostic.
     *
     * @param file    the file, relative to the ruleset root, never null
     * @param line    1-based line, 0 when unknown
     * @param column  1-based column, 0 when unknown
     * @param message readable explanation, never null
     * @return the diagnostic
     */
    public static Diagnostic warning(String file, int line, int column, String message) {
        return new Diagnostic(Severity.WARNING, file, line, column, message);
    }

    /**
     * Creates an informational diagnostic.
     *
     * @param file    the file, relative to the ruleset root, never null
     * @param line    1-based line, 0 when unknown
     * @param column  1-based column, 0 when unknown
     * @param message readable explanation, never null
     * @return the diagnostic
     */
    public static Diagnostic info(String file, int line, int column, String message) {
        return new Diagnostic(Severity.INFO, file, line, column, message);
    }

    /** @return the severity, never null */
    public Severity severity() {
        return severity;
    }

    /** @return the file relative to the ruleset root (for example {@code signals.drl}), never null */
    public String file() {
        return file;
    }

    /** @return the 1-based line, or 0 when not known */
    public int line() {
        return line;
    }

    /** @return the 1-based column, or 0 when not known */
    public int column() {
        return column;
    }

    /** @return the readable message, never null */
    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Diagnostic)) {
            return false;
        }
        Diagnostic d = (Diagnostic) o;
        return line == d.line && column == d.column && severity == d.severity
                && file.equals(d.file) && message.equals(d.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(severity, file, line, column, message);
    }

    /** @return {@code file:line:column: severity: message} */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT)
                + ": " + message;
    }
}

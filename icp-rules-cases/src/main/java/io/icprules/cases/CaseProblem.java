package io.icprules.cases;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A case, or a whole case file, that cannot be run because it is malformed: a YAML syntax error, an
 * unknown key, an account value of the wrong type, a missing evaluation date. Reported as a failure,
 * never skipped.
 *
 * @param file     the case file, never null
 * @param line     the 1-based line of the problem (the case's first line, or where the YAML
 *                 parser stopped); 0 when unknown
 * @param caseName the case's name when it could be read, else null
 * @param message  what is wrong, never null
 */
public record CaseProblem(Path file, int line, String caseName, String message) {

    /**
     * Checks that the file and the message are given.
     *
     * @param file     the case file, never null
     * @param line     the 1-based line, 0 when unknown
     * @param caseName the case's name, or null
     * @param message  what is wrong, never null
     * @throws NullPointerException when the file or the message is null
     */
    public CaseProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** @return {@code file:line}, or the file alone when the line is unknown */
    public String location() {
        return line > 0 ? file + ":" + line : file.toString();
    }

    /** @return {@code file:line: case 'name': message} */
    public String describe() {
        return location() + ": " + (caseName == null ? "" : "case '" + caseName + "': ") + message;
    }
}

package io.icprules.cases;

import io.icprules.fact.AccountFacts;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One fit test case read from a case file: an account with its events and contacts, the date to
 * evaluate it as of, and what the ruleset is expected to decide.
 *
 * @param name     the case's name, unique in its file, never null
 * @param file     the case file, never null
 * @param line     the 1-based line where the case starts
 * @param asOf     the evaluation date, never null
 * @param facts    the account, never null
 * @param expected what the result must show, never null
 */
public record FitCase(String name, Path file, int line, LocalDate asOf, AccountFacts facts, Expectation expected) {

    /**
     * Checks that nothing is missing.
     *
     * @param name     the case's name, never null
     * @param file     the case file, never null
     * @param line     the 1-based line where the case starts
     * @param asOf     the evaluation date, never null
     * @param facts    the account, never null
     * @param expected what the result must show, never null
     * @throws NullPointerException when a value is null
     */
    public FitCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(expected, "expected");
    }

    /** @return {@code file:line}, for reports and for jumping to the case in an editor */
    public String location() {
        return file + ":" + line;
    }
}

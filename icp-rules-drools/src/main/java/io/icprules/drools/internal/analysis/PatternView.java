package io.icprules.drools.internal.analysis;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One top-level pattern of a rule's condition, as written: its fact type, how it is used (matched,
 * {@code exists} or {@code not}) and its constraints. Immutable.
 *
 * @param type        the fact type, such as {@code Account}
 * @param use         how the pattern takes part in the condition
 * @param constraints the constraints that test something, as written (bindings excluded)
 * @param bindings    the constraints that only bind a variable ({@code $loc : attributes["locations"]})
 * @param line        1-based line of the pattern
 */
public record PatternView(String type, Use use, List<String> constraints, List<String> bindings, int line) {

    /** How a pattern takes part in a condition. */
    public enum Use {
        /** A fact must match it (and the rule fires once per matching fact). */
        MATCH,
        /** At least one fact must match it. */
        EXISTS,
        /** No fact may match it. */
        NOT
    }

    /** @return the pattern as DRL text, such as {@code Account( employees >= 100 )} */
    public String text() {
        String body = constraints.stream().collect(Collectors.joining(", "));
        String p = type + "( " + body + (body.isEmpty() ? ")" : " )");
        return use == Use.MATCH ? p : use.name().toLowerCase(java.util.Locale.ROOT) + " " + p;
    }
}

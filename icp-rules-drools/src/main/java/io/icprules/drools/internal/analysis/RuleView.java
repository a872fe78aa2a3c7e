package io.icprules.drools.internal.analysis;

import io.icprules.result.RuleKind;

import java.util.List;
import java.util.Optional;

/**
 * A rule's condition broken into patterns, plus what lint and explanations need from its header.
 * Immutable.
 *
 * @param name            the rule name
 * @param kind            the rule kind, or null when the metadata is missing or wrong
 * @param file            the file, relative to the ruleset
 * @param line            1-based line of the rule
 * @param patterns        the top-level patterns
 * @param simple          true when the condition is only patterns (no eval, from, accumulate, or, forall)
 * @param activationGroup the activation group, or null
 * @param salience        the salience (0 when not set or not a number)
 */
public record RuleView(String name, RuleKind kind, String file, int line, List<PatternView> patterns, boolean simple,
                       String activationGroup, int salience) {

    /** @return the activation group, when the rule is in one */
    public Optional<String> group() {
        return Optional.ofNullable(activationGroup);
    }

    /**
     * @param type a fact type, such as {@code Account}
     * @param use  how the pattern takes part
     * @return the patterns on that type with that use
     */
    public List<PatternView> patterns(String type, PatternView.Use use) {
        return patterns.stream().filter(p -> p.type().equals(type) && p.use() == use).toList();
    }
}

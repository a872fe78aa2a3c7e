package io.icprules.evidence.discover;

import java.util.Optional;

/**
 * Which account fields and values the profile's rules already condition on: {@link Discovery}
 * tests no pattern a rule covers. The command line reads it from the rule files (the engine
 * module's {@code RuleCoverage}); fields are named as in a manifest ({@code industry},
 * {@code technologies}, {@code attributes.locations}) and event types under {@code event.type}.
 */
@FunctionalInterface
public interface Coverage {

    /**
     * Finds the rule that covers a value of a field.
     *
     * @param field the field, never null
     * @param value the value (a technology, an industry, an event type, {@code true}), or null for a
     *              numeric field as a whole
     * @return the name of a rule that conditions on it, or empty
     */
    Optional<String> coveringRule(String field, String value);

    /** @return coverage of nothing: every pattern is tested */
    static Coverage none() {
        return (field, value) -> Optional.empty();
    }
}

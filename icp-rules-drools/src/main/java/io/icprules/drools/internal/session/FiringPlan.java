package io.icprules.drools.internal.session;

import io.icprules.scoring.internal.RuleMatch;
import io.icprules.scoring.internal.RuleSpec;

import java.util.List;

/**
 * What the match listener records when a rule fires: worked out once per ruleset from the rule's
 * metadata, so that a firing costs no lookups by name. Immutable, shared by every session.
 *
 * @param rule        the rule's name
 * @param wanted      the bound variables ({@code $x}) its reason prints
 * @param wantsEvents whether the events of its match are scored (its kind
 *                    {@linkplain io.icprules.result.RuleKind#scoresEvents() scores events}); for other
 *                    rules the match's facts are not looked at
 * @param bare        the match recorded for every firing when the rule needs nothing but its name
 *                    (most rules), or null
 */
record FiringPlan(String rule, List<String> wanted, boolean wantsEvents, RuleMatch bare) {

    /**
     * @param spec a rule of the catalog
     * @return its plan
     */
    static FiringPlan of(RuleSpec spec) {
        List<String> wanted = spec.reason().variables().stream().filter(v -> v.startsWith("$")).distinct().toList();
        return of(spec.name(), wanted, spec.kind().scoresEvents());
    }

    /**
     * A rule the catalog does not describe: its name is all that is recorded.
     *
     * @param rule the rule's name
     * @return its plan
     */
    static FiringPlan nameOnly(String rule) {
        return of(rule, List.of(), false);
    }

    private static FiringPlan of(String rule, List<String> wanted, boolean wantsEvents) {
        return new FiringPlan(rule, wanted, wantsEvents, !wantsEvents && wanted.isEmpty() ? RuleMatch.of(rule) : null);
    }
}

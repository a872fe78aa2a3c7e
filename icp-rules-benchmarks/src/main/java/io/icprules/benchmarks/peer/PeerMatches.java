package io.icprules.benchmarks.peer;

import io.icprules.fact.Event;
import io.icprules.scoring.internal.RuleMatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fact that Easy Rules actions write to: which rules fired for one account, with the events and
 * bound values their reasons print. The peer's counterpart of the engine's match listener. One
 * instance per evaluation; not thread-safe.
 */
public final class PeerMatches {

    private final List<RuleMatch> matches = new ArrayList<>();

    /** Creates an empty record. */
    public PeerMatches() {
    }

    /**
     * Records a rule that fired on the account.
     *
     * @param rule the rule name
     */
    public void fire(String rule) {
        matches.add(RuleMatch.of(rule));
    }

    /**
     * Records a rule that fired on the account, with the values its reason prints.
     *
     * @param rule     the rule name
     * @param bindings placeholder name (such as {@code $loc}) to value
     */
    public void fire(String rule, Map<String, Object> bindings) {
        matches.add(RuleMatch.of(rule, List.of(), bindings));
    }

    /**
     * Records a trigger: one match per matching event, as a rule engine fires once per fact.
     *
     * @param rule   the rule name
     * @param events the matching events
     */
    public void fireEach(String rule, Collection<?> events) {
        for (Object e : events) {
            matches.add(RuleMatch.of(rule, List.of((Event) e), Map.of()));
        }
    }

    /** @return what fired, in firing order */
    public List<RuleMatch> matches() {
        return matches;
    }
}

package io.icprules.scoring.internal;

import io.icprules.fact.Event;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One firing of a rule, as the engine saw it: the rule's name, the events the match involved and
 * the bound variables a reason template may print. This is all that crosses from the rule engine to
 * the scorer. Immutable.
 */
public final class RuleMatch {

    private final String rule;
    private final List<Event> events;
    private final Map<String, Object> bindings;

    private RuleMatch(String rule, List<Event> events, Map<String, Object> bindings) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.events = List.copyOf(events);
        this.bindings = Map.copyOf(bindings);
    }

    /**
     * @param rule     the rule that fired, never null
     * @param events   the events in the match (empty when none), never null
     * @param bindings bound variable name (such as {@code $loc}) to value; null values are not
     *                 allowed, leave them out
     * @return the match
     */
    public static RuleMatch of(String rule, List<Event> events, Map<String, Object> bindings) {
        return new RuleMatch(rule, events, bindings);
    }

    /**
     * @param rule the rule that fired, never null
     * @return a match with no events and no bindings
     */
    public static RuleMatch of(String rule) {
        return new RuleMatch(rule, List.of(), Map.of());
    }

    /** @return the rule name, never null */
    public String rule() {
        return rule;
    }

    /** @return the events in the match, never null */
    public List<Event> events() {
        return events;
    }

    /** @return bound variables, never null */
    public Map<String, Object> bindings() {
        return bindings;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RuleMatch)) {
            return false;
        }
        RuleMatch m = (RuleMatch) o;
        return rule.equals(m.rule) && events.equals(m.events) && bindings.equals(m.bindings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, events, bindings);
    }

    @Override
    public String toString() {
        return "RuleMatch[" + rule + ", " + events + "]";
    }
}

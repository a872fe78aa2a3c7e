package io.icprules.drools.internal.session;

import io.icprules.fact.Event;
import io.icprules.scoring.internal.RuleMatch;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every rule firing of one evaluation as a {@link RuleMatch}: the rule's name, the events in
 * the match and the bound variables its reason needs. One recorder serves one evaluation at a time.
 */
final class MatchRecorder extends DefaultAgendaEventListener {

    private final Map<String, FiringPlan> plansByName;
    /** The plans by the engine's rule object: looked up by name once per rule and session, not per firing. */
    private final Map<Rule, FiringPlan> plans = new IdentityHashMap<>();
    private List<RuleMatch> matches = new ArrayList<>();
    private KieSession session;
    private long deadline;
    private String overBudgetRule;

    /**
     * @param plansByName rule name to what its firings record
     */
    MatchRecorder(Map<String, FiringPlan> plansByName) {
        this.plansByName = plansByName;
    }

    /**
     * Starts recording one evaluation.
     *
     * @param session  the session being fired, halted when the time budget runs out
     * @param deadline {@link System#nanoTime()} after which the evaluation is over budget
     */
    void start(KieSession session, long deadline) {
        this.session = session;
        this.deadline = deadline;
        this.overBudgetRule = null;
    }

    /** @return the rule that fired when the time budget ran out, or null when it did not */
    String overBudgetRule() {
        return overBudgetRule;
    }

    private FiringPlan plan(Rule r) {
        FiringPlan p = plans.get(r);
        if (p == null) {
            p = plansByName.get(r.getName());
            if (p == null) {
                p = FiringPlan.nameOnly(r.getName());
            }
            plans.put(r, p);
        }
        return p;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Match m = event.getMatch();
        FiringPlan plan = plan(m.getRule());
        String rule = plan.rule();
        if (overBudgetRule == null && System.nanoTime() - deadline > 0) {
            // Checked between firings: the session stops after this one.
            overBudgetRule = rule;
            session.halt();
        }
        if (plan.bare() != null) {
            matches.add(plan.bare());
            return;
        }
        List<String> wanted = plan.wanted();
        boolean wantsEvents = plan.wantsEvents();
        List<Event> events = new ArrayList<>(1);
        if (wantsEvents) {
            for (Object o : m.getObjects()) {
                if (o instanceof Event) {
                    events.add((Event) o);
                }
            }
        }
        Map<String, Object> bindings = wanted.isEmpty() ? Map.of() : new HashMap<>();
        for (String v : wanted) {
            if (m.getDeclarationIds().contains(v)) {
                Object value = m.getDeclarationValue(v);
                if (value != null) {
                    bindings.put(v, value);
                }
            }
        }
        matches.add(RuleMatch.of(rule, events, bindings));
    }

    /** @return the matches recorded since the last reset, handed over: the recorder starts a new list */
    List<RuleMatch> takeMatches() {
        List<RuleMatch> taken = matches;
        matches = new ArrayList<>();
        return taken;
    }

    /** @return the rule that fired most often since the last reset, or null when none fired */
    String mostFired() {
        Map<String, Integer> counts = new HashMap<>();
        for (RuleMatch m : matches) {
            counts.merge(m.rule(), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    void reset() {
        if (!matches.isEmpty()) {
            matches = new ArrayList<>();
        }
        session = null;
    }
}

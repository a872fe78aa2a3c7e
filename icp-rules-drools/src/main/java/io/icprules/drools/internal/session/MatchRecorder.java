package io.icprules.drools.internal.session;

import io.icprules.fact.Event;
import io.icprules.scoring.internal.RuleMatch;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records every rule firing of one evaluation as a {@link RuleMatch}: the rule's name, the events in
 * the match and the bound variables its reason needs. One recorder serves one evaluation at a time.
 */
final class MatchRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    private final Map<String, FiringPlan> plansByName;
    /** Rules whose consequence runs code: the only ones that can re-activate rules or insert facts. */
    private final Set<String> consequenceRules;
    private final int limit;
    /** How often each rule fired on each combination of facts, for the rules above only. */
    private final Map<Activation, Integer> activations = new HashMap<>();
    private int refirings;
    private int insertedByRules;
    private final Map<String, Integer> inserters = new HashMap<>();
    private String runaway;
    private String runawayRule;
    /** The plans by the engine's rule object: looked up by name once per rule and session, not per firing. */
    private final Map<Rule, FiringPlan> plans = new IdentityHashMap<>();
    private List<RuleMatch> matches = new ArrayList<>();
    private KieSession session;
    private long deadline;
    private String overBudgetRule;

    /**
     * @param plansByName      rule name to what its firings record
     * @param consequenceRules the rules whose consequence runs code
     * @param limit            re-activations on the same facts, and facts inserted by consequences,
     *                         allowed per account
     */
    MatchRecorder(Map<String, FiringPlan> plansByName, Set<String> consequenceRules, int limit) {
        this.plansByName = plansByName;
        this.consequenceRules = consequenceRules;
        this.limit = limit;
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
        this.runaway = null;
        this.runawayRule = null;
        this.refirings = 0;
        this.insertedByRules = 0;
        if (!activations.isEmpty()) {
            activations.clear();
        }
        if (!inserters.isEmpty()) {
            inserters.clear();
        }
    }

    /** @return what showed a runaway rule (the session was halted), or null when nothing did */
    String runaway() {
        return runaway;
    }

    /** @return the rule that started the runaway, or null */
    String runawayRule() {
        return runawayRule;
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
        if (!consequenceRules.isEmpty() && consequenceRules.contains(rule)) {
            countActivation(rule, m);
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

    /**
     * A rule firing again on facts it already fired for was re-activated: its own or another
     * rule's consequence changed them. The account's facts alone never do that, however many.
     */
    private void countActivation(String rule, Match m) {
        Activation key = new Activation(rule, List.copyOf(m.getFactHandles()));
        int n = activations.merge(key, 1, Integer::sum);
        if (n > 1 && ++refirings > limit && runaway == null) {
            runawayRule = rule;
            runaway = "rule \"" + rule + "\" fired " + n + " times on the same facts, and the rules were re-activated "
                    + refirings + " times in all (limit " + limit + " per account): a consequence keeps changing what"
                    + " they match (modify, update or insert); add no-loop or change the consequence";
            session.halt();
        }
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() == null) {
            return; // the account's own facts
        }
        String rule = event.getRule().getName();
        inserters.merge(rule, 1, Integer::sum);
        if (++insertedByRules > limit && runaway == null) {
            runawayRule = inserters.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(rule);
            runaway = "the rules' consequences inserted " + insertedByRules + " facts (limit " + limit
                    + " per account), " + inserters.get(runawayRule) + " of them by rule \"" + runawayRule
                    + "\": a rule that inserts a fact its own conditions match never ends";
            if (session != null) {
                session.halt();
            }
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // counted as re-activations when the rules fire again
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // nothing to count
    }

    /** A rule and the facts of one of its matches. */
    private record Activation(String rule, List<?> handles) {
    }

    /** @return the matches recorded since the last reset, handed over: the recorder starts a new list */
    List<RuleMatch> takeMatches() {
        List<RuleMatch> taken = matches;
        matches = new ArrayList<>();
        return taken;
    }

    void reset() {
        if (!matches.isEmpty()) {
            matches = new ArrayList<>();
        }
        if (!activations.isEmpty()) {
            activations.clear();
        }
        session = null;
    }
}

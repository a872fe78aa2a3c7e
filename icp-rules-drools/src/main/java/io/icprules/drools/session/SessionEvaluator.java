package io.icprules.drools.session;

import io.icprules.drools.compile.CompiledRuleset;
import io.icprules.engine.EngineSettings;
import io.icprules.error.EvaluationException;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;
import io.icprules.result.FitResult;
import io.icprules.scoring.RuleSpec;
import io.icprules.scoring.Scorer;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates one account in its own Drools session: inserts the account, its events (bound to the
 * evaluation date, later ones left out) and its contacts, fires the rules within the firing limit,
 * and hands the recorded matches to the {@link Scorer}. Thread-safe: every call uses a fresh session,
 * so no fact of one account is ever visible to another.
 */
public final class SessionEvaluator {

    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("[Rr]ule \"?([^\"\\]\\n]+?)\"? in ");
    private static final Pattern RULE_NAME = Pattern.compile("Rule name: ([^\\n]+)");

    private final KieBase kieBase;
    private final Scorer scorer;
    private final int maxFirings;
    private final Map<String, List<String>> wantedBindings;

    /**
     * @param ruleset  the compiled ruleset, never null
     * @param settings limits, never null
     */
    public SessionEvaluator(CompiledRuleset ruleset, EngineSettings settings) {
        this.kieBase = ruleset.kieBase();
        this.scorer = ruleset.scorer();
        this.maxFirings = settings.maxFiringsPerAccount();
        Map<String, List<String>> wanted = new HashMap<>();
        for (RuleSpec r : scorer.catalog().rules()) {
            List<String> vars = r.reason().variables().stream().filter(v -> v.startsWith("$")).distinct().toList();
            if (!vars.isEmpty()) {
                wanted.put(r.name(), vars);
            }
        }
        this.wantedBindings = Map.copyOf(wanted);
    }

    /**
     * @param facts the account's facts, never null
     * @param asOf  the evaluation date, never null
     * @return the result
     * @throws EvaluationException when a rule throws or the firing limit is reached
     */
    public FitResult evaluate(AccountFacts facts, LocalDate asOf) {
        String id = facts.accountId();
        MatchRecorder recorder = new MatchRecorder(wantedBindings);
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(recorder);
            session.insert(facts.account());
            for (Event e : facts.events()) {
                // Point in time: an event after the evaluation date had not happened yet.
                if (!e.getDate().isAfter(asOf)) {
                    session.insert(e.relativeTo(asOf));
                }
            }
            for (Contact c : facts.contacts()) {
                session.insert(c);
            }
            int fired = session.fireAllRules(maxFirings + 1);
            if (fired > maxFirings) {
                throw new EvaluationException(id, recorder.mostFired(), "stopped after " + maxFirings
                        + " rule firings; a rule probably re-activates itself (modify/insert in a consequence)", null);
            }
        } catch (EvaluationException e) {
            throw e;
        } catch (ConsequenceException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new EvaluationException(id, e.getRule() == null ? null : e.getRule().getName(),
                    "the rule's consequence threw " + cause, cause);
        } catch (RuntimeException | StackOverflowError e) {
            throw new EvaluationException(id, ruleNamedIn(e), "a rule's condition could not be evaluated: " + e, e);
        } finally {
            session.dispose();
        }
        return scorer.score(facts, recorder.matches(), asOf);
    }

    private static String ruleNamedIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String msg = c.getMessage();
            if (msg == null) {
                continue;
            }
            Matcher m = RULE_NAME.matcher(msg);
            if (m.find()) {
                return m.group(1).strip();
            }
            m = RULE_IN_MESSAGE.matcher(msg);
            if (m.find()) {
                return m.group(1).strip();
            }
        }
        return null;
    }

    /** @return the scorer of the ruleset, never null */
    public Scorer scorer() {
        return scorer;
    }
}

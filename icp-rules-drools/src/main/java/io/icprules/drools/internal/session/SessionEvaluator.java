package io.icprules.drools.internal.session;

import io.icprules.drools.internal.compile.CompiledRuleset;
import io.icprules.engine.EngineSettings;
import io.icprules.error.EvaluationException;
import io.icprules.fact.AccountFacts;
import io.icprules.result.FitResult;
import io.icprules.scoring.internal.RuleMatch;
import io.icprules.scoring.internal.RuleSpec;
import io.icprules.scoring.internal.Scorer;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Evaluates one account in a Drools session of its own: inserts the account, its events (bound to
 * the evaluation date, later ones left out) and its contacts, fires the rules within the firing
 * limit, and hands the recorded matches to the {@link Scorer}.
 *
 * <p>Thread-safe. A session serves one evaluation at a time. Sessions are pooled: after an
 * evaluation its facts are deleted and the session is reused only if it is then empty. That is
 * faster than a session per account and gives identical results (a test compares both paths over
 * many generated accounts), provided every rule's match holds a fact; a ruleset with a rule that can
 * match an empty working memory (see {@link CompiledRuleset#unanchoredRules()}) gets a fresh session
 * per account. No account ever shares a working memory with another.
 */
public final class SessionEvaluator {

    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("[Rr]ule \"?([^\"\\]\\n]+?)\"? in ");
    private static final Pattern RULE_NAME = Pattern.compile("Rule name: ([^\\n]+)");

    private final KieBase kieBase;
    private final Scorer scorer;
    private final int maxFirings;
    private final long budgetNanos;
    /** Rule name to what its firings record, shared by the sessions' listeners. */
    private final Map<String, FiringPlan> plans;
    /** Rules whose consequence runs code, watched for runaways. */
    private final java.util.Set<String> consequenceRules;
    private final boolean reuseSessions;
    private final int maxIdle = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private final ConcurrentLinkedQueue<Pooled> idle = new ConcurrentLinkedQueue<>();

    /**
     * @param ruleset  the compiled ruleset, never null
     * @param settings limits, never null
     */
    public SessionEvaluator(CompiledRuleset ruleset, EngineSettings settings) {
        this.kieBase = ruleset.kieBase();
        this.scorer = ruleset.scorer();
        this.maxFirings = settings.maxFiringsPerAccount();
        this.budgetNanos = settings.timeBudgetPerAccount().toNanos();
        // A rule whose match holds no fact would survive the clean-up between accounts.
        this.reuseSessions = settings.reuseSessions() && ruleset.unanchoredRules().isEmpty();
        this.consequenceRules = ruleset.consequenceRules();
        this.plans = scorer.catalog().rules().stream()
                .collect(Collectors.toUnmodifiableMap(RuleSpec::name, FiringPlan::of));
    }

    /**
     * @param facts the account's facts, never null
     * @param asOf  the evaluation date, never null
     * @return the result
     * @throws EvaluationException when a rule throws or the firing limit is reached
     */
    public FitResult evaluate(AccountFacts facts, LocalDate asOf) {
        String id = facts.accountId();
        Pooled pooled = reuseSessions ? idle.poll() : null;
        if (pooled == null) {
            pooled = new Pooled(kieBase.newKieSession(), new MatchRecorder(plans, consequenceRules, maxFirings));
        }
        KieSession session = pooled.session;
        MatchRecorder recorder = pooled.recorder;
        List<FactHandle> handles = new ArrayList<>(1 + facts.events().size() + facts.contacts().size());
        List<RuleMatch> matches;
        boolean reusable = false;
        try {
            long deadline = System.nanoTime() + budgetNanos;
            recorder.start(session, deadline);
            Deadline.start(deadline);
            SessionFacts.insert(session, facts, asOf, handles);
            // No cap on firings: an account's own facts may fire a rule any number of times. What
            // signals a runaway (re-activations on the same facts, facts inserted by consequences)
            // is counted by the recorder, which halts the session.
            int fired = session.fireAllRules();
            if (recorder.runaway() != null) {
                throw new EvaluationException(id, recorder.runawayRule(), "stopped after " + recorder.runaway(), null);
            }
            if (recorder.overBudgetRule() != null) {
                throw new EvaluationException(id, recorder.overBudgetRule(), "stopped after exceeding the time budget of "
                        + budgetNanos / 1_000_000 + " ms per account (" + fired + " rule firings)", null);
            }
            matches = recorder.takeMatches();
            reusable = reuseSessions;
        } catch (EvaluationException e) {
            throw e;
        } catch (ConsequenceException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new EvaluationException(id, e.getRule() == null ? null : e.getRule().getName(),
                    "the rule's consequence threw " + cause, cause);
        } catch (RuntimeException | StackOverflowError e) {
            Deadline.Exceeded late = exceeded(e);
            if (late != null) {
                throw new EvaluationException(id, late.rule(), "stopped after exceeding the time budget of "
                        + budgetNanos / 1_000_000 + " ms per account while matching the rule's regular expression"
                        + " (it backtracks too much on this account's value; simplify it, for example without"
                        + " nested repetition such as (.*a){12})", null);
            }
            throw new EvaluationException(id, ruleNamedIn(e), "a rule's condition could not be evaluated: " + e, e);
        } finally {
            Deadline.clear();
            release(pooled, handles, reusable);
        }
        return scorer.score(facts, matches, asOf);
    }

    /**
     * Returns a session to the pool only when it is provably empty again; a session that failed, or
     * that still holds facts a rule inserted, is disposed, so no account ever sees another's facts.
     */
    private void release(Pooled pooled, List<FactHandle> handles, boolean reusable) {
        pooled.recorder.reset();
        if (reusable) {
            try {
                for (int i = 0; i < handles.size(); i++) {
                    pooled.session.delete(handles.get(i));
                }
                // The network evaluates lazily: without this, a delete and the next account's insert
                // would cancel out, and an "exists" that turned false and true again would not fire.
                int firedWhenEmpty = pooled.session.fireAllRules();
                pooled.recorder.reset();
                if (firedWhenEmpty == 0 && pooled.session.getFactCount() == 0 && idle.size() < maxIdle) {
                    idle.offer(pooled);
                    return;
                }
            } catch (RuntimeException e) {
                // fall through: a session that cannot be cleaned is not reused
            }
        }
        pooled.session.dispose();
    }

    /** A pooled session with the recorder attached to it. */
    private static final class Pooled {
        final KieSession session;
        final MatchRecorder recorder;

        Pooled(KieSession session, MatchRecorder recorder) {
            this.session = session;
            this.recorder = recorder;
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) recorder);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
        }
    }

    /** Disposes the idle sessions; later evaluations create new ones. */
    public void disposeIdle() {
        Pooled p;
        while ((p = idle.poll()) != null) {
            p.session.dispose();
        }
    }

    private static Deadline.Exceeded exceeded(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof Deadline.Exceeded e) {
                return e;
            }
        }
        return null;
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

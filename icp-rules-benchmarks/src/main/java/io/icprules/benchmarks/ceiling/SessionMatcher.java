package io.icprules.benchmarks.ceiling;

import io.icprules.drools.internal.session.SessionFacts;
import io.icprules.fact.AccountFacts;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Drools' matching with nothing on top: inserts accounts' facts into one reused session the way the
 * engine does ({@link SessionFacts}), fires, logs which rules matched, then deletes the facts and
 * fires again so the session is empty for the next accounts. Not thread-safe: one per thread.
 */
public final class SessionMatcher implements AutoCloseable {

    private final KieSession session;
    private final MatchLog log = new MatchLog();
    private final List<FactHandle> handles = new ArrayList<>();

    /** @param kieBase the compiled rules, never null */
    public SessionMatcher(KieBase kieBase) {
        this.session = kieBase.newKieSession();
        session.addEventListener(log);
    }

    /**
     * Matches some accounts together in the session: with the reference profile, pass one account
     * at a time; several only with rules that cannot see each other's accounts
     * ({@link AccountScopedRuleset}).
     *
     * @param accounts the accounts, from {@code from} (inclusive) to {@code to} (exclusive)
     * @param from     the first account
     * @param to       after the last account
     * @param asOf     the evaluation date
     * @return the log of this call's firings, valid until the next call
     */
    public MatchLog match(AccountFacts[] accounts, int from, int to, LocalDate asOf) {
        log.clear();
        handles.clear();
        for (int a = from; a < to; a++) {
            SessionFacts.insert(session, accounts[a], asOf, handles);
        }
        session.fireAllRules();
        int fired = log.size();
        for (int i = 0; i < handles.size(); i++) {
            session.delete(handles.get(i));
        }
        if (session.fireAllRules() != 0 || log.size() != fired) {
            throw new IllegalStateException("deleting the facts fired rules");
        }
        return log;
    }

    @Override
    public void close() {
        session.dispose();
    }
}

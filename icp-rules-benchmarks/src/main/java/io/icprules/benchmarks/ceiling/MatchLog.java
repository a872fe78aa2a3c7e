package io.icprules.benchmarks.ceiling;

import io.icprules.fact.Account;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.List;

/**
 * The least a listener must do to tell which rules matched which account: for every firing, the
 * rule's name and the account among the matched facts. One log per session.
 */
public final class MatchLog extends DefaultAgendaEventListener {

    private final List<Account> accounts = new ArrayList<>();
    private final List<String> rules = new ArrayList<>();

    /** Creates an empty log. */
    public MatchLog() {
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Match m = event.getMatch();
        Account account = null;
        for (Object o : m.getObjects()) {
            if (o instanceof Account a) {
                account = a;
                break;
            }
        }
        accounts.add(account);
        rules.add(m.getRule().getName());
    }

    /** @return how many firings were logged since the last {@link #clear()} */
    public int size() {
        return rules.size();
    }

    /**
     * @param i a firing, 0 to {@link #size()} - 1
     * @return the account among its facts, or null when it matched none (a rule on events or
     *         contacts alone, in the unscoped profile)
     */
    public Account account(int i) {
        return accounts.get(i);
    }

    /**
     * @param i a firing, 0 to {@link #size()} - 1
     * @return the name of the rule that fired
     */
    public String rule(int i) {
        return rules.get(i);
    }

    /** Forgets the logged firings. */
    public void clear() {
        accounts.clear();
        rules.clear();
    }
}

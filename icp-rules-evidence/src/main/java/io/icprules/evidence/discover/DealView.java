package io.icprules.evidence.discover;

import io.icprules.fact.Account;
import io.icprules.fact.Event;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One closed deal as discovery sees it.
 *
 * @param account  the deal's account
 * @param events   the account's events
 * @param entered  the day the deal entered the pipeline
 * @param won      true when it was won (or won and churned)
 * @param stratum  what the profile said of it then: decision and 10-point score band
 * @param fired    the rules that fired for it then
 * @param holdout  true when it belongs to the holdout part
 */
record DealView(Account account, List<Event> events, LocalDate entered, boolean won, String stratum,
                Set<String> fired, boolean holdout) {

    boolean has(Candidate c) {
        return c.matches(account, events, entered);
    }
}

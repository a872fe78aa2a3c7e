package io.icprules.evidence;

import java.util.List;

/**
 * What changes when one ruleset version replaces another: how many accounts move between decisions
 * and tiers (a transition matrix), the accounts that move most with the ledger lines that changed,
 * and, when outcomes are given, the backtest of each version on the same deals.
 *
 * @param before          the old version
 * @param after           the new version
 * @param asOf            the date the accounts were scored as of
 * @param accounts        records of the accounts file
 * @param decisionChanged accounts whose decision changes
 * @param tierChanged     fits that stay fits but change tier
 * @param scoreChanged    accounts whose score changes
 * @param unchanged       accounts whose decision, tier and score stay the same
 * @param states          the states of the matrix, best first: {@code FIT <tier>}, then the other
 *                        decisions, then {@code ERROR}
 * @param transitions     {@code transitions.get(i).get(j)}: accounts in {@code states[i]} under the
 *                        old version and in {@code states[j]} under the new one
 * @param movers          the accounts that move most: changed state first, then by size of the
 *                        score change
 * @param errors          accounts that could not be scored with one version or both
 * @param backtestBefore  the backtest of the old version, or null without outcomes
 * @param backtestAfter   the backtest of the new version, or null without outcomes
 * @param warnings        other things to know
 */
public record ComparisonReport(RulesetRef before, RulesetRef after, String asOf, long accounts, long decisionChanged,
                               long tierChanged, long scoreChanged, long unchanged, List<String> states,
                               List<List<Long>> transitions, List<Mover> movers, List<RecordError> errors,
                               BacktestReport backtestBefore, BacktestReport backtestAfter, List<String> warnings) {

    /** The state of an account that could not be scored. */
    public static final String ERROR = "ERROR";

    /**
     * Copies the lists.
     *
     * @param before          the old version
     * @param after           the new version
     * @param asOf            the evaluation date
     * @param accounts        accounts compared
     * @param decisionChanged decision changes
     * @param tierChanged     tier changes among fits
     * @param scoreChanged    score changes
     * @param unchanged       unchanged accounts
     * @param states          the matrix states
     * @param transitions     the matrix
     * @param movers          the biggest movers
     * @param errors          the errors
     * @param backtestBefore  the old backtest, or null
     * @param backtestAfter   the new backtest, or null
     * @param warnings        other remarks
     */
    public ComparisonReport {
        states = List.copyOf(states);
        transitions = transitions.stream().map(List::copyOf).toList();
        movers = List.copyOf(movers);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /**
     * Reads the matrix by state names.
     *
     * @param from a state under the old version
     * @param to   a state under the new version
     * @return accounts that move from one to the other; 0 when either state does not occur
     */
    public long transitions(String from, String to) {
        int i = states.indexOf(from);
        int j = states.indexOf(to);
        return i < 0 || j < 0 ? 0 : transitions.get(i).get(j);
    }
}

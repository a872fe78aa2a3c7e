package io.icprules.evidence;

import io.icprules.result.FitResult;

import java.util.Objects;

/**
 * A deal with the fit its account had when it entered the pipeline, or why it has none (a bad
 * outcomes row, an account that is missing or unreadable, a failed evaluation).
 *
 * @param line      the 1-based line of the deal in the outcomes file
 * @param accountId the account id, or null when the row has none
 * @param deal      the deal, or null when its row could not be read
 * @param result    the fit as of the deal's entry date, or null for an error record
 * @param error     why there is no fit, or null
 */
public record ScoredDeal(long line, String accountId, Deal deal, FitResult result, String error) {

    /**
     * Checks that exactly one of result and error is given, and that a result comes with its deal.
     *
     * @param line      the 1-based line
     * @param accountId the account id, or null
     * @param deal      the deal, or null
     * @param result    the fit, or null
     * @param error     the problem, or null
     * @throws IllegalArgumentException when both or neither of result and error are given, or a
     *                                  result has no deal
     */
    public ScoredDeal {
        if ((result == null) == (error == null)) {
            throw new IllegalArgumentException("a scored deal holds either a result or an error");
        }
        if (result != null && deal == null) {
            throw new IllegalArgumentException("a scored deal with a result needs its deal");
        }
    }

    /**
     * @param line   the 1-based line
     * @param deal   the deal, never null
     * @param result its account's fit, never null
     * @return a scored deal
     */
    public static ScoredDeal of(long line, Deal deal, FitResult result) {
        return new ScoredDeal(line, deal.accountId(), deal, Objects.requireNonNull(result, "result"), null);
    }

    /**
     * @param line      the 1-based line
     * @param accountId the account id, or null
     * @param deal      the deal, or null when its row could not be read
     * @param error     what went wrong, never null
     * @return an error record
     */
    public static ScoredDeal error(long line, String accountId, Deal deal, String error) {
        return new ScoredDeal(line, accountId, deal, null, Objects.requireNonNull(error, "error"));
    }

    /** @return true for an error record */
    public boolean isError() {
        return error != null;
    }
}

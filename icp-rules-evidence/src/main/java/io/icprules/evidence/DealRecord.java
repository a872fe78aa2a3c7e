package io.icprules.evidence;

import java.util.Objects;

/**
 * One data row of an outcomes file: the deal, or why it could not be read. Every row yields one
 * record, so a bad row is reported with its line, never dropped.
 *
 * @param line      the 1-based line where the row starts
 * @param accountId the account id, or null when the row has none
 * @param deal      the deal, or null for an error record
 * @param error     what is wrong with the row, or null
 */
public record DealRecord(long line, String accountId, Deal deal, String error) {

    /**
     * Checks that exactly one of deal and error is given.
     *
     * @param line      the 1-based line
     * @param accountId the account id, or null
     * @param deal      the deal, or null
     * @param error     the problem, or null
     * @throws IllegalArgumentException when both or neither are given
     */
    public DealRecord {
        if ((deal == null) == (error == null)) {
            throw new IllegalArgumentException("a deal record holds either a deal or an error");
        }
    }

    /**
     * @param line the 1-based line
     * @param deal the deal, never null
     * @return a record for a row that was read
     */
    public static DealRecord ok(long line, Deal deal) {
        return new DealRecord(line, deal.accountId(), Objects.requireNonNull(deal, "deal"), null);
    }

    /**
     * @param line      the 1-based line
     * @param accountId the account id, or null when the row has none
     * @param error     what is wrong, never null
     * @return an error record
     */
    public static DealRecord error(long line, String accountId, String error) {
        return new DealRecord(line, accountId, null, Objects.requireNonNull(error, "error"));
    }

    /** @return true when the row could not be read */
    public boolean isError() {
        return error != null;
    }
}

package io.icprules.evidence;

import java.util.Objects;

/**
 * One data row of a pipeline file: the open deal, or why it could not be read.
 *
 * @param line      the 1-based line where the row starts
 * @param dealId    the deal id, or null when the row has none
 * @param accountId the account id, or null when the row has none
 * @param deal      the deal, or null for an error record
 * @param error     what is wrong with the row, or null
 */
public record PipelineRecord(long line, String dealId, String accountId, PipelineDeal deal, String error) {

    /**
     * Checks that exactly one of deal and error is given.
     *
     * @param line      the 1-based line
     * @param dealId    the deal id, or null
     * @param accountId the account id, or null
     * @param deal      the deal, or null
     * @param error     the problem, or null
     * @throws IllegalArgumentException when both or neither are given
     */
    public PipelineRecord {
        if ((deal == null) == (error == null)) {
            throw new IllegalArgumentException("a pipeline record holds either a deal or an error");
        }
    }

    /**
     * @param line the 1-based line
     * @param deal the deal, never null
     * @return a record for a row that was read
     */
    public static PipelineRecord ok(long line, PipelineDeal deal) {
        Objects.requireNonNull(deal, "deal");
        return new PipelineRecord(line, deal.dealId(), deal.accountId(), deal, null);
    }

    /**
     * @param line      the 1-based line
     * @param dealId    the deal id, or null
     * @param accountId the account id, or null
     * @param error     what is wrong, never null
     * @return an error record
     */
    public static PipelineRecord error(long line, String dealId, String accountId, String error) {
        return new PipelineRecord(line, dealId, accountId, null, Objects.requireNonNull(error, "error"));
    }

    /** @return true when the row could not be read */
    public boolean isError() {
        return error != null;
    }
}

package io.icprules.io;

import io.icprules.result.FitResult;

import java.util.Objects;

/**
 * One output record: the result for one input record, or the reason there is none. Writers emit
 * exactly one per input record, in input order.
 *
 * @param line      the 1-based line of the input record
 * @param accountId the account id, or null when the input row's id could not be read
 * @param result    the result, or null for an error record
 * @param error     why the record could not be scored (bad row, failed evaluation), or null
 */
public record ScoredRecord(long line, String accountId, FitResult result, String error) {

    /** The decision written for error records. */
    public static final String ERROR = "ERROR";

    /**
     * Checks that exactly one of result and error is given.
     *
     * @param line      the 1-based line of the input record
     * @param accountId the account id, or null when unknown
     * @param result    the result, or null for an error record
     * @param error     why the record could not be scored, or null
     * @throws IllegalArgumentException when both or neither are given
     */
    public ScoredRecord {
        if ((result == null) == (error == null)) {
            throw new IllegalArgumentException("a scored record holds either a result or an error");
        }
    }

    /**
     * @param line   the 1-based line of the input record
     * @param result the result, never null
     * @return a record for a scored account
     */
    public static ScoredRecord of(long line, FitResult result) {
        Objects.requireNonNull(result, "result");
        return new ScoredRecord(line, result.accountId(), result, null);
    }

    /**
     * @param line      the 1-based line of the input record
     * @param accountId the account id, or null when unknown
     * @param error     what went wrong, never null
     * @return an error record
     */
    public static ScoredRecord error(long line, String accountId, String error) {
        return new ScoredRecord(line, accountId, null, Objects.requireNonNull(error, "error"));
    }

    /** @return true for an error record */
    public boolean isError() {
        return error != null;
    }

    /** @return the decision's name ({@code FIT}, {@code EXCLUDED}, ...), or {@value #ERROR} */
    public String decision() {
        return result == null ? ERROR : result.decision().name();
    }
}

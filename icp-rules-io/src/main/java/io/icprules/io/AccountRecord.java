package io.icprules.io;

import io.icprules.fact.AccountFacts;

import java.util.Objects;

/**
 * One data row of an accounts file: either the account's facts or the reason they could not be
 * read. Every data row yields exactly one record, so a bad row is reported where it is, never
 * dropped.
 *
 * @param line      the 1-based line of the file where the row starts
 * @param accountId the account's id, or null when it could not be read
 * @param facts     the facts, or null for an error record
 * @param error     what is wrong with the row (fields, values), or null when the facts were read
 */
public record AccountRecord(long line, String accountId, AccountFacts facts, String error) {

    /**
     * Checks that exactly one of facts and error is given.
     *
     * @param line      the 1-based line of the file where the row starts
     * @param accountId the account's id, or null when it could not be read
     * @param facts     the facts, or null for an error record
     * @param error     what is wrong with the row, or null when the facts were read
     * @throws IllegalArgumentException when both or neither are given
     */
    public AccountRecord {
        if ((facts == null) == (error == null)) {
            throw new IllegalArgumentException("a record holds either facts or an error");
        }
    }

    /**
     * A record for a row that was read.
     *
     * @param line  the 1-based line where the row starts
     * @param facts the account's facts, never null
     * @return the record
     */
    public static AccountRecord ok(long line, AccountFacts facts) {
        Objects.requireNonNull(facts, "facts");
        return new AccountRecord(line, facts.accountId(), facts, null);
    }

    /**
     * A record for a row that could not be read.
     *
     * @param line      the 1-based line where the row starts
     * @param accountId the account id, or null when it could not be read
     * @param error     what is wrong, naming the column or key and the value; never null
     * @return the record
     */
    public static AccountRecord error(long line, String accountId, String error) {
        return new AccountRecord(line, accountId, null, Objects.requireNonNull(error, "error"));
    }

    /** @return true when the row could not be read */
    public boolean isError() {
        return error != null;
    }

    /** @return {@code line 7 (account acme): message} for error records, {@code line 7 (account acme)} otherwise */
    public String describe() {
        String where = "line " + line + (accountId == null ? "" : " (account " + accountId + ")");
        return error == null ? where : where + ": " + error;
    }
}

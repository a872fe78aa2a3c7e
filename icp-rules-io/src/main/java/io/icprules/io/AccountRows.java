package io.icprules.io;

import java.io.Closeable;
import java.util.List;

/**
 * The rows of one events or contacts file, handed to the accounts that name them: held in memory
 * ({@link RowsByAccount}) or read alongside the accounts ({@link RowsInAccountOrder}).
 *
 * @param <T> the fact a row becomes
 */
interface AccountRows<T> extends Closeable {

    /**
     * What one account gets from the file: its facts and the problems of its bad rows, each in file
     * order.
     *
     * @param rows     the facts
     * @param problems the bad rows, each quoting the file and line
     */
    record Claim<T>(List<T> rows, List<String> problems) {

        private static final Claim<?> NONE = new Claim<>(List.of(), List.of());

        /** @return a claim with no rows and no problems */
        @SuppressWarnings("unchecked")
        static <T> Claim<T> none() {
            return (Claim<T>) NONE;
        }
    }

    /**
     * Hands an account its rows and marks them claimed.
     *
     * @param accountId the account's id, never null
     * @return its rows and problems; empty when the file has none for it
     */
    Claim<T> claim(String accountId);

    /** @return rows of the file, good and bad, with or without an account; all of them once every account was claimed */
    long rowCount();

    /** @return the rows no account claimed; meaningful once every account was claimed */
    OrphanRows orphans();
}

package io.icprules.io;

import java.util.Objects;

/**
 * Why an events or contacts file could not be read alongside the accounts and is held in memory
 * instead, where memory grows with the file: reported to the user with what would let it stream.
 *
 * @param file         the events or contacts file's name, never null
 * @param accountsFile the accounts file's name, never null
 * @param reason       what kept the file from streaming, never null
 * @param detail       where it was found, such as {@code line 3 (account a) follows rows for account d,
 *                     which accounts.csv lists after a}; never null
 */
public record OutOfOrder(String file, String accountsFile, Reason reason, String detail) {

    /** What keeps a file from being read alongside the accounts. */
    public enum Reason {
        /** The rows of an account are not together, or the accounts are not in the accounts file's order. */
        NOT_IN_ACCOUNT_ORDER,
        /** A row names an account that the accounts file does not have. */
        ACCOUNT_NOT_IN_ACCOUNTS_FILE,
        /** The accounts file lists an account with rows in this file more than once, apart. */
        ACCOUNT_LISTED_TWICE,
        /**
         * The accounts file is not sorted by id and too long to rule out, in bounded memory, that it lists
         * an account more than once, apart.
         */
        ACCOUNTS_TOO_LONG_TO_CHECK
    }

    /**
     * Checks that nothing is null.
     *
     * @param file         the events or contacts file's name
     * @param accountsFile the accounts file's name
     * @param reason       what kept the file from streaming
     * @param detail       where it was found
     * @throws NullPointerException when an argument is null
     */
    public OutOfOrder {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(accountsFile, "accountsFile");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * @return one sentence: that the file is held in memory, why, and what would let it be read
     *         alongside the accounts
     */
    public String describe() {
        String remedy = switch (reason) {
            case NOT_IN_ACCOUNT_ORDER -> "sorted like " + accountsFile
                    + " (by account_id when the accounts are sorted by id)";
            case ACCOUNT_NOT_IN_ACCOUNTS_FILE -> "without rows for accounts " + accountsFile + " does not have, and sorted"
                    + " like it";
            case ACCOUNT_LISTED_TWICE -> "with each account listed once in " + accountsFile
                    + ", or its repeats next to each other";
            case ACCOUNTS_TOO_LONG_TO_CHECK -> "with both files sorted by account id";
        };
        return file + " is held in memory, so memory grows with its size: " + detail + "; " + remedy
                + ", it would be read alongside the accounts instead";
    }
}

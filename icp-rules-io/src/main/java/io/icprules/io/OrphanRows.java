package io.icprules.io;

import java.util.List;
import java.util.Objects;

/**
 * Rows of an events or contacts file that no account of the accounts file claimed: rows naming an
 * account id that never appeared, and rows naming no account at all. Reported in a run's summary so
 * that a typo in an id, or an events file meant for another accounts file, is noticed.
 *
 * @param file                     the file's name, never null
 * @param rows                     rows whose account id never appeared in the accounts file
 * @param accounts                 distinct account ids among those rows
 * @param firstAccountIds          the first few of those ids, in file order, never null
 * @param rowsWithoutAccount       rows with a blank {@code account_id}, or that cannot be read up to it
 *                                 (a stray quote, bytes that are not text in the encoding, a line over
 *                                 the length limit)
 * @param firstLinesWithoutAccount the lines of the first few of those rows, never null; empty when the
 *                                 reader knows no line numbers
 * @param firstUnreadable          why those of the first few that cannot be read cannot, each starting
 *                                 with {@code line N: }, never null
 */
public record OrphanRows(String file, long rows, long accounts, List<String> firstAccountIds,
                         long rowsWithoutAccount, List<Long> firstLinesWithoutAccount, List<String> firstUnreadable) {

    /** How many ids or lines a report quotes: enough to find the problem, short enough to read. */
    public static final int SHOWN = 5;

    /**
     * Copies the lists.
     *
     * @param file                     the file's name, never null
     * @param rows                     rows whose account id never appeared in the accounts file
     * @param accounts                 distinct account ids among those rows
     * @param firstAccountIds          the first few of those ids, never null
     * @param rowsWithoutAccount       rows with a blank {@code account_id}, or that cannot be read up to it
     * @param firstLinesWithoutAccount the lines of the first few of those rows, never null
     * @param firstUnreadable          why those of the first few that cannot be read cannot, never null
     * @throws NullPointerException when a list or the file is null
     */
    public OrphanRows {
        Objects.requireNonNull(file, "file");
        firstAccountIds = List.copyOf(firstAccountIds);
        firstLinesWithoutAccount = List.copyOf(firstLinesWithoutAccount);
        firstUnreadable = List.copyOf(firstUnreadable);
    }

    /**
     * Rows no account claimed, none of which is known to be unreadable.
     *
     * @param file                     the file's name, never null
     * @param rows                     rows whose account id never appeared in the accounts file
     * @param accounts                 distinct account ids among those rows
     * @param firstAccountIds          the first few of those ids, never null
     * @param rowsWithoutAccount       rows with a blank {@code account_id}
     * @param firstLinesWithoutAccount the lines of the first few of those rows, never null
     * @throws NullPointerException when a list or the file is null
     */
    public OrphanRows(String file, long rows, long accounts, List<String> firstAccountIds, long rowsWithoutAccount,
                      List<Long> firstLinesWithoutAccount) {
        this(file, rows, accounts, firstAccountIds, rowsWithoutAccount, firstLinesWithoutAccount, List.of());
    }

    /** @return true when every row was claimed by an account */
    public boolean isEmpty() {
        return rows == 0 && rowsWithoutAccount == 0;
    }

    /**
     * @return one readable sentence, such as {@code events.csv: 3 rows for 2 account ids not in the
     *         accounts file (acme-9, zeta-1)}, followed by why each unreadable row among the first few
     *         cannot be read ({@code events.csv line 8: column 12: a quoted cell starts here ...});
     *         empty text when nothing is orphaned
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (rows > 0) {
            sb.append(file).append(": ").append(rows).append(rows == 1 ? " row" : " rows").append(" for ")
                    .append(accounts).append(accounts == 1 ? " account id" : " account ids")
                    .append(" not in the accounts file (").append(String.join(", ", firstAccountIds))
                    .append(accounts > firstAccountIds.size() ? ", ..." : "").append(")");
        }
        if (rowsWithoutAccount > 0) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(file).append(": ").append(rowsWithoutAccount)
                    .append(rowsWithoutAccount == 1 ? " row has" : " rows have")
                    .append(firstUnreadable.isEmpty() ? " no account_id" : " no readable account_id");
            if (!firstLinesWithoutAccount.isEmpty()) { // a distributed read knows no line numbers
                sb.append(" (line ")
                        .append(String.join(", ", firstLinesWithoutAccount.stream().map(String::valueOf).toList()))
                        .append(rowsWithoutAccount > firstLinesWithoutAccount.size() ? ", ..." : "").append(")");
            }
            for (String why : firstUnreadable) {
                sb.append("; ").append(file).append(" ").append(why);
            }
        }
        return sb.toString();
    }
}

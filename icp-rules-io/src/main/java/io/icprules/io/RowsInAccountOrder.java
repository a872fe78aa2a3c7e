package io.icprules.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of an events or contacts file read alongside the accounts, one account's rows at a time,
 * so that memory does not grow with the file.
 *
 * <p>Correct only for a file in the accounts file's order, as {@link AccountOrderCheck} establishes:
 * the rows of an account are contiguous (rows with a blank {@code account_id} may come between), and
 * the accounts follow one another as in the accounts file. Accounts must be claimed in file order,
 * one at a time, on one thread; an account claimed again right after itself gets the same rows, as
 * the in-memory join would give it. Not thread-safe.
 *
 * @param <T> the fact a row becomes
 */
final class RowsInAccountOrder<T> implements AccountRows<T> {

    private final String file;
    private final RelatedLayout<T> layout;
    private final CsvRows rows;
    /** The first row of the next account's rows, read ahead; null at the end of the file. */
    private CsvRow ahead;
    private String aheadId;
    /** The account claimed last and what it got: a repeat of it, in a row, gets the same. */
    private String lastId;
    private Claim<T> lastClaim = Claim.none();
    private boolean finished;
    private boolean closed;
    private long rowCount;
    private long withoutAccount;
    private final List<Long> linesWithoutAccount = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();
    private long leftRows;
    private long leftIds;
    private final List<String> firstLeftIds = new ArrayList<>();
    private int mostHeld;

    private RowsInAccountOrder(String file, RelatedLayout<T> layout, CsvRows rows) {
        this.file = file;
        this.layout = layout;
        this.rows = rows;
    }

    /**
     * Opens a file and reads ahead to its first row that names an account.
     *
     * @param file    the file, never null
     * @param layout  its layout
     * @param options the encoding and the longest row, never null
     * @return the rows, to be claimed in the accounts file's order
     * @throws InputFileException when the file is missing, its header is wrong, or it cannot be read
     * @throws IOException        when the file cannot be read
     */
    static <T> RowsInAccountOrder<T> open(Path file, RelatedLayout<T> layout, ReadOptions options) throws IOException {
        CsvRows rows = layout.open(file, options);
        RowsInAccountOrder<T> out = new RowsInAccountOrder<>(String.valueOf(file.getFileName()), layout, rows);
        try {
            out.advance();
        } catch (IOException | RuntimeException e) {
            rows.close();
            throw e;
        }
        return out;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when the rest of the file was already read, by {@link #rowCount()}
     *                               or {@link #orphans()}
     * @throws UncheckedIOException  when the file cannot be read, or no longer parses (it changed since
     *                               it was checked)
     */
    @Override
    public Claim<T> claim(String accountId) {
        if (finished) {
            throw new IllegalStateException(file + " was already read to its end: claim every account first");
        }
        if (accountId.equals(lastId)) {
            return lastClaim;
        }
        lastId = accountId;
        if (!accountId.equals(aheadId)) {
            lastClaim = Claim.none();
            return lastClaim;
        }
        Group group = new Group();
        try {
            while (accountId.equals(aheadId)) {
                layout.read(file, ahead, accountId, group);
                advance();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastClaim = new Claim<>(group.facts, group.problems);
        mostHeld = Math.max(mostHeld, group.facts.size() + group.problems.size());
        return lastClaim;
    }

    /** Reads ahead to the next row that names an account, counting the rows without one on the way. */
    private void advance() throws IOException {
        ahead = null;
        aheadId = null;
        while (rows.hasNext()) {
            CsvRow row = RelatedLayout.next(rows);
            rowCount++;
            String id = RelatedLayout.accountId(row);
            if (id != null) {
                ahead = row;
                aheadId = id;
                return;
            }
            withoutAccount++;
            if (linesWithoutAccount.size() < OrphanRows.SHOWN) {
                linesWithoutAccount.add(row.line());
                String why = RelatedLayout.unreadable(row);
                if (why != null) {
                    unreadable.add(why);
                }
            }
        }
        close();
    }

    /**
     * Reads the rows after the last claimed account. Rows naming an account are left only when the file
     * was not in the accounts file's order after all (it changed since it was checked); they are
     * reported as unclaimed, each run of rows of one id counting as one account.
     */
    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        lastClaim = Claim.none();
        try {
            while (aheadId != null) {
                String id = aheadId;
                leftIds++;
                if (firstLeftIds.size() < OrphanRows.SHOWN) {
                    firstLeftIds.add(id);
                }
                while (id.equals(aheadId)) {
                    leftRows++;
                    advance();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@inheritDoc} Reads the rest of the file, so no account can be claimed afterwards.
     */
    @Override
    public long rowCount() {
        finish();
        return rowCount;
    }

    /**
     * {@inheritDoc} Reads the rest of the file, so no account can be claimed afterwards.
     */
    @Override
    public OrphanRows orphans() {
        finish();
        return new OrphanRows(file, leftRows, leftIds, firstLeftIds, withoutAccount, linesWithoutAccount, unreadable);
    }

    /**
     * @return the most rows, good and bad, held at once: those of the largest account claimed so far,
     *         however long the file
     */
    int mostHeld() {
        return mostHeld;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            rows.close();
        }
    }

    /** The rows of the account being claimed. */
    private final class Group implements RelatedLayout.Sink<T> {
        private final List<T> facts = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        @Override
        public void add(String accountId, T fact) {
            facts.add(fact);
        }

        @Override
        public void problem(String accountId, String problem) {
            problems.add(problem);
        }
    }
}

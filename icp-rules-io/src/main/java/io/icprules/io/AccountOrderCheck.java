package io.icprules.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Decides, before any account is scored, whether each events or contacts file can be read alongside
 * the accounts ({@link RowsInAccountOrder}) and give every account exactly what holding the file in
 * memory ({@link RowsByAccount}) would.
 *
 * <p>A file qualifies when it is in the accounts file's order: the rows of each account are together
 * (rows with a blank {@code account_id} may come anywhere), and the accounts follow one another as in
 * the accounts file, which may list accounts without rows in between. A file sorted by
 * {@code account_id} qualifies when the accounts file is sorted by id too, as {@code icp generate}
 * writes them. One pass reads the accounts file's ids and each file's {@code account_id} column
 * together: for each file, the next account with rows must come up among the accounts not yet passed.
 * A row naming an account that is not in the accounts file, or that it lists earlier, ends that file's
 * walk with the accounts file.
 *
 * <p>An account listed twice in the accounts file would get its rows both times from memory, but only
 * the first time from a file read alongside. Repeats next to each other are harmless (the streaming join
 * hands the same rows again), and so are all repeats when the accounts are sorted by id; otherwise a
 * fixed-size {@link IdFilter} spots the ids that may repeat, a second pass over the accounts keeps those
 * that really do, and a third over the file tells whether it has rows for any of them.
 *
 * <p>Memory is bounded whatever the files' length: a 4 MB filter and at most 50,000 ids that may
 * repeat (beyond that the check gives up, and the file is held in memory). The account ids are read
 * with the accounts file's reader ({@link AccountReader#accountIds()}, so that they are the ids the
 * accounts will have). In the first pass each file is read ahead on a thread of its own
 * ({@link ReadAhead}), so the check takes about the time of reading the longest file rather than
 * all of them, the cores permitting. Not thread-safe.
 */
final class AccountOrderCheck {

    /** 2^25 bits, 4 MB: about thirty ids to check again for 1,000,000 unsorted accounts. */
    private static final int FILTER_LOG2_BITS = 25;
    /** Enough for about 4,000,000 unsorted accounts; a few megabytes of ids at most. */
    private static final int MOST_CANDIDATES = 50_000;
    /** Ids or account starts handed over at a time by a reading thread. */
    private static final int READ_AHEAD_CHUNK = 2048;

    /**
     * A file to check.
     *
     * @param file    the events or contacts file
     * @param layout  its layout
     * @param options the encoding and the longest row it is read with
     */
    record Related(Path file, RelatedLayout<?> layout, ReadOptions options) {
    }

    /**
     * The verdict on one file.
     *
     * @param inOrder    true when the file can be read alongside the accounts
     * @param outOfOrder why it cannot, or null when it can, or when it cannot be read at all (a missing
     *                   file, a wrong header, a row that does not parse): loading it then reports that
     */
    record Verdict(boolean inOrder, OutOfOrder outOfOrder) {
        static final Verdict IN_ORDER = new Verdict(true, null);
        static final Verdict UNREADABLE = new Verdict(false, null);

        static Verdict outOfOrder(OutOfOrder why) {
            return new Verdict(false, why);
        }
    }

    private final AccountReaderFactory accounts;
    private final int filterLog2Bits;
    private final int mostCandidates;
    private String accountsName = "the accounts file";

    /**
     * @param accounts opens the accounts file, once per pass
     */
    AccountOrderCheck(AccountReaderFactory accounts) {
        this(accounts, FILTER_LOG2_BITS, MOST_CANDIDATES);
    }

    /**
     * Sizes the search for repeated ids; small sizes let tests reach the second pass and the limit.
     *
     * @param accounts       opens the accounts file, once per pass
     * @param filterLog2Bits the filter's size as a power of two, in bits
     * @param mostCandidates how many ids that may repeat are checked again before giving up
     */
    AccountOrderCheck(AccountReaderFactory accounts, int filterLog2Bits, int mostCandidates) {
        this.accounts = accounts;
        this.filterLog2Bits = filterLog2Bits;
        this.mostCandidates = mostCandidates;
    }

    /**
     * Checks files against the accounts file.
     *
     * @param files the files, never null
     * @return one verdict per file, in the same order
     * @throws InputFileException when the accounts file cannot be used at all
     * @throws IOException        when the accounts file cannot be read
     */
    List<Verdict> check(List<Related> files) throws IOException {
        List<Cursor> cursors = new ArrayList<>();
        try {
            for (Related f : files) {
                cursors.add(Cursor.open(f));
            }
            if (cursors.stream().allMatch(c -> c.verdict != null)) {
                return cursors.stream().map(c -> c.verdict).toList(); // every file unreadable
            }
            Walk walk = walk(cursors);
            List<Cursor> stuck = cursors.stream().filter(Cursor::walking).toList();
            if (!stuck.isEmpty()) {
                explainStuck(stuck);
            }
            List<Cursor> through = cursors.stream().filter(c -> c.verdict == null).toList();
            if (!through.isEmpty()) {
                checkRepeats(through, walk);
            }
            return cursors.stream().map(c -> c.verdict).toList();
        } finally {
            for (Cursor c : cursors) {
                c.close();
            }
        }
    }

    /** What the first pass learnt about the accounts file's ids. */
    private record Walk(boolean sorted, Set<String> candidates, boolean tooMany) {
    }

    /** The first pass: every file's rows against the accounts, and the ids that may repeat. */
    private Walk walk(List<Cursor> cursors) throws IOException {
        IdFilter filter = new IdFilter(filterLog2Bits);
        Set<String> candidates = new HashSet<>();
        boolean tooMany = false;
        boolean sorted = true;
        String prev = null;
        try (AccountReader reader = accounts.open(); Stream<String> ids = reader.accountIds();
             ReadAhead<String> it = new ReadAhead<>(ids::forEach, READ_AHEAD_CHUNK)) {
            accountsName = String.valueOf(reader.file().getFileName());
            while (it.hasNext()) {
                String id = it.next();
                if (id == null || id.equals(prev)) {
                    continue; // an account repeated next to itself gets the same rows again
                }
                sorted &= prev == null || prev.compareTo(id) <= 0;
                if (filter.add(id) && !tooMany) {
                    tooMany = candidates.size() == mostCandidates;
                    if (!tooMany) {
                        candidates.add(id);
                    }
                }
                boolean undecided = false;
                for (Cursor c : cursors) {
                    if (c.walking() && id.equals(c.group)) {
                        c.pass();
                    }
                    undecided |= c.verdict == null;
                }
                if (!undecided) {
                    break; // every file is unreadable: nothing left to learn
                }
                prev = id;
            }
        }
        return new Walk(sorted, candidates, tooMany);
    }

    /**
     * Files whose walk the accounts file ended: says whether the account they stopped at is missing
     * from the accounts file or listed before the account of the rows before it (one more pass).
     */
    private void explainStuck(List<Cursor> stuck) throws IOException {
        Set<String> wanted = new HashSet<>();
        stuck.forEach(c -> wanted.add(c.group));
        Set<String> found = new HashSet<>();
        try (AccountReader reader = accounts.open(); Stream<String> ids = reader.accountIds()) {
            for (Iterator<String> it = ids.iterator(); it.hasNext() && found.size() < wanted.size(); ) {
                String id = it.next();
                if (id != null && wanted.contains(id)) {
                    found.add(id);
                }
            }
        }
        for (Cursor c : stuck) {
            String at = "line " + c.groupLine + " (account " + c.group + ")";
            c.verdict = found.contains(c.group)
                    ? Verdict.outOfOrder(new OutOfOrder(c.name, accountsName, OutOfOrder.Reason.NOT_IN_ACCOUNT_ORDER,
                    "it is not in the order of " + accountsName + ": " + at + " follows rows for account "
                            + c.previous + ", which " + accountsName + " lists after " + c.group))
                    : Verdict.outOfOrder(new OutOfOrder(c.name, accountsName,
                    OutOfOrder.Reason.ACCOUNT_NOT_IN_ACCOUNTS_FILE,
                    "line " + c.groupLine + " names account " + c.group + ", which " + accountsName + " does not have"));
        }
    }

    /**
     * Files whose walk went through: in order unless the accounts file lists an account they have rows
     * for twice, apart.
     */
    private void checkRepeats(List<Cursor> through, Walk walk) throws IOException {
        Set<String> repeats = walk.sorted() || walk.tooMany() ? Set.of() : repeated(walk.candidates());
        for (Cursor c : through) {
            if (walk.sorted()) {
                c.verdict = Verdict.IN_ORDER; // sorted ids repeat next to each other, if at all
            } else if (walk.tooMany()) {
                c.verdict = Verdict.outOfOrder(new OutOfOrder(c.name, accountsName,
                        OutOfOrder.Reason.ACCOUNTS_TOO_LONG_TO_CHECK, accountsName + " is not sorted by id, and too "
                        + "long to rule out cheaply that it lists an account twice, apart"));
            } else {
                c.verdict = repeats.isEmpty() ? Verdict.IN_ORDER : rowsFor(c, repeats);
            }
        }
    }

    /** The second pass: which candidates the accounts file really lists twice, not next to each other. */
    private Set<String> repeated(Set<String> candidates) throws IOException {
        Set<String> seen = new HashSet<>();
        Set<String> repeats = new HashSet<>();
        if (candidates.isEmpty()) {
            return repeats;
        }
        String prev = null;
        try (AccountReader reader = accounts.open(); Stream<String> ids = reader.accountIds()) {
            for (Iterator<String> it = ids.iterator(); it.hasNext(); ) {
                String id = it.next();
                if (id == null || id.equals(prev)) {
                    continue;
                }
                prev = id;
                if (candidates.contains(id) && !seen.add(id)) {
                    repeats.add(id);
                }
            }
        }
        return repeats;
    }

    /** The third pass: the file's first row for an account the accounts file lists twice, apart. */
    private Verdict rowsFor(Cursor c, Set<String> repeats) throws IOException {
        try (CsvRows rows = c.related.layout().open(c.related.file(), c.related.options())) {
            while (rows.hasNext()) {
                CsvRow row = RelatedLayout.next(rows);
                String id = RelatedLayout.accountId(row);
                if (id != null && repeats.contains(id)) {
                    return Verdict.outOfOrder(new OutOfOrder(c.name, accountsName, OutOfOrder.Reason.ACCOUNT_LISTED_TWICE,
                            accountsName + " lists account " + id + " twice, apart (lines " + listings(id)
                                    + "), and this file has rows for it (line " + row.line() + ")"));
                }
            }
        } catch (InputFileException e) {
            return Verdict.UNREADABLE; // it changed since the first pass; loading it says how
        }
        return Verdict.IN_ORDER;
    }

    /** Where the accounts file lists an account first and again, apart: one more pass, for the note. */
    private String listings(String id) throws IOException {
        List<String> lines = new ArrayList<>();
        String prev = null;
        try (AccountReader reader = accounts.open(); Stream<AccountRecord> records = reader.records()) {
            for (Iterator<AccountRecord> it = records.iterator(); it.hasNext() && lines.size() < 2; ) {
                AccountRecord r = it.next();
                if (r.accountId() == null) {
                    continue;
                }
                if (r.accountId().equals(id) && !id.equals(prev)) {
                    lines.add(String.valueOf(r.line()));
                }
                prev = r.accountId();
            }
        }
        return String.join(" and ", lines);
    }

    /**
     * Where a file's rows for the next account start: the first row naming an account other than
     * the rows before it (rows with a blank {@code account_id} left out).
     */
    private record Start(String account, long line) {
        /** The rest of the file cannot be read. */
        static final Start UNREADABLE = new Start(null, 0);
    }

    /** Gives a file's starts to {@code sink}, on the thread that reads the file ahead. */
    private static void starts(CsvRows rows, Consumer<Start> sink) {
        String previous = null;
        try {
            while (rows.hasNext()) {
                CsvRow row = RelatedLayout.next(rows);
                String id = RelatedLayout.accountId(row);
                if (id != null && !id.equals(previous)) {
                    previous = id;
                    sink.accept(new Start(id, row.line()));
                }
            }
        } catch (InputFileException e) {
            sink.accept(Start.UNREADABLE);
        }
    }

    /** One file's {@code account_id} column, walked one account's rows at a time. */
    private static final class Cursor implements Closeable {
        private final Related related;
        private final String name;
        private final CsvRows rows;
        private final ReadAhead<Start> starts;
        /** The account whose rows come next, and the line they start on; null once the file is read. */
        private String group;
        private long groupLine;
        /** The account of the rows before them. */
        private String previous;
        private Verdict verdict;

        private Cursor(Related related, CsvRows rows) {
            this.related = related;
            this.name = String.valueOf(related.file().getFileName());
            this.rows = rows;
            this.starts = rows == null ? null : new ReadAhead<>(sink -> starts(rows, sink), READ_AHEAD_CHUNK);
        }

        /** Opens a file; one that cannot be opened or read is decided at once. */
        static Cursor open(Related related) throws IOException {
            CsvRows rows;
            try {
                rows = related.layout().open(related.file(), related.options());
            } catch (InputFileException e) {
                Cursor c = new Cursor(related, null);
                c.verdict = Verdict.UNREADABLE;
                return c;
            }
            Cursor c = new Cursor(related, rows);
            c.readToNextAccount();
            return c;
        }

        /** @return true while the file has rows for accounts not yet passed in the accounts file */
        boolean walking() {
            return verdict == null && group != null;
        }

        /** Passes the rows of the current account. */
        void pass() {
            previous = group;
            readToNextAccount();
        }

        /** Reads to the first row naming an account other than {@link #previous}. */
        private void readToNextAccount() {
            if (!starts.hasNext()) {
                group = null;
                return;
            }
            Start s = starts.next();
            if (s == Start.UNREADABLE) {
                verdict = Verdict.UNREADABLE;
                return;
            }
            group = s.account();
            groupLine = s.line();
        }

        @Override
        public void close() throws IOException {
            if (starts != null) {
                starts.close(); // first: the reading thread must be done with the rows
            }
            if (rows != null) {
                rows.close();
            }
        }
    }
}

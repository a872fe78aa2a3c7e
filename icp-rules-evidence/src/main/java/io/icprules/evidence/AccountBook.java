package io.icprules.evidence;

import io.icprules.io.AccountReader;
import io.icprules.io.AccountRecord;
import io.icprules.io.ColumnMapping;
import io.icprules.io.OrphanRows;
import io.icprules.io.ReadOptions;
import io.icprules.io.TextValues;
import io.icprules.io.RelatedFacts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The accounts of an accounts file, with their events and contacts, held in memory and found by id:
 * what the backtest, the comparison and the audit join their deals to.
 *
 * <p>Nothing is lost: error records stay in {@link #records()}; an id that appears on several rows is
 * ambiguous, so {@link #find} answers for it with an error record naming every line instead of
 * guessing which row was meant.
 *
 * <p><b>Snapshots.</b> An accounts CSV with a {@code valid_from} column ({@code yyyy-MM-dd}) is a
 * snapshot file: each row is the account as it was from that day until the day of its next row, and
 * an account may have any number of rows. {@link #find(String, LocalDate)} then gives the row valid on
 * a day: the latest with {@code valid_from} on or before it. A day before every row of the account
 * has no row: it gets an error record rather than a later snapshot, because facts from after the day
 * (a headcount the account reached later) would leak into a backtest; {@link #firstSnapshot} says
 * when the account's history starts. A row whose {@code valid_from} is blank or not a date costs that
 * row only ({@link #rowsLeftOut()}); two rows of one account with the same date make that snapshot an
 * error record naming both lines. Events are dated and contacts are taken as they are, as for any
 * accounts file.
 */
public final class AccountBook {

    private final String fileName;
    private final List<AccountRecord> records;
    private final Map<String, AccountRecord> byId;
    private final List<OrphanRows> orphans;
    /** The snapshots of a file with a {@code valid_from} column; null for any other accounts file. */
    private final AccountSnapshots snapshots;

    private AccountBook(String fileName, List<AccountRecord> records, Map<String, AccountRecord> byId,
                        List<OrphanRows> orphans, AccountSnapshots snapshots) {
        this.fileName = fileName;
        this.records = records;
        this.byId = byId;
        this.orphans = orphans;
        this.snapshots = snapshots;
    }

    /**
     * Reads an accounts file (CSV or JSON Lines) and joins the events and contacts files to it.
     *
     * @param accounts the accounts file, never null
     * @param events   an events CSV, or null
     * @param contacts a contacts CSV, or null
     * @return the loaded accounts
     * @throws io.icprules.io.InputFileException when a file cannot be used at all
     * @throws IOException                                when a file cannot be read
     */
    public static AccountBook load(Path accounts, Path events, Path contacts) throws IOException {
        return load(accounts, events, contacts, ReadOptions.defaults());
    }

    /**
     * Reads an accounts file (CSV or JSON Lines) and joins the events and contacts files to it, all read
     * in a given encoding with a given longest row. A CSV file with a {@code valid_from} column is read
     * as a snapshot file (see the class comment).
     *
     * @param accounts the accounts file, never null
     * @param events   an events CSV, or null
     * @param contacts a contacts CSV, or null
     * @param options  the encoding and the longest row, never null
     * @return the loaded accounts
     * @throws io.icprules.io.InputFileException when a file cannot be used at all
     * @throws IOException                       when a file cannot be read
     */
    public static AccountBook load(Path accounts, Path events, Path contacts, ReadOptions options) throws IOException {
        return load(accounts, null, events, contacts, options);
    }

    /**
     * Reads an accounts file, a CRM export through a column mapping when one is given, and joins the
     * events and contacts files to it, all read in a given encoding with a given longest row.
     *
     * @param accounts the accounts file, never null
     * @param mapping  the column mapping of a CSV export (see {@link ColumnMapping#load(Path)}), or null
     *                 for the file's own layout
     * @param events   an events CSV, or null
     * @param contacts a contacts CSV, or null
     * @param options  the encoding and the longest row, never null
     * @return the loaded accounts
     * @throws io.icprules.io.InputFileException when a file cannot be used at all (for a mapping: its
     *                                           header does not fit the mapping)
     * @throws IOException                       when a file cannot be read
     */
    public static AccountBook load(Path accounts, ColumnMapping mapping, Path events, Path contacts,
                                   ReadOptions options) throws IOException {
        RelatedFacts related = RelatedFacts.load(events, contacts, options);
        if (mapping == null && AccountSnapshots.isSnapshotFile(accounts, options)) {
            AccountSnapshots read = AccountSnapshots.read(accounts, options, related::attach);
            return new AccountBook(String.valueOf(accounts.getFileName()), read.records(), Map.of(),
                    related.orphans(), read);
        }
        try (AccountReader reader = mapping == null ? AccountReader.open(accounts, options)
                : AccountReader.open(accounts, mapping, options);
             Stream<AccountRecord> stream = reader.records()) {
            return of(String.valueOf(accounts.getFileName()), stream.map(related::attach).toList(), related.orphans());
        }
    }

    /**
     * Builds a book from records already read.
     *
     * @param fileName the accounts file's name, for messages, never null
     * @param records  the records in file order, never null
     * @param orphans  event and contact rows no account claimed, never null
     * @return the book
     */
    public static AccountBook of(String fileName, List<AccountRecord> records, List<OrphanRows> orphans) {
        Objects.requireNonNull(fileName, "fileName");
        Map<String, List<AccountRecord>> grouped = new LinkedHashMap<>();
        for (AccountRecord r : records) {
            if (r.accountId() != null) {
                grouped.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, AccountRecord> byId = new HashMap<>();
        grouped.forEach((id, rows) -> byId.put(id, rows.size() == 1 ? rows.get(0)
                : AccountRecord.error(rows.get(0).line(), id, "account id " + id + " appears on lines "
                        + TextValues.listed(rows.stream().map(r -> String.valueOf(r.line())).toList(), ", ")
                        + " of " + fileName + "; it must be unique")));
        return new AccountBook(fileName, List.copyOf(records), byId, List.copyOf(orphans), null);
    }

    /**
     * Tells whether an accounts file is a snapshot file: a CSV file whose header is the accounts layout
     * with a {@code valid_from} column.
     *
     * @param accounts the accounts file, never null
     * @param options  the encoding and the longest row, never null
     * @return true for a snapshot file; false for any other file, whose reader says what is wrong with it
     * @throws IOException when the file cannot be read
     */
    public static boolean isSnapshotFile(Path accounts, ReadOptions options) throws IOException {
        return AccountSnapshots.isSnapshotFile(accounts, options);
    }

    /**
     * Builds a book of snapshots from rows already read (see the class comment).
     *
     * @param fileName  the accounts file's name, for messages, never null
     * @param snapshots the rows in file order, never null
     * @param orphans   event and contact rows no account claimed, never null
     * @return the book
     */
    public static AccountBook ofSnapshots(String fileName, List<AccountSnapshot> snapshots, List<OrphanRows> orphans) {
        Objects.requireNonNull(fileName, "fileName");
        AccountSnapshots s = new AccountSnapshots(fileName, snapshots);
        return new AccountBook(fileName, s.records(), Map.of(), List.copyOf(orphans), s);
    }

    /** @return true when the accounts file is a snapshot file (it has a {@code valid_from} column) */
    public boolean hasSnapshots() {
        return snapshots != null;
    }

    /**
     * Finds an account as it was on a day: for a snapshot file the row valid on that day, for any
     * other accounts file its one row.
     *
     * @param accountId the id, never null
     * @param day       the day, never null
     * @return its record (an error record when the row is bad, the id is not unique, or the day is before
     *         every snapshot of the account), or empty when no row has that id
     */
    public Optional<AccountRecord> find(String accountId, LocalDate day) {
        Objects.requireNonNull(day, "day");
        return snapshots == null ? find(accountId) : snapshots.find(accountId, day);
    }

    /**
     * Tells when an account's snapshots start.
     *
     * @param accountId the id, never null
     * @return the earliest {@code valid_from} of its rows; empty when the file has no snapshots or no
     *         dated row of the account
     */
    public Optional<LocalDate> firstSnapshot(String accountId) {
        return snapshots == null ? Optional.empty() : snapshots.first(accountId);
    }

    /**
     * Every account as it was on a day, for scoring the whole file as of that day.
     *
     * @param day the day, never null
     * @return {@link #records()} for a file without snapshots; for a snapshot file one record per account
     *         (as {@link #find(String, LocalDate)} gives it), in the order accounts first appear, and each
     *         row without an id or a usable {@code valid_from} as the error record it is
     */
    public List<AccountRecord> recordsAsOf(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return snapshots == null ? records : snapshots.asOf(day);
    }

    /**
     * @return the rows of a snapshot file left out because their {@code valid_from} is blank or not a
     *         date, each as {@code accounts.csv line 7 (account acme): valid_from: ...}; empty otherwise
     */
    public List<String> rowsLeftOut() {
        return snapshots == null ? List.of() : snapshots.undatedRows();
    }

    /**
     * Says which rows of a snapshot file were left out for want of a usable date, for the reports of
     * every command that reads this book.
     *
     * @return a warning, or empty when no row was left out
     */
    public Optional<String> rowsLeftOutWarning() {
        List<String> rows = rowsLeftOut();
        return rows.isEmpty() ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
                "%,d %s of %s left out for want of a usable valid_from (the account's other snapshots are used): %s",
                rows.size(), rows.size() == 1 ? "row" : "rows", fileName(), TextValues.listed(rows, "; ")));
    }

    /**
     * @return for a snapshot file, how many dated rows and accounts it has, such as
     *         {@code 240 snapshots of 80 accounts}; empty otherwise
     */
    public Optional<String> describeSnapshots() {
        return snapshots == null ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
                "%,d snapshots of %,d accounts", snapshots.dated(), snapshots.accounts()));
    }

    /** @return the accounts file's name */
    public String fileName() {
        return fileName;
    }

    /** @return every record of the file, in file order, error records included (every snapshot of a snapshot file) */
    public List<AccountRecord> records() {
        return records;
    }

    /**
     * Finds an account; in a snapshot file, its latest row (as the file has it now): use
     * {@link #find(String, LocalDate)} for the account as it was on a day.
     *
     * @param accountId the id, never null
     * @return its record (an error record when its row was bad or its id is not unique), or empty
     *         when no row has that id
     */
    public Optional<AccountRecord> find(String accountId) {
        return snapshots == null ? Optional.ofNullable(byId.get(accountId)) : snapshots.latest(accountId);
    }

    /** @return event and contact rows whose account is not in the file */
    public List<OrphanRows> orphans() {
        return orphans;
    }
}

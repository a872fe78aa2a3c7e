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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 */
public final class AccountBook {

    private final String fileName;
    private final List<AccountRecord> records;
    private final Map<String, AccountRecord> byId;
    private final List<OrphanRows> orphans;

    private AccountBook(String fileName, List<AccountRecord> records, Map<String, AccountRecord> byId,
                        List<OrphanRows> orphans) {
        this.fileName = fileName;
        this.records = records;
        this.byId = byId;
        this.orphans = orphans;
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
     * in a given encoding with a given longest row.
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
        return new AccountBook(fileName, List.copyOf(records), byId, List.copyOf(orphans));
    }

    /** @return the accounts file's name */
    public String fileName() {
        return fileName;
    }

    /** @return every record of the file, in file order, error records included */
    public List<AccountRecord> records() {
        return records;
    }

    /**
     * Finds an account.
     *
     * @param accountId the id, never null
     * @return its record (an error record when its row was bad or its id is not unique), or empty
     *         when no row has that id
     */
    public Optional<AccountRecord> find(String accountId) {
        return Optional.ofNullable(byId.get(accountId));
    }

    /** @return event and contact rows whose account is not in the file */
    public List<OrphanRows> orphans() {
        return orphans;
    }
}

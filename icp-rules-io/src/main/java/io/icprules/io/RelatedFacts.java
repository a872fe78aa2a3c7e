package io.icprules.io;

import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The events and contacts of separate CSV files, joined to accounts as they stream by: either read
 * alongside the accounts, one account's rows at a time, when a file is in the accounts file's order
 * ({@link #open}), or held in memory by account id ({@link #load}, and {@link #open} for a file that
 * is not in order).
 *
 * <p>Both give every account the same facts and errors. Nothing is dropped silently: when a row of
 * the events or contacts file is bad (a bad value, the wrong number of cells, or text that cannot be
 * read: a stray quote, bytes that are not text in the encoding, a line over the length limit), the
 * account it names becomes an error record whose message quotes the file and line; rows naming an
 * account that never appears in the accounts file, or no account (or none that can be read), are
 * reported by {@link #orphans()}. The files are UTF-8 with rows of at most 1 MiB unless
 * {@link ReadOptions} say otherwise.
 *
 * <p>Not thread-safe: {@link #attach} is meant for a {@code Stream.map} on the thread that reads the
 * accounts. Facts from {@link #open} must moreover see every account of the accounts file, once, in
 * file order (as its reader yields them, error records included), and be closed afterwards.
 */
public final class RelatedFacts implements Closeable {

    private final AccountRows<Event> events;
    private final AccountRows<Contact> contacts;
    private final List<OutOfOrder> outOfOrder;

    private RelatedFacts(AccountRows<Event> events, AccountRows<Contact> contacts, List<OutOfOrder> outOfOrder) {
        this.events = events;
        this.contacts = contacts;
        this.outOfOrder = List.copyOf(outOfOrder);
    }

    /** @return related facts with no events and no contacts: records pass through unchanged */
    public static RelatedFacts none() {
        return new RelatedFacts(null, null, List.of());
    }

    /**
     * Loads the files into memory: memory grows with the files, and accounts may be joined in any
     * order, any number of times.
     *
     * @param eventsFile   an events CSV ({@code account_id,type,date,details}), or null for none
     * @param contactsFile a contacts CSV ({@code account_id,name,title,role,seniority,department}),
     *                     or null for none
     * @return the loaded facts
     * @throws InputFileException when a file is missing, its header is wrong, or it cannot be read
     *                            to the end
     * @throws IOException        when a file cannot be read
     */
    public static RelatedFacts load(Path eventsFile, Path contactsFile) throws IOException {
        return load(eventsFile, contactsFile, ReadOptions.defaults());
    }

    /**
     * Loads the files into memory, read in a given encoding with a given longest row, as
     * {@link #load(Path, Path)} does.
     *
     * @param eventsFile   an events CSV ({@code account_id,type,date,details}), or null for none
     * @param contactsFile a contacts CSV ({@code account_id,name,title,role,seniority,department}),
     *                     or null for none
     * @param options      the encoding and the longest row, never null
     * @return the loaded facts
     * @throws InputFileException when a file is missing, its header is wrong, or it cannot be read to the end
     * @throws IOException        when a file cannot be read
     */
    public static RelatedFacts load(Path eventsFile, Path contactsFile, ReadOptions options) throws IOException {
        return new RelatedFacts(eventsFile == null ? null : RowsByAccount.load(eventsFile, RelatedLayout.EVENTS, options),
                contactsFile == null ? null : RowsByAccount.load(contactsFile, RelatedLayout.CONTACTS, options),
                List.of());
    }

    /**
     * Loads the rows of one account only, for looking a single account up in files of any length:
     * memory holds that account's rows, not the files. Every row is still parsed, so a file that does not
     * parse is refused as by {@link #load}; rows of other accounts are not checked further, and
     * {@link #orphans()} and the row counts only know the loaded account's rows.
     *
     * @param eventsFile   an events CSV ({@code account_id,type,date,details}), or null for none
     * @param contactsFile a contacts CSV ({@code account_id,name,title,role,seniority,department}),
     *                     or null for none
     * @param accountId    the account whose rows to keep, never null
     * @return the loaded facts
     * @throws InputFileException when a file is missing, its header is wrong, or it cannot be read
     *                            to the end
     * @throws IOException        when a file cannot be read
     */
    public static RelatedFacts loadFor(Path eventsFile, Path contactsFile, String accountId) throws IOException {
        return loadFor(eventsFile, contactsFile, accountId, ReadOptions.defaults());
    }

    /**
     * Loads the rows of one account only, from files read in a given encoding with a given longest row,
     * as {@link #loadFor(Path, Path, String)} does.
     *
     * @param eventsFile   an events CSV ({@code account_id,type,date,details}), or null for none
     * @param contactsFile a contacts CSV ({@code account_id,name,title,role,seniority,department}),
     *                     or null for none
     * @param accountId    the account whose rows to keep, never null
     * @param options      the encoding and the longest row, never null
     * @return the loaded facts
     * @throws InputFileException when a file is missing, its header is wrong, or it cannot be read to the end
     * @throws IOException        when a file cannot be read
     */
    public static RelatedFacts loadFor(Path eventsFile, Path contactsFile, String accountId, ReadOptions options)
            throws IOException {
        Objects.requireNonNull(accountId, "accountId");
        AccountRows<Event> events = eventsFile == null ? null
                : RowsByAccount.load(eventsFile, RelatedLayout.EVENTS, accountId::equals, options);
        AccountRows<Contact> contacts = contactsFile == null ? null
                : RowsByAccount.load(contactsFile, RelatedLayout.CONTACTS, accountId::equals, options);
        return new RelatedFacts(events, contacts, List.of());
    }

    /**
     * Opens the files to be joined to the accounts of one accounts file, read once, in order: each file
     * in that file's order is read alongside the accounts, holding one account's rows at a time; any
     * other is loaded into memory, and {@link #outOfOrder()} says why. A first pass over the account ids
     * and the files' {@code account_id} column decides (see {@link #streams()}); it reads every row, so
     * a file that does not parse stops the run here, as with {@link #load}.
     *
     * @param accounts     opens the accounts file the facts will be joined to, with the reader that
     *                     will read it; called once or a few times for the first pass
     * @param eventsFile   an events CSV ({@code account_id,type,date,details}), or null for none
     * @param contactsFile a contacts CSV ({@code account_id,name,title,role,seniority,department}),
     *                     or null for none
     * @return the facts; close them once the accounts were read and {@link #orphans()} asked for
     * @throws InputFileException when a file is missing, its header is wrong, or it cannot be read
     *                            to the end
     * @throws IOException        when a file cannot be read
     */
    public static RelatedFacts open(AccountReaderFactory accounts, Path eventsFile, Path contactsFile)
            throws IOException {
        return open(accounts, eventsFile, contactsFile, ReadOptions.defaults());
    }

    /**
     * Opens the files to be joined to the accounts of one accounts file, read in a given encoding with a
     * given longest row, as {@link #open(AccountReaderFactory, Path, Path)} does.
     *
     * @param accounts     opens the accounts file the facts will be joined to, with the reader that
     *                     will read it; called once or a few times for the first pass
     * @param eventsFile   an events CSV ({@code account_id,type,date,details}), or null for none
     * @param contactsFile a contacts CSV ({@code account_id,name,title,role,seniority,department}),
     *                     or null for none
     * @param options      the encoding and the longest row of the events and contacts files, never null
     * @return the facts; close them once the accounts were read and {@link #orphans()} asked for
     * @throws InputFileException when a file is missing, its header is wrong, or it cannot be read to the end
     * @throws IOException        when a file cannot be read
     */
    public static RelatedFacts open(AccountReaderFactory accounts, Path eventsFile, Path contactsFile,
                                    ReadOptions options) throws IOException {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(options, "options");
        if (eventsFile == null && contactsFile == null) {
            return none();
        }
        List<AccountOrderCheck.Related> files = new ArrayList<>();
        if (eventsFile != null) {
            files.add(new AccountOrderCheck.Related(eventsFile, RelatedLayout.EVENTS, options));
        }
        if (contactsFile != null) {
            files.add(new AccountOrderCheck.Related(contactsFile, RelatedLayout.CONTACTS, options));
        }
        List<AccountOrderCheck.Verdict> verdicts = new AccountOrderCheck(accounts).check(files);
        List<OutOfOrder> heldInMemory = verdicts.stream().map(AccountOrderCheck.Verdict::outOfOrder)
                .filter(Objects::nonNull).toList();
        AccountRows<Event> ev = null;
        try {
            ev = eventsFile == null ? null : rows(eventsFile, RelatedLayout.EVENTS, verdicts.get(0), options);
            AccountRows<Contact> co = contactsFile == null ? null
                    : rows(contactsFile, RelatedLayout.CONTACTS, verdicts.get(verdicts.size() - 1), options);
            return new RelatedFacts(ev, co, heldInMemory);
        } catch (IOException | RuntimeException e) {
            if (ev != null) {
                ev.close();
            }
            throw e;
        }
    }

    private static <T> AccountRows<T> rows(Path file, RelatedLayout<T> layout, AccountOrderCheck.Verdict verdict,
                                           ReadOptions options) throws IOException {
        return verdict.inOrder() ? RowsInAccountOrder.open(file, layout, options)
                : RowsByAccount.load(file, layout, options);
    }

    /**
     * Tells how the files are joined.
     *
     * @return true when no events or contacts file is held in memory: each is read alongside the
     *         accounts (or none was given); false when one is loaded, by {@link #load} or because it is
     *         not in the accounts file's order
     */
    public boolean streams() {
        return !(events instanceof RowsByAccount) && !(contacts instanceof RowsByAccount);
    }

    /**
     * Says why files given to {@link #open} are held in memory, for a note to the user.
     *
     * @return one entry per file not in the accounts file's order; empty when every file streams, and
     *         for facts from {@link #load}
     */
    public List<OutOfOrder> outOfOrder() {
        return outOfOrder;
    }

    /** @return rows of the events file, good and bad; all of them once every account was read; 0 without one */
    public long eventRows() {
        return events == null ? 0 : events.rowCount();
    }

    /** @return rows of the contacts file, good and bad; all of them once every account was read; 0 without one */
    public long contactRows() {
        return contacts == null ? 0 : contacts.rowCount();
    }

    /**
     * Adds an account's events and contacts to its record. An account with a bad event or contact
     * row becomes an error record quoting the file and line of each bad row (of the first
     * {@value TextValues#MOST_LISTED}, the others counted); an account that already
     * is an error record keeps its error, with those rows' problems appended. Events and contacts
     * given inside the record (JSON Lines) come first, those of the files after.
     *
     * @param record a record read from the accounts file, never null; for facts from {@link #open},
     *               the next record of that file
     * @return the record with its related facts, or an error record
     * @throws java.io.UncheckedIOException when a file read alongside the accounts can no longer be read
     */
    public AccountRecord attach(AccountRecord record) {
        if (record.accountId() == null || (events == null && contacts == null)) {
            return record;
        }
        AccountRows.Claim<Event> ev = events == null ? AccountRows.Claim.none() : events.claim(record.accountId());
        AccountRows.Claim<Contact> co = contacts == null ? AccountRows.Claim.none() : contacts.claim(record.accountId());
        List<String> problems = new ArrayList<>(ev.problems());
        problems.addAll(co.problems());
        if (record.isError()) {
            return problems.isEmpty() ? record : AccountRecord.error(record.line(), record.accountId(),
                    record.error() + "; " + TextValues.listed(problems, "; "));
        }
        if (!problems.isEmpty()) {
            return AccountRecord.error(record.line(), record.accountId(), TextValues.listed(problems, "; "));
        }
        if (ev.rows().isEmpty() && co.rows().isEmpty()) {
            return record;
        }
        AccountFacts facts = record.facts();
        List<Event> allEvents = new ArrayList<>(facts.events());
        allEvents.addAll(ev.rows());
        List<Contact> allContacts = new ArrayList<>(facts.contacts());
        allContacts.addAll(co.rows());
        return AccountRecord.ok(record.line(), AccountFacts.of(facts.account(), allEvents, allContacts));
    }

    /**
     * Every readable event row, whatever account it names; for checks that look at the whole file.
     *
     * @return the events, in no particular order; empty when no events file was given
     * @throws IllegalStateException when the events file is read alongside the accounts ({@link #open})
     */
    public Stream<Event> allEvents() {
        if (events == null) {
            return Stream.empty();
        }
        if (events instanceof RowsByAccount<Event> loaded) {
            return loaded.all();
        }
        throw new IllegalStateException("the events file is read alongside the accounts; load it to see all its events");
    }

    /**
     * Reports the rows no account claimed. Meaningful once every account has been read; a file read
     * alongside the accounts is read to its end here.
     *
     * @return one report per file that has unclaimed rows; empty when none
     */
    public List<OrphanRows> orphans() {
        List<OrphanRows> out = new ArrayList<>();
        if (events != null && !events.orphans().isEmpty()) {
            out.add(events.orphans());
        }
        if (contacts != null && !contacts.orphans().isEmpty()) {
            out.add(contacts.orphans());
        }
        return out;
    }

    /**
     * @return the most rows, of one file, held at once by a file read alongside the accounts: those of
     *         its largest account; 0 when no file is read so
     */
    int mostRowsHeld() {
        int most = 0;
        if (events instanceof RowsInAccountOrder<Event> e) {
            most = e.mostHeld();
        }
        if (contacts instanceof RowsInAccountOrder<Contact> c) {
            most = Math.max(most, c.mostHeld());
        }
        return most;
    }

    /**
     * Closes the files read alongside the accounts; nothing to do for files held in memory.
     *
     * @throws IOException when a file cannot be closed
     */
    @Override
    public void close() throws IOException {
        try {
            if (events != null) {
                events.close();
            }
        } finally {
            if (contacts != null) {
                contacts.close();
            }
        }
    }
}

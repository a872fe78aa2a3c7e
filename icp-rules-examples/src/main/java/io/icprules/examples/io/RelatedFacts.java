package io.icprules.examples.io;

import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The events and contacts of separate CSV files, held in memory by account id and joined to
 * accounts as they stream by.
 *
 * <p>Nothing is dropped silently: when a row of the events or contacts file is bad, the account it
 * names becomes an error record whose message quotes the file and line; rows naming an account that
 * never appears in the accounts file are reported by {@link #orphans()}. Not thread-safe: join on
 * the thread that reads the accounts.
 */
public final class RelatedFacts {

    private final RowsByAccount<Event> events;
    private final RowsByAccount<Contact> contacts;

    private RelatedFacts(RowsByAccount<Event> events, RowsByAccount<Contact> contacts) {
        this.events = events;
        this.contacts = contacts;
    }

    /** @return related facts with no events and no contacts: records pass through unchanged */
    public static RelatedFacts none() {
        return new RelatedFacts(null, null);
    }

    /**
     * Loads the files into memory.
     *
     * @param eventsFile   an events CSV ({@code account_id,type,date,details}), or null for none
     * @param contactsFile a contacts CSV ({@code account_id,name,title,role,seniority,department}),
     *                     or null for none
     * @return the loaded facts
     * @throws InputFileException when a file is missing, its header is wrong, or it cannot be parsed
     *                            to the end
     * @throws IOException        when a file cannot be read
     */
    public static RelatedFacts load(Path eventsFile, Path contactsFile) throws IOException {
        return new RelatedFacts(eventsFile == null ? null : RowsByAccount.load(eventsFile, RelatedLayout.EVENTS),
                contactsFile == null ? null : RowsByAccount.load(contactsFile, RelatedLayout.CONTACTS));
    }

    /** @return rows read from the events file, good and bad; 0 without one */
    public long eventRows() {
        return events == null ? 0 : events.rowCount();
    }

    /** @return rows read from the contacts file, good and bad; 0 without one */
    public long contactRows() {
        return contacts == null ? 0 : contacts.rowCount();
    }

    /**
     * Adds an account's events and contacts to its record. An account with a bad event or contact
     * row becomes an error record quoting the file and line of each bad row; an account that already
     * is an error record keeps its error, with those rows' problems appended. Events and contacts
     * given inside the record (JSON Lines) come first, those of the files after.
     *
     * @param record a record read from the accounts file, never null
     * @return the record with its related facts, or an error record
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
                    record.error() + "; " + String.join("; ", problems));
        }
        if (!problems.isEmpty()) {
            return AccountRecord.error(record.line(), record.accountId(), String.join("; ", problems));
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
     * @return the events, in no particular order; empty when no events file was loaded
     */
    public java.util.stream.Stream<Event> allEvents() {
        return events == null ? java.util.stream.Stream.empty() : events.all();
    }

    /**
     * Reports the rows no account claimed. Meaningful once every account has been read.
     *
     * @return one report per loaded file that has unclaimed rows; empty when none
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
}

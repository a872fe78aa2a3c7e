package io.icprules.fact;

import io.icprules.error.InvalidFactException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Everything known about one account: the account itself, its buying events and its contacts.
 * This is the unit the engine evaluates. Immutable.
 *
 * <p>Events and contacts take the account's id; one that names another account is rejected, so
 * that facts of two accounts can never be mixed up in one evaluation.
 */
public final class AccountFacts implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Account account;
    private final List<Event> events;
    private final List<Contact> contacts;

    private AccountFacts(Account account, List<Event> events, List<Contact> contacts) {
        this.account = account;
        this.events = events;
        this.contacts = contacts;
    }

    /**
     * Facts for an account with no events and no contacts.
     *
     * @param account the account, never null
     * @return the facts
     */
    public static AccountFacts of(Account account) {
        return of(account, List.of(), List.of());
    }

    /**
     * Facts for an account with its events and contacts.
     *
     * @param account  the account, never null
     * @param events   its events, never null; events without an account id take the account's
     * @param contacts its contacts, never null; contacts without an account id take the account's
     * @return the facts
     * @throws InvalidFactException when an event or contact names another account
     */
    public static AccountFacts of(Account account, Collection<Event> events, Collection<Contact> contacts) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(contacts, "contacts");
        String id = account.getId();
        List<Event> ev = new ArrayList<>(events.size());
        for (Event e : events) {
            Objects.requireNonNull(e, "events must not contain null");
            if (e.getAccountId() != null && !e.getAccountId().equals(id)) {
                throw new InvalidFactException("events", "event " + e.getType() + " on " + e.getDate()
                        + " belongs to account " + e.getAccountId() + ", not " + id);
            }
            ev.add(e.withAccountId(id));
        }
        List<Contact> co = new ArrayList<>(contacts.size());
        for (Contact c : contacts) {
            Objects.requireNonNull(c, "contacts must not contain null");
            if (c.getAccountId() != null && !c.getAccountId().equals(id)) {
                throw new InvalidFactException("contacts", "contact belongs to account " + c.getAccountId()
                        + ", not " + id);
            }
            co.add(c.withAccountId(id));
        }
        return new AccountFacts(account, List.copyOf(ev), List.copyOf(co));
    }

    /** @return the account, never null */
    public Account account() {
        return account;
    }

    /** @return the account's id, never null */
    public String accountId() {
        return account.getId();
    }

    /** @return the events in the order given, never null */
    public List<Event> events() {
        return events;
    }

    /** @return the contacts in the order given, never null */
    public List<Contact> contacts() {
        return contacts;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AccountFacts)) {
            return false;
        }
        AccountFacts f = (AccountFacts) o;
        return account.equals(f.account) && events.equals(f.events) && contacts.equals(f.contacts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(account, events, contacts);
    }

    @Override
    public String toString() {
        return "AccountFacts[" + account.getId() + ", " + events.size() + " events, " + contacts.size() + " contacts]";
    }
}

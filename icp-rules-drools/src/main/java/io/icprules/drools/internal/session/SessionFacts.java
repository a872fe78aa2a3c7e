package io.icprules.drools.internal.session;

import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.time.LocalDate;
import java.util.List;

/**
 * What one account puts into a session: the account, its events up to the evaluation date, each
 * made relative to that date ({@link Event#relativeTo}), and its contacts.
 */
public final class SessionFacts {

    private SessionFacts() {
    }

    /**
     * Inserts an account's facts.
     *
     * @param session the session, never null
     * @param facts   the account's facts, never null
     * @param asOf    the evaluation date, never null; later events are left out (they had not
     *                happened yet)
     * @param handles receives the handle of every inserted fact, to delete them afterwards
     */
    public static void insert(KieSession session, AccountFacts facts, LocalDate asOf, List<FactHandle> handles) {
        handles.add(session.insert(facts.account()));
        List<Event> events = facts.events();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (!e.getDate().isAfter(asOf)) {
                handles.add(session.insert(e.relativeTo(asOf)));
            }
        }
        List<Contact> contacts = facts.contacts();
        for (int i = 0; i < contacts.size(); i++) {
            handles.add(session.insert(contacts.get(i)));
        }
    }
}

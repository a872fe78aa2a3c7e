package io.icprules.io;

import io.icprules.error.InvalidFactException;
import io.icprules.fact.Event;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The columns of an events file and how one row's text becomes an {@link Event}; shared by the CSV
 * reader and the Spark job, so that both read a row the same way.
 */
public final class EventFields {

    /** The columns, in the order the layout documents them. */
    public static final List<String> COLUMNS = List.of("account_id", "type", "date", "details");

    private EventFields() {
    }

    /**
     * Builds an event from the text of its cells.
     *
     * @param accountId the account's id, never null
     * @param type      the event type, required
     * @param date      the date as {@code yyyy-MM-dd}, required
     * @param details   {@code key=value;key=value} pairs, may be null or blank
     * @return the event
     * @throws InvalidFactException naming the column when a value is missing or malformed
     */
    public static Event event(String accountId, String type, String date, String details) {
        String t = TextValues.blankToNull(type);
        LocalDate d = TextValues.isoDate("date", date);
        if (t == null) {
            throw new InvalidFactException("type", "is required");
        }
        if (d == null) {
            throw new InvalidFactException("date", "is required");
        }
        Event.Builder event = Event.builder(t, d).accountId(accountId);
        for (Map.Entry<String, String> pair : TextValues.pairs("details", details).entrySet()) {
            event.detail(pair.getKey(), pair.getValue());
        }
        return event.build();
    }
}

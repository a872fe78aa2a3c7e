package io.icprules.fact;

import io.icprules.error.InvalidFactException;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A buying signal: something that happened to an account on a date, such as a funding round or an
 * executive hire. Trigger rules match it as {@code Event( type == "funding_round", daysAgo <= 180 )}.
 *
 * <p>Immutable; build it with {@link #builder(String, LocalDate)}. {@link #getDaysAgo()} is relative
 * to the evaluation date, which the engine binds when it evaluates an account (see
 * {@link #relativeTo(LocalDate)}), so the same event scores the same way on the same date, whatever
 * the wall clock says.
 *
 * <p>Common types: {@code funding_round}, {@code exec_hire}, {@code regulatory_change},
 * {@code competitor_displacement}, {@code product_launch}, {@code merger}, {@code intent_surge}.
 * Any lower-case name made of letters, digits and {@code _} is accepted.
 */
public final class Event implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String accountId;
    private final String type;
    private final LocalDate date;
    private final Map<String, String> details;
    private final LocalDate asOf;

    private Event(String accountId, String type, LocalDate date, Map<String, String> details, LocalDate asOf) {
        this.accountId = accountId;
        this.type = type;
        this.date = date;
        this.details = details;
        this.asOf = asOf;
    }

    /**
     * Starts building an event.
     *
     * @param type what happened, such as {@code funding_round}; lower case letters, digits, {@code _}
     * @param date the day it happened, never null
     * @return a new builder
     * @throws InvalidFactException for a blank or malformed type, or a null date
     */
    public static Builder builder(String type, LocalDate date) {
        return new Builder(type, date);
    }

    /** @return the account this event belongs to, or null when it is given inside an account's facts */
    public String getAccountId() {
        return accountId;
    }

    /** @return the event type, never null */
    public String getType() {
        return type;
    }

    /** @return the day it happened, never null */
    public LocalDate getDate() {
        return date;
    }

    /** @return free-form details such as {@code round=Series B}, sorted by key; never null */
    public Map<String, String> getDetails() {
        return details;
    }

    /**
     * Days between the event and the evaluation date: 0 on the day itself, 40 for an event forty days
     * before.
     *
     * @return whole days before the evaluation date
     * @throws IllegalStateException when the event is not bound to an evaluation date; the engine
     *                               binds every event it evaluates
     */
    public long getDaysAgo() {
        if (asOf == null) {
            throw new IllegalStateException("Event " + type + " on " + date
                    + " has no evaluation date: daysAgo is only known inside an evaluation (see Event.relativeTo)");
        }
        return ChronoUnit.DAYS.between(date, asOf);
    }

    /** @return the evaluation date this event is bound to, or null when unbound */
    public LocalDate getAsOf() {
        return asOf;
    }

    /**
     * Returns a copy bound to an evaluation date, so that {@link #getDaysAgo()} can be answered.
     *
     * @param evaluationDate the date the account is evaluated as of, never null
     * @return this event when already bound to that date, otherwise a bound copy
     */
    public Event relativeTo(LocalDate evaluationDate) {
        Objects.requireNonNull(evaluationDate, "evaluationDate");
        if (evaluationDate.equals(asOf)) {
            return this;
        }
        return new Event(accountId, type, date, details, evaluationDate);
    }

    /**
     * Returns a copy that belongs to an account.
     *
     * @param accountId the account id, not blank
     * @return this event when it already has that id, otherwise a copy
     */
    public Event withAccountId(String accountId) {
        String id = Values.requireText("accountId", accountId);
        return id.equals(this.accountId) ? this : new Event(id, type, date, details, asOf);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Event)) {
            return false;
        }
        Event e = (Event) o;
        return Objects.equals(accountId, e.accountId) && type.equals(e.type) && date.equals(e.date)
                && details.equals(e.details) && Objects.equals(asOf, e.asOf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, type, date, details, asOf);
    }

    @Override
    public String toString() {
        return "Event[" + type + " on " + date + (accountId == null ? "" : " for " + accountId) + "]";
    }

    /** Builds an {@link Event}. Not thread-safe. */
    public static final class Builder {
        private final String type;
        private final LocalDate date;
        private String accountId;
        private final Map<String, String> details = new TreeMap<>();

        private Builder(String type, LocalDate date) {
            String t = Values.requireText("type", type);
            if (!Values.isEventType(t)) {
                throw new InvalidFactException("type",
                        "must be lower case letters, digits and '_' (such as funding_round), was '" + Values.preview(t) + "'");
            }
            if (date == null) {
                throw new InvalidFactException("date", "is required");
            }
            this.type = t;
            this.date = date;
        }

        /**
         * @param accountId the account the event belongs to; may be left unset when the event is
         *                  passed inside that account's {@link AccountFacts}
         * @return this builder
         */
        public Builder accountId(String accountId) {
            this.accountId = Values.text("accountId", accountId);
            return this;
        }

        /**
         * Adds a detail; null or blank values are ignored.
         *
         * @param key   detail name, not blank
         * @param value detail value
         * @return this builder
         */
        public Builder detail(String key, String value) {
            String k = Values.requireText("details", key);
            String v = Values.text("details." + k, value);
            if (v != null) {
                details.put(k, v);
            }
            return this;
        }

        /** @return the immutable event, not bound to an evaluation date */
        public Event build() {
            return new Event(accountId, type, date, Collections.unmodifiableMap(new LinkedHashMap<>(details)), null);
        }
    }
}

package io.icprules.evidence.discover;

import io.icprules.fact.Account;
import io.icprules.fact.Event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A pattern {@link Discovery} tests: one value of an account field, a technology, a band of a
 * numeric field, or an event type in the days before the deal entered the pipeline.
 *
 * @param kind         what sort of pattern
 * @param field        the field as a manifest names it ({@code industry}, {@code technologies},
 *                     {@code attributes.pos_category}), or {@code event.type}
 * @param value        the value, technology or event type; null for a band
 * @param low          a band's lower bound (inclusive), or null when it has none or is no band
 * @param high         a band's upper bound (exclusive), or null when it has none or is no band
 * @param wholeNumbers true when a band's field holds whole numbers, so its bounds are written as such
 * @param windowDays   an event type's window in days; 0 for other kinds
 */
public record Candidate(Kind kind, String field, String value, Double low, Double high, boolean wholeNumbers,
                        int windowDays) {

    /** What sort of pattern a candidate is. */
    public enum Kind {
        /** A text field or attribute has a value: {@code industry = healthcare}. */
        VALUE,
        /** A yes/no attribute is true or false: {@code attributes.has_it_director = true}. */
        FLAG,
        /** The account uses a technology. */
        TECHNOLOGY,
        /** A numeric field or attribute lies in a band. */
        BAND,
        /** An event of a type is dated within the window before the deal entered the pipeline. */
        EVENT
    }

    /**
     * Checks the parts a kind needs.
     *
     * @param kind         the kind, never null
     * @param field        the field, never null
     * @param value        the value, null only for a band
     * @param low          the lower bound, or null
     * @param high         the upper bound, or null
     * @param wholeNumbers whole-number bounds
     * @param windowDays   the window of an event type
     */
    public Candidate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        if ((kind == Kind.BAND) != (value == null)) {
            throw new IllegalArgumentException("a band has no value; every other pattern has one");
        }
        if (kind == Kind.BAND && low == null && high == null) {
            throw new IllegalArgumentException("a band needs a bound");
        }
    }

    /** @return the pattern as reports print it, such as {@code technologies contains Stripe} or {@code employees 50-199} */
    public String label() {
        return switch (kind) {
            case VALUE, FLAG -> field + " = " + value;
            case TECHNOLOGY -> "technologies contains " + value;
            case EVENT -> "event " + value + " within " + windowDays + " days before entry";
            case BAND -> field + (low == null ? " < " + number(high)
                    : high == null ? " >= " + number(low)
                    : " " + number(low) + (wholeNumbers ? "-" + number(high - 1) : " to under " + number(high)));
        };
    }

    /** @return true for a band with no lower or no upper bound */
    public boolean isEdgeBand() {
        return kind == Kind.BAND && (low == null || high == null);
    }

    /**
     * Tells whether a deal's account has the pattern.
     *
     * @param account the account, never null
     * @param events  its events, never null
     * @param entered the day the deal entered the pipeline, never null
     * @return true when it has it; an unknown value never has it
     */
    public boolean matches(Account account, List<Event> events, LocalDate entered) {
        return switch (kind) {
            case VALUE, FLAG -> {
                Object v = account.field(field);
                yield v != null && String.valueOf(v).equals(value);
            }
            case TECHNOLOGY -> account.getTechnologies().contains(value);
            case EVENT -> events.stream().anyMatch(e -> e.getType().equals(value)
                    && CandidateFinder.inWindow(e, entered, windowDays));
            case BAND -> {
                Double x = numeric(account.field(field));
                yield x != null && (low == null || x >= low) && (high == null || x < high);
            }
        };
    }

    /** @return a number read as a double, or null when it is no number */
    static Double numeric(Object v) {
        if (v instanceof Number n && !(v instanceof BigDecimal)) {
            return n.doubleValue();
        }
        return v instanceof BigDecimal b ? b.doubleValue() : null;
    }

    /** @return a bound as DRL and reports write it: whole, or the shortest decimal */
    String number(Double x) {
        if (wholeNumbers || x == Math.rint(x)) {
            return String.format(Locale.ROOT, "%d", Math.round(x));
        }
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}

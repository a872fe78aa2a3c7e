package io.icprules.io;

import io.icprules.error.InvalidFactException;
import io.icprules.fact.Account;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The account's own fields, described once for every layout: the name files give them
 * ({@code annual_revenue}: a CSV column, a JSON key, the target of a column mapping), the
 * {@link Account} property ({@code annualRevenue}), the kind of value, and the
 * {@link Account.Builder} setter. A reader turns its raw input into a value of the field's
 * {@link Kind} in its own way, and hands it to {@link #set}.
 */
enum AccountField {

    /** The account id, given to {@link Account#builder(String)} rather than set. */
    ID("id", "id", Kind.TEXT, null),
    /** The company name. */
    NAME("name", "name", Kind.TEXT, (a, v) -> a.name((String) v)),
    /** The web domain. */
    DOMAIN("domain", "domain", Kind.TEXT, (a, v) -> a.domain((String) v)),
    /** The industry. */
    INDUSTRY("industry", "industry", Kind.TEXT, (a, v) -> a.industry((String) v)),
    /** The headcount. */
    EMPLOYEES("employees", "employees", Kind.WHOLE_INT, (a, v) -> a.employees((Integer) v)),
    /** The yearly revenue. */
    ANNUAL_REVENUE("annual_revenue", "annualRevenue", Kind.WHOLE_LONG, (a, v) -> a.annualRevenue((Long) v)),
    /** The ISO country code. */
    COUNTRY("country", "country", Kind.TEXT, (a, v) -> a.country((String) v)),
    /** The region within the country. */
    REGION("region", "region", Kind.TEXT, (a, v) -> a.region((String) v)),
    /** The year the company was founded. */
    FOUNDED_YEAR("founded_year", "foundedYear", Kind.WHOLE_INT, (a, v) -> a.foundedYear((Integer) v)),
    /** The latest funding stage. */
    FUNDING_STAGE("funding_stage", "fundingStage", Kind.TEXT, (a, v) -> a.fundingStage((String) v)),
    /** The ownership. */
    OWNERSHIP("ownership", "ownership", Kind.TEXT, (a, v) -> a.ownership((String) v)),
    /** The technologies in use. */
    TECHNOLOGIES("technologies", "technologies", Kind.LIST, (a, v) -> a.technologies(strings(v)));

    /** What a field's value is before it is set. */
    enum Kind {
        /** Text, a {@link String}; blank means unknown. */
        TEXT,
        /** A whole number that fits an {@code int}, an {@link Integer}. */
        WHOLE_INT,
        /** A whole number, a {@link Long}. */
        WHOLE_LONG,
        /** A list of text, a {@code List<String>}. */
        LIST
    }

    /** Every field's {@link #key()}, in the order the CSV layout documents them. */
    static final List<String> KEYS = Arrays.stream(values()).map(AccountField::key).toList();

    private static final Map<String, AccountField> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AccountField::key, Function.identity()));

    private final String key;
    private final String property;
    private final Kind kind;
    private final BiConsumer<Account.Builder, Object> setter;

    AccountField(String key, String property, Kind kind, BiConsumer<Account.Builder, Object> setter) {
        this.key = key;
        this.property = property;
        this.kind = kind;
        this.setter = setter;
    }

    /**
     * @param key a name as files spell it, such as {@code annual_revenue}
     * @return the field, or null when {@code key} names none (such as {@code attr.x})
     */
    static AccountField byKey(String key) {
        return BY_KEY.get(key);
    }

    /** @return the name files use, such as {@code annual_revenue} */
    String key() {
        return key;
    }

    /** @return the {@link Account} property, such as {@code annualRevenue}; see {@link Account#FIELDS} */
    String property() {
        return property;
    }

    /** @return what the value is before it is set */
    Kind kind() {
        return kind;
    }

    /**
     * Sets the field. A failure names the field as files spell it, so that a message says
     * {@code annual_revenue}, not the property {@code annualRevenue}.
     *
     * @param account the builder, never null
     * @param value   a value of this field's {@link #kind()}, or null for unknown
     * @throws InvalidFactException     naming {@link #key()} when the builder refuses the value
     * @throws IllegalArgumentException for {@link #ID}, which is given to {@link Account#builder(String)}
     */
    void set(Account.Builder account, Object value) {
        if (setter == null) {
            throw new IllegalArgumentException("not an account field: " + key);
        }
        try {
            setter.accept(account, value);
        } catch (InvalidFactException e) {
            throw TextValues.relabel(key, e);
        }
    }

    /**
     * Gives a whole number the type the setter takes: an {@link Integer} for {@link Kind#WHOLE_INT}.
     *
     * @param number the number read, may be null
     * @param text   the text it was read from, for messages
     * @return the number as this field takes it
     * @throws InvalidFactException when an {@link Kind#WHOLE_INT} field's number does not fit an {@code int}
     */
    Object whole(Long number, String text) {
        if (kind == Kind.WHOLE_INT) {
            return TextValues.toInt(key, text, number); // not a ?: operator, which would widen it back to a Long
        }
        return number;
    }

    /**
     * @param account an account, never null
     * @return this field's value, or null when unknown (technologies: when there are none)
     */
    Object value(Account account) {
        return account.field(property);
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> strings(Object list) {
        return (Collection<String>) list;
    }
}

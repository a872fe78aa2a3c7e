package io.icprules.io;

import io.icprules.error.InvalidFactException;
import io.icprules.fact.Account;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The account fields as files name them ({@code snake_case}), shared by the CSV and JSON Lines
 * layouts, and how a field's text is set on an {@link Account.Builder}.
 */
public final class AccountFields {

    /** The fixed fields, in the order the CSV layout documents them. Only {@code id} is required. */
    public static final List<String> NAMES = AccountField.KEYS;

    /** Prefix of a CSV column holding a custom attribute: {@code attr.pos_category}. */
    public static final String ATTRIBUTE_PREFIX = "attr.";

    /** Fields a number is expected in; JSON Lines accepts a JSON integer or digits in a string. */
    public static final Set<String> WHOLE_NUMBER_FIELDS = Arrays.stream(AccountField.values())
            .filter(f -> f.kind() == AccountField.Kind.WHOLE_INT || f.kind() == AccountField.Kind.WHOLE_LONG)
            .map(AccountField::key).collect(Collectors.toUnmodifiableSet());

    private AccountFields() {
    }

    /**
     * Sets one field from its text. Blank text leaves the field unknown.
     *
     * @param account the builder to set the field on, never null
     * @param field   one of {@link #NAMES} except {@code id}, or {@code attr.NAME}
     * @param text    the value as written in the file, may be null
     * @throws InvalidFactException naming {@code field} when the value is malformed or out of range
     *                              (for example {@code employees: '12a' is not a whole number})
     */
    public static void set(Account.Builder account, String field, String text) {
        AccountField fixed = AccountField.byKey(field);
        try {
            if (fixed != null) {
                fixed.set(account, value(fixed, text));
            } else if (field.startsWith(ATTRIBUTE_PREFIX)) {
                account.attribute(field.substring(ATTRIBUTE_PREFIX.length()), TextValues.attribute(field, text));
            } else {
                throw new IllegalArgumentException("not an account field: " + field);
            }
        } catch (InvalidFactException e) {
            throw TextValues.relabel(field, e);
        }
    }

    /** A fixed field's text as its setter takes it: text as written, numbers and lists parsed. */
    private static Object value(AccountField field, String text) {
        return switch (field.kind()) {
            case TEXT -> text;
            case WHOLE_INT, WHOLE_LONG -> field.whole(TextValues.wholeLong(field.key(), text), text);
            case LIST -> TextValues.list(text);
        };
    }

    /**
     * The account id a cell gives a record: none when it is blank or not an id an account may have.
     *
     * @param text the cell's text, may be null
     * @return the id, or null
     */
    static String usableId(String text) {
        String id = TextValues.blankToNull(text);
        if (id == null) {
            return null;
        }
        try {
            Account.builder(id);
            return id;
        } catch (InvalidFactException e) {
            return null;
        }
    }

    /** @return the accepted CSV columns, for messages: the fixed names and {@code attr.<name>} */
    public static String describeColumns() {
        return String.join(", ", NAMES) + ", " + ATTRIBUTE_PREFIX + "<name>";
    }
}

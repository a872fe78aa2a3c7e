package io.icprules.io;

import io.icprules.error.InvalidFactException;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns values written as text (a CSV cell, a JSON string, a Spark cell rendered as text) into
 * typed values, or says precisely why it cannot. Shared by every reader of account, event, contact
 * and deal files so that each form is read by one rule and the same mistake gets the same words
 * everywhere. Blank text is unknown and becomes null; every failure is an
 * {@link InvalidFactException} naming the field and quoting the value. The writers write lists,
 * pairs and decimals with the same rules ({@link #joinList}, {@link #joinPairs},
 * {@link #decimalText(BigDecimal)}), so that what is written reads back.
 */
public final class TextValues {

    /** What separates the entries of a list in one value: {@code Toast;Square}. */
    private static final String LIST_SEPARATOR = ";";

    /** What separates the key from the value of a pair in a list of pairs: {@code stage=seed}. */
    private static final String PAIR_SEPARATOR = "=";

    private TextValues() {
    }

    /**
     * Parses a whole number that fits an {@code int}.
     *
     * @param field the field, column or key, for messages
     * @param text  the text, may be null
     * @return the number, or null when blank
     * @throws InvalidFactException when the text is not a whole number or is too large
     */
    public static Integer wholeInt(String field, String text) {
        return toInt(field, text, wholeLong(field, text));
    }

    /**
     * Narrows a whole number read from text to an {@code int}.
     *
     * @param field  the field, column or key, for messages
     * @param text   the text the number was read from, for messages
     * @param number the number, may be null
     * @return the number, or null when it is null
     * @throws InvalidFactException when the number does not fit an {@code int}
     */
    static Integer toInt(String field, String text, Long number) {
        if (number == null) {
            return null;
        }
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw refused(field, text.strip(), "is too large");
        }
        return number.intValue();
    }

    /**
     * Parses a whole number that fits a {@code long}.
     *
     * @param field the field, column or key, for messages
     * @param text  the text, may be null
     * @return the number, or null when blank
     * @throws InvalidFactException when the text is not a whole number or is too large
     */
    public static Long wholeLong(String field, String text) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        if (!isWholeNumber(t)) {
            throw refused(field, t, "is not a whole number");
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw refused(field, t, "is too large");
        }
    }

    /**
     * Parses an ISO date ({@code yyyy-MM-dd}).
     *
     * @param field the field, column or key, for messages
     * @param text  the text, may be null
     * @return the date, or null when blank
     * @throws InvalidFactException when the text is not a valid date in that form
     */
    public static LocalDate isoDate(String field, String text) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        if (isIsoDateShape(t)) {
            try {
                // The shape is checked: the digits are read in place, without a formatter.
                return LocalDate.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10));
            } catch (DateTimeException e) {
                throw refused(field, t, "is not a valid date");
            }
        }
        throw refused(field, t, "is not a date in yyyy-MM-dd form");
    }

    /**
     * Parses a decimal number written plainly ({@code 1200}, {@code 1200.50}, {@code -35.5}), such
     * as an amount of money. Thousands separators and currency signs are refused rather than
     * guessed at.
     *
     * @param field the field, column or key, for messages
     * @param text  the text, may be null
     * @return the number as written, or null when blank
     * @throws InvalidFactException when the text is not a plain decimal number
     */
    public static BigDecimal decimal(String field, String text) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        if (!isWholeNumber(t) && !isDecimalNumber(t)) {
            throw refused(field, t, "is not a number (write it plainly, such as 12000 or 12000.50)");
        }
        return new BigDecimal(t);
    }

    /**
     * Parses {@code true} or {@code false} in any case.
     *
     * @param field the field, column or key, for messages
     * @param text  the text, may be null
     * @return the value, or null when blank
     * @throws InvalidFactException when the text is neither
     */
    public static Boolean bool(String field, String text) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        if (isTrueOrFalse(t)) {
            return Boolean.parseBoolean(t);
        }
        throw refused(field, t, "is not true or false");
    }

    /**
     * Types a custom attribute given as text: a whole number becomes a {@link Long}, a decimal
     * ({@code 12.5}) a {@link Double}, {@code true}/{@code false} (any case) a {@link Boolean}, an
     * ISO date a {@link LocalDate}; anything else stays text. A number written with a leading zero
     * ({@code 02134}) stays text, because it is a code whose zero matters.
     *
     * @param field the field, column or key, for messages
     * @param text  the text, may be null
     * @return the typed value, or null when blank
     * @throws InvalidFactException when the text looks like an ISO date but is not a valid one
     */
    public static Object attribute(String field, String text) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        if (isWholeNumber(t) && !hasLeadingZero(t)) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                return t; // too long for a number: keep the digits exactly as written
            }
        }
        if (isDecimalNumber(t)) {
            return Double.parseDouble(t);
        }
        if (isTrueOrFalse(t)) {
            return Boolean.parseBoolean(t);
        }
        if (isIsoDateShape(t)) {
            return isoDate(field, t);
        }
        return t;
    }

    /**
     * Splits a list separated by {@link #LIST_SEPARATOR}, trimming entries and skipping blank ones.
     *
     * @param text the text, may be null
     * @return the entries in order, empty when blank
     */
    public static List<String> list(String text) {
        return list(text, LIST_SEPARATOR);
    }

    /**
     * Splits a list, trimming entries and skipping blank ones.
     *
     * @param text      the text, may be null
     * @param separator what separates the entries, taken literally; never empty
     * @return the entries in order, empty when blank
     */
    static List<String> list(String text, String separator) {
        if (separator.isEmpty()) {
            throw new IllegalArgumentException("an empty list separator");
        }
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int from = 0;
        while (from <= text.length()) {
            int end = text.indexOf(separator, from);
            if (end < 0) {
                end = text.length();
            }
            String p = text.substring(from, end).strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
            from = end + separator.length();
        }
        return out;
    }

    /**
     * Parses {@code key=value;key=value} pairs. A value may itself contain {@code =}; the first one
     * separates key and value.
     *
     * @param field the field, column or key, for messages
     * @param text  the text, may be null
     * @return the pairs in order, empty when blank
     * @throws InvalidFactException when a part has no {@code =} or an empty key
     */
    public static Map<String, String> pairs(String field, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : list(text)) {
            int eq = part.indexOf(PAIR_SEPARATOR);
            if (eq <= 0) {
                throw refused(field, part, "is not a key=value pair");
            }
            out.put(part.substring(0, eq).strip(), part.substring(eq + PAIR_SEPARATOR.length()).strip());
        }
        return out;
    }

    /**
     * Writes list entries as {@link #list(String)} reads them back.
     *
     * @param entries the entries, never null
     * @return the entries joined with {@link #LIST_SEPARATOR}
     */
    public static String joinList(Collection<String> entries) {
        return String.join(LIST_SEPARATOR, entries);
    }

    /**
     * Writes pairs as {@link #pairs(String, String)} reads them back.
     *
     * @param pairs key to value, never null
     * @return {@code key=value;key=value}, in the map's order
     */
    public static String joinPairs(Map<String, String> pairs) {
        List<String> parts = new ArrayList<>(pairs.size());
        pairs.forEach((k, v) -> parts.add(k + PAIR_SEPARATOR + v));
        return joinList(parts);
    }

    /**
     * Writes a decimal number so that the readers read it back as a decimal: in plain notation with
     * a decimal point ({@code 1200000.0}, never {@code 1.2E6} nor {@code 1200000}).
     *
     * @param number the number, never null
     * @return the text
     */
    public static String decimalText(BigDecimal number) {
        String plain = number.toPlainString();
        return plain.indexOf('.') >= 0 ? plain : plain + ".0";
    }

    /**
     * Writes a {@code double} as {@link #decimalText(BigDecimal)} does; NaN and the infinities,
     * which no reader accepts as a number, as Java writes them.
     *
     * @param number the number
     * @return the text
     */
    public static String decimalText(double number) {
        return Double.isNaN(number) || Double.isInfinite(number) ? Double.toString(number)
                : decimalText(BigDecimal.valueOf(number));
    }

    /**
     * Tells whether text has the shape of an ISO date, valid or not.
     *
     * @param text any text, never null
     * @return true for {@code dddd-dd-dd}, ignoring surrounding spaces
     */
    public static boolean looksLikeIsoDate(String text) {
        return isIsoDateShape(text.strip());
    }

    /**
     * Tells whether text is a whole number as the readers accept it: an optional sign, then ASCII
     * digits only, at least one.
     *
     * @param text any text, never null
     * @return true for {@code [+-]?[0-9]+}
     */
    public static boolean isWholeNumber(String text) {
        int start = signLength(text);
        return text.length() > start && allDigits(text, start, text.length());
    }

    /**
     * Tells whether text is a decimal number as the readers accept it: an optional sign, ASCII
     * digits, a point and more digits.
     *
     * @param text any text, never null
     * @return true for {@code [+-]?[0-9]+\.[0-9]+}
     */
    public static boolean isDecimalNumber(String text) {
        int start = signLength(text);
        int dot = text.indexOf('.', start);
        return dot > start && dot < text.length() - 1
                && allDigits(text, start, dot) && allDigits(text, dot + 1, text.length());
    }

    /**
     * @param text any text, never null
     * @return 1 when it starts with {@code +} or {@code -}, else 0
     */
    public static int signLength(String text) {
        return text.startsWith("+") || text.startsWith("-") ? 1 : 0;
    }

    // Character tests rather than regular expressions: these run for several cells of every row.

    private static boolean isIsoDateShape(String t) {
        return t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-'
                && allDigits(t, 0, 4) && allDigits(t, 5, 7) && allDigits(t, 8, 10);
    }

    private static boolean isTrueOrFalse(String t) {
        return t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false");
    }

    /**
     * A whole number with a leading zero ({@code [+-]?0[0-9]+}) is an identifier (a postcode, a
     * code), not a quantity.
     */
    private static boolean hasLeadingZero(String t) {
        int start = signLength(t);
        return t.length() > start + 1 && t.charAt(start) == '0';
    }

    private static boolean allDigits(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (t.charAt(i) - '0');
        }
        return v;
    }

    /**
     * Strips text and maps blank to null.
     *
     * @param text any text, may be null
     * @return the stripped text, or null when blank
     */
    public static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.isEmpty() ? null : t;
    }

    /** The most items a message lists: the rest are only counted. */
    public static final int MOST_LISTED = 10;

    /**
     * Joins items for a message, listing at most {@value #MOST_LISTED} of them and counting the rest, so
     * that a row with thousands of bad columns or keys still gives a short message.
     *
     * @param items     the items, never null
     * @param separator what goes between two items, such as {@code "; "}
     * @return {@code a; b; c}, or {@code a; b; ...; j; ... (1,234 more)} when there are more
     */
    public static String listed(List<String> items, String separator) {
        if (items.size() <= MOST_LISTED) {
            return String.join(separator, items);
        }
        return String.join(separator, items.subList(0, MOST_LISTED)) + separator + "... ("
                + String.format(Locale.ROOT, "%,d", items.size() - MOST_LISTED) + " more)";
    }

    /**
     * Shortens a value for a message, so that a huge value never floods a log.
     *
     * @param value any text, never null
     * @return the text with line breaks shown as {@code \n}, cut to 60 characters with {@code ...}
     *         when longer
     */
    public static String preview(String value) {
        String v = value.replace("\r", "\\r").replace("\n", "\\n");
        return v.length() <= 60 ? v : v.substring(0, 60) + "...";
    }

    /**
     * The failure for a value that is not what was expected, in the words every reader uses:
     * {@code employees: '12a' is not a whole number}.
     *
     * @param field the field, column or key, never null
     * @param value the value as written, never null
     * @param why   what is wrong, such as {@code is not a whole number}
     * @return the exception, quoting a {@link #preview} of the value
     */
    static InvalidFactException refused(String field, String value, String why) {
        return new InvalidFactException(field, "'" + preview(value) + "' " + why);
    }

    /**
     * Re-labels a validation failure with the field's name as the file spells it, so that a message
     * says {@code annual_revenue}, not the Java property {@code annualRevenue}.
     *
     * @param field the name used in the file, never null
     * @param e     the failure, never null
     * @return an exception naming {@code field}
     */
    public static InvalidFactException relabel(String field, InvalidFactException e) {
        if (e.field().equals(field)) {
            return e;
        }
        return new InvalidFactException(field, reason(e));
    }

    /**
     * @param e a validation failure, never null
     * @return its message without the field it names: {@code must be 0 or more, was -4}
     */
    static String reason(InvalidFactException e) {
        String prefix = e.field() + ": ";
        return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    }
}

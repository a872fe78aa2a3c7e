package io.icprules.io;

import io.icprules.error.InvalidFactException;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Turns account values written as text (a CSV cell, a JSON string) into typed values, or says
 * precisely why it cannot. Shared by every reader of account files so that the same mistake gets
 * the same words everywhere. Blank text is unknown and becomes null; every failure is an
 * {@link InvalidFactException} naming the field and quoting the value.
 */
public final class TextValues {

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
        Long v = wholeLong(field, text);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new InvalidFactException(field, "'" + preview(text.strip()) + "' is too large");
        }
        return v.intValue();
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
            throw new InvalidFactException(field, "'" + preview(t) + "' is not a whole number");
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new InvalidFactException(field, "'" + preview(t) + "' is too large");
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
                throw new InvalidFactException(field, "'" + preview(t) + "' is not a valid date");
            }
        }
        throw new InvalidFactException(field, "'" + preview(t) + "' is not a date in yyyy-MM-dd form");
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
        String prefix = e.field() + ": ";
        String msg = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        return new InvalidFactException(field, msg);
    }
}

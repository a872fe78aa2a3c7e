package io.icprules.io;

import io.icprules.error.InvalidFactException;
import io.icprules.io.TextValues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the text of one cell into a typed value, or says precisely why it cannot. Every method
 * treats blank text as unknown and returns null for it; every failure is an
 * {@link InvalidFactException} naming the column and quoting the value.
 */
public final class CellValues {

    private CellValues() {
    }

    /**
     * Parses a whole number that fits an {@code int}.
     *
     * @param column the column or key, for messages
     * @param text   the cell, may be null
     * @return the number, or null when blank
     * @throws InvalidFactException when the text is not a whole number or is too large
     */
    public static Integer wholeInt(String column, String text) {
        return TextValues.wholeInt(column, text);
    }

    /**
     * Parses a whole number that fits a {@code long}.
     *
     * @param column the column or key, for messages
     * @param text   the cell, may be null
     * @return the number, or null when blank
     * @throws InvalidFactException when the text is not a whole number or is too large
     */
    public static Long wholeLong(String column, String text) {
        return TextValues.wholeLong(column, text);
    }

    /**
     * Parses an ISO date ({@code yyyy-MM-dd}).
     *
     * @param column the column or key, for messages
     * @param text   the cell, may be null
     * @return the date, or null when blank
     * @throws InvalidFactException when the text is not a valid date in that form
     */
    public static LocalDate date(String column, String text) {
        return TextValues.isoDate(column, text);
    }

    /**
     * Parses a decimal number written plainly ({@code 1200}, {@code 1200.50}, {@code -35.5}), such
     * as an amount of money. Thousands separators and currency signs are refused rather than
     * guessed at.
     *
     * @param column the column or key, for messages
     * @param text   the cell, may be null
     * @return the number as written, or null when blank
     * @throws InvalidFactException when the text is not a plain decimal number
     */
    public static BigDecimal decimal(String column, String text) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        if (!TextValues.isWholeNumber(t) && !TextValues.isDecimalNumber(t)) {
            throw new InvalidFactException(column, "'" + preview(t) + "' is not a number (write it plainly, such as 12000 or 12000.50)");
        }
        return new BigDecimal(t);
    }

    /**
     * Parses {@code true} or {@code false} in any case.
     *
     * @param column the column or key, for messages
     * @param text   the cell, may be null
     * @return the value, or null when blank
     * @throws InvalidFactException when the text is neither
     */
    public static Boolean bool(String column, String text) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t);
        }
        throw new InvalidFactException(column, "'" + preview(t) + "' is not true or false");
    }

    /**
     * Types a custom attribute given as text: a whole number becomes a {@link Long}, a decimal
     * ({@code 12.5}) a {@link Double}, {@code true}/{@code false} (any case) a {@link Boolean}, an
     * ISO date a {@link LocalDate}; anything else stays text. A number written with a leading zero
     * ({@code 02134}) stays text, because it is a code whose zero matters.
     *
     * @param column the column or key, for messages
     * @param text   the cell, may be null
     * @return the typed value, or null when blank
     * @throws InvalidFactException when the text looks like an ISO date but is not a valid one
     */
    public static Object attribute(String column, String text) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        if (TextValues.isWholeNumber(t) && !hasLeadingZero(t)) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                return t; // too long for a number: keep the digits exactly as written
            }
        }
        if (TextValues.isDecimalNumber(t)) {
            return Double.parseDouble(t);
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t);
        }
        if (TextValues.looksLikeIsoDate(t)) {
            return date(column, t);
        }
        return t;
    }

    /**
     * Splits a {@code ;}-separated list, trimming entries and skipping blank ones.
     *
     * @param text the cell, may be null
     * @return the entries in order, empty when blank
     */
    public static List<String> list(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split(";")) {
            String p = part.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Parses {@code key=value;key=value} pairs. A value may itself contain {@code =}; the first one
     * separates key and value.
     *
     * @param column the column, for messages
     * @param text   the cell, may be null
     * @return the pairs in order, empty when blank
     * @throws InvalidFactException when a part has no {@code =} or an empty key
     */
    public static Map<String, String> pairs(String column, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : list(text)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new InvalidFactException(column, "'" + preview(part) + "' is not a key=value pair");
            }
            out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return out;
    }

    /**
     * Strips text and maps blank to null.
     *
     * @param text any text, may be null
     * @return the stripped text, or null when blank
     */
    public static String blankToNull(String text) {
        return TextValues.blankToNull(text);
    }

    /**
     * Shortens a value for a message, so that a huge cell never floods a log.
     *
     * @param value any text, never null
     * @return the text, cut to 60 characters with {@code ...} when longer
     */
    public static String preview(String value) {
        return TextValues.preview(value);
    }

    /**
     * A whole number with a leading zero ({@code [+-]?0[0-9]+}) is an identifier (a postcode, a
     * code), not a quantity.
     */
    private static boolean hasLeadingZero(String t) {
        int start = TextValues.signLength(t);
        return t.length() > start + 1 && t.charAt(start) == '0';
    }
}

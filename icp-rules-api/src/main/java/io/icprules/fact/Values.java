package io.icprules.fact;

import io.icprules.error.InvalidFactException;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Shared validation of fact values, so every fact rejects bad input with the same words. */
final class Values {

    /** Longest text accepted in one field; longer input is almost certainly a broken file. */
    static final int MAX_TEXT = 4096;

    private Values() {
    }

    // Character tests rather than regular expressions: builders run for every row of a
    // million-row file, and a Matcher per value was a measurable share of reading one.

    /** @return true for an officially assigned ISO 3166-1 alpha-2 code, in any case */
    static boolean isCountryCode(String s) {
        return s.length() == 2 && isAsciiLetter(s.charAt(0)) && isAsciiLetter(s.charAt(1)) && CountryCodes.isAssigned(s);
    }

    /** @return what a rejected country value probably means, as a sentence to append; empty when unknown */
    static String countryHint(String s) {
        return CountryCodes.hint(s).orElse("");
    }

    /** @return true for ASCII letters, digits, {@code _}, {@code .} and {@code -}, at least one */
    static boolean isAttributeName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiLetter(c) && !isDigit(c) && c != '_' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** @return true for a lower-case ASCII letter followed by lower-case letters, digits and {@code _} */
    static boolean isEventType(String s) {
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 'a' || c > 'z') && !isDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Trims; blank becomes null (unknown). */
    static String text(String field, String value) {
        if (value == null) {
            return null;
        }
        String t = value.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.length() > MAX_TEXT) {
            throw new InvalidFactException(field, "is " + t.length() + " characters long; the limit is " + MAX_TEXT);
        }
        if (t.indexOf('\u0000') >= 0) {
            throw new InvalidFactException(field, "contains a NUL character");
        }
        return t;
    }

    static String requireText(String field, String value) {
        String t = text(field, value);
        if (t == null) {
            throw new InvalidFactException(field, "is required and must not be blank");
        }
        return t;
    }

    static Object attributeValue(String field, Object value) {
        if (value instanceof String) {
            return text(field, (String) value);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new InvalidFactException(field, "must be a finite number, was " + d);
            }
            return d;
        }
        if (value instanceof BigDecimal || value instanceof Boolean || value instanceof LocalDate) {
            return value;
        }
        throw new InvalidFactException(field, "values must be text, numbers, booleans or dates, was a "
                + value.getClass().getName());
    }

    /** A short excerpt of a value for messages, so a huge field never floods a log. */
    static String preview(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}

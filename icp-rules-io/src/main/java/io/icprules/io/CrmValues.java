package io.icprules.io;

import io.icprules.error.InvalidFactException;
import io.icprules.fact.CountryCodes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the values of CRM exports: numbers written for people ({@code 1,200}, {@code $4.5M},
 * {@code 85%}), ranges ({@code 1,001-5,000}, {@code 10,001+}), yes/no answers, dates in a declared
 * form, country names and website addresses. Every failure is an {@link InvalidFactException} that
 * quotes the value and says what was expected. Used by {@link MappedCsvAccountReader}, and by readers
 * of other CRM exports (deals, opportunities) that convert cells the same way.
 */
public final class CrmValues {

    /** How a range such as {@code 1,001-5,000} becomes one number. */
    public enum RangeRule {
        /** The lower bound: never overstates a size. {@code 1,001-5,000} is 1001. */
        LOWER,
        /** Half-way between the bounds, rounded down for whole numbers. {@code 1,001-5,000} is 3000. */
        MIDPOINT
    }

    /** What a number may look like, for messages. */
    static final String NUMBER_FORMS = "a number such as 1200, 1,200, $4.5M or 85%, or a range such as 1,001-5,000 or 10,001+";

    /**
     * One number: an optional sign, digits (plain, or grouped by three with one kind of separator:
     * comma, space, no-break space or apostrophe), an optional decimal part after a point, and an
     * optional K, M, MM, B or BN suffix or a percent sign.
     */
    private static final String ONE = "([+-]?)(\\d{1,3}(?:([,' \\u00A0\\u202F])\\d{3}(?:\\3\\d{3})*)?|\\d+)(\\.\\d+)?"
            + "\\s*(k|m|mm|b|bn|%)?";
    private static final Pattern NUMBER = Pattern.compile(ONE, Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile("(.+?)\\s*(?:-|\\u2013|\\u2014|\\bto\\b)\\s*(.+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OPEN_RANGE = Pattern.compile("(.+?)\\s*\\+");
    /** A currency symbol or ISO code before or after the amount; dropped, never converted. */
    private static final Pattern CURRENCY = Pattern.compile("^(?:[$\\u20AC\\u00A3\\u00A5]|[A-Z]{3}\\s)\\s*|\\s*(?:\\s[A-Z]{3})$");
    private static final Map<String, String> COUNTRIES = countries();

    private CrmValues() {
    }

    /**
     * Reads a number or a range.
     *
     * @param field the column, for messages
     * @param text  the cell
     * @param range how a range becomes one number
     * @return the number, or null when blank
     * @throws InvalidFactException when the text is neither
     */
    public static BigDecimal number(String field, String text, RangeRule range) {
        String t = TextValues.blankToNull(text);
        if (t == null) {
            return null;
        }
        BigDecimal single = single(t);
        if (single != null) {
            return single;
        }
        Matcher open = OPEN_RANGE.matcher(t);
        if (open.matches()) {
            BigDecimal low = single(open.group(1));
            if (low != null) {
                return low; // an open range has no midpoint: its lower bound under either rule
            }
        }
        Matcher m = RANGE.matcher(t);
        if (m.matches()) {
            BigDecimal low = single(m.group(1));
            BigDecimal high = single(m.group(2));
            if (low != null && high != null) {
                if (low.compareTo(high) > 0) {
                    throw TextValues.refused(field, t, "is a range whose lower bound is above its upper bound");
                }
                return range == RangeRule.LOWER ? low
                        : low.add(high).divide(BigDecimal.valueOf(2),
                                Math.max(0, Math.max(low.scale(), high.scale())) + 1, RoundingMode.HALF_UP)
                                .stripTrailingZeros();
            }
        }
        throw TextValues.refused(field, t, "is not " + NUMBER_FORMS);
    }

    /**
     * Reads a whole number or a range of them; a midpoint that falls between two whole numbers is
     * rounded down.
     *
     * @param field the column, for messages
     * @param text  the cell
     * @param range how a range becomes one number
     * @return the number, or null when blank
     * @throws InvalidFactException when the text is not a number, or the number is not whole
     */
    public static Long whole(String field, String text, RangeRule range) {
        BigDecimal n = number(field, text, range);
        if (n == null) {
            return null;
        }
        boolean isRange = single(text.strip()) == null;
        if (isRange) {
            n = n.setScale(0, RoundingMode.FLOOR);
        }
        try {
            return n.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw TextValues.refused(field, text.strip(), "is not a whole number"
                    + (n.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? " that fits" : ""));
        }
    }

    /** @return the number, or null when the text is not one number */
    private static BigDecimal single(String text) {
        String t = CURRENCY.matcher(text.strip()).replaceAll("").strip();
        Matcher m = NUMBER.matcher(t);
        if (!m.matches()) {
            return null;
        }
        String digits = m.group(2).replaceAll("[,' \\u00A0\\u202F]", "") + (m.group(4) == null ? "" : m.group(4));
        BigDecimal v = new BigDecimal(digits);
        String suffix = m.group(5) == null ? "" : m.group(5).toLowerCase(Locale.ROOT);
        v = switch (suffix) {
            case "k" -> v.movePointRight(3);
            case "m", "mm" -> v.movePointRight(6);
            case "b", "bn" -> v.movePointRight(9);
            case "%" -> v.movePointLeft(2);
            default -> v;
        };
        return "-".equals(m.group(1)) ? v.negate() : v;
    }

    /**
     * Reads a yes/no answer.
     *
     * @param field the column, for messages
     * @param text  the cell
     * @return the answer, or null when blank
     * @throws InvalidFactException for anything but yes, no, true, false, y, n, 1 or 0 (any case)
     */
    public static Boolean bool(String field, String text) {
        String t = TextValues.blankToNull(text);
        if (t == null) {
            return null;
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1" -> true;
            case "no", "n", "false", "0" -> false;
            default -> throw TextValues.refused(field, t, "is not a yes/no answer (Yes, No, True, False, Y, N, 1 or 0)");
        };
    }

    /**
     * Builds the form of the dates of an export from a {@code java.time} pattern such as
     * {@code MM/dd/yyyy} or {@code yyyy-MM-dd HH:mm}: month and day names in English, any case, and
     * no invalid date (30 February is refused). A time of day in the pattern is read and dropped by
     * {@link #date}.
     *
     * @param pattern the pattern, never null
     * @return the form
     * @throws IllegalArgumentException when the pattern is not a valid pattern
     */
    public static DateTimeFormatter dateFormat(String pattern) {
        // STRICT rejects 30 February; a pattern with yyyy needs the era, which is always ours.
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1).toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * Reads a date written in a declared form; a time of day after it is ignored when the form
     * includes one.
     *
     * @param field   the column, for messages
     * @param text    the cell
     * @param format  the form, never null
     * @param pattern the form as written in the mapping, for messages
     * @return the date, or null when blank
     * @throws InvalidFactException when the text is not a valid date in that form
     */
    public static LocalDate date(String field, String text, DateTimeFormatter format, String pattern) {
        String t = TextValues.blankToNull(text);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.from(format.parse(t));
        } catch (DateTimeParseException e) {
            throw TextValues.refused(field, t, "is not a valid date in the form " + pattern);
        }
    }

    /**
     * Reads a country: an ISO 3166-1 code of two or three letters ({@code US}, {@code USA}) or the
     * country's English name as the JDK knows it ({@code United States}, {@code Germany}), in any
     * case.
     *
     * @param field the column, for messages
     * @param text  the cell
     * @return the two-letter code, or null when blank
     * @throws InvalidFactException when the country is not recognised
     */
    static String country(String field, String text) {
        String t = TextValues.blankToNull(text);
        if (t == null) {
            return null;
        }
        String code = COUNTRIES.get(t.toLowerCase(Locale.ROOT));
        if (code == null) {
            String hint = CountryCodes.hint(t).map(h -> h.substring(0, h.length() - 1) + ", or translate it under"
                    + " values: in the mapping)").orElse(" (expected an ISO code such as US or USA, or an English name"
                    + " such as United States; other spellings can be translated under values: in the mapping)");
            throw TextValues.refused(field, t, "is not a country" + hint);
        }
        return code;
    }

    private static Map<String, String> countries() {
        Map<String, String> out = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale l = new Locale.Builder().setRegion(code).build();
            out.put(code.toLowerCase(Locale.ROOT), code);
            out.put(l.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
            try {
                out.put(l.getISO3Country().toLowerCase(Locale.ROOT), code);
            } catch (MissingResourceException e) {
                // no three-letter code known for this region
            }
        }
        return Map.copyOf(out);
    }

    /**
     * Reads a web domain from a website address: {@code https://www.Acme.com/about} is
     * {@code acme.com}.
     *
     * @param field the column, for messages
     * @param text  the cell
     * @return the domain in lower case, or null when blank
     * @throws InvalidFactException when what is left contains spaces or no dot
     */
    static String domain(String field, String text) {
        String t = TextValues.blankToNull(text);
        if (t == null) {
            return null;
        }
        String d = t.toLowerCase(Locale.ROOT).replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        d = d.replaceFirst("[/?#].*$", "").replaceFirst(":\\d+$", "").replaceFirst("^www\\.", "")
                .replaceFirst("\\.$", "");
        if (d.isEmpty() || !d.contains(".") || !d.matches("[\\p{L}\\p{N}.-]+")) {
            throw TextValues.refused(field, t, "is not a website or domain such as acme.com");
        }
        return d;
    }
}

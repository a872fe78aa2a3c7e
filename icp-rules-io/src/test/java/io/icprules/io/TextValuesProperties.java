package io.icprules.io;

import io.icprules.error.InvalidFactException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cells are typed exactly as the regular expressions that define the accepted forms say: the
 * readers test characters directly (a {@code Matcher} per cell was a measurable share of reading a
 * file), and this compares them with the forms kept here as the specification, values and
 * messages alike.
 */
class TextValuesProperties {

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+\\.\\d+");
    private static final Pattern LEADING_ZERO = Pattern.compile("[+-]?0\\d+");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("0123456789+-. e\u0663").ofMaxLength(8),
                Arbitraries.strings().withChars("0129-").ofLength(10),
                Arbitraries.of("", " 12 ", "007", "-0", "+5", "1.", ".5", "1.2.3", "99999999999999999999", "2026-02-30",
                        "2024-02-29", "0000-01-01", "9999-12-31", "2026-13-01", "2026-00-10", "TRUE", "1e5", "+.5"));
    }

    @Property
    void attributesAreTypedAsTheFormsSay(@ForAll("cells") String cell) {
        assertSame(() -> TextValues.attribute("attr.x", cell), () -> attributeByPattern("attr.x", cell));
    }

    @Property
    void decimalsAreReadAsTheFormSays(@ForAll("cells") String cell) {
        assertSame(() -> TextValues.decimal("amount", cell), () -> decimalByPattern("amount", cell));
    }

    @Property
    void wholeNumbersAreReadAsTheFormSays(@ForAll("cells") String cell) {
        assertSame(() -> TextValues.wholeLong("employees", cell), () -> wholeByPattern("employees", cell));
    }

    @Property
    void datesAreReadAsTheFormSays(@ForAll("cells") String cell) {
        assertSame(() -> TextValues.isoDate("date", cell), () -> dateByPattern("date", cell));
    }

    @Provide
    Arbitrary<String> lists() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("ab ;|.:,\t").ofMaxLength(14),
                Arbitraries.of("", ";", " ; ", "a;;b", "::a::", "a|b|"));
    }

    @Property
    void listsSplitAsTheSeparatorSays(@ForAll("lists") String cell, @ForAll("separators") String separator) {
        assertThat(TextValues.list(cell, separator)).isEqualTo(listByPattern(cell, separator));
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(";", "|", ".", ", ", "::", " ");
    }

    private static void assertSame(Callable<Object> actual, Callable<Object> expected) {
        assertThat(outcome(actual)).isEqualTo(outcome(expected));
    }

    /** The value, or the failure's message: both must agree. */
    private static String outcome(Callable<Object> c) {
        try {
            Object v = c.call();
            return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
        } catch (InvalidFactException e) {
            return "error:" + e.getMessage();
        } catch (Exception e) {
            return "unexpected:" + e;
        }
    }

    private static List<String> listByPattern(String text, String separator) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(Pattern.quote(separator))) {
            if (!part.strip().isEmpty()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.isEmpty() ? null : t;
    }

    private static Long wholeByPattern(String column, String text) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        if (!WHOLE.matcher(t).matches()) {
            throw new InvalidFactException(column, "'" + TextValues.preview(t) + "' is not a whole number");
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new InvalidFactException(column, "'" + TextValues.preview(t) + "' is too large");
        }
    }

    private static LocalDate dateByPattern(String column, String text) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        if (ISO_DATE.matcher(t).matches()) {
            try {
                return LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                throw new InvalidFactException(column, "'" + TextValues.preview(t) + "' is not a valid date");
            }
        }
        throw new InvalidFactException(column, "'" + TextValues.preview(t) + "' is not a date in yyyy-MM-dd form");
    }

    private static BigDecimal decimalByPattern(String column, String text) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        if (!WHOLE.matcher(t).matches() && !DECIMAL.matcher(t).matches()) {
            throw new InvalidFactException(column, "'" + TextValues.preview(t)
                    + "' is not a number (write it plainly, such as 12000 or 12000.50)");
        }
        return new BigDecimal(t);
    }

    private static Object attributeByPattern(String column, String text) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        if (WHOLE.matcher(t).matches() && !LEADING_ZERO.matcher(t).matches()) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                return t;
            }
        }
        if (DECIMAL.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t);
        }
        if (ISO_DATE.matcher(t).matches()) {
            return Objects.requireNonNull(dateByPattern(column, t));
        }
        return t;
    }
}

package io.icprules.drools.internal.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a simple constraint says about one field: a numeric range ({@code employees >= 50}) or a set
 * of allowed text values ({@code industry in ("Retail", "Grocery")}). Lint reasons with these to find
 * bands that overlap or leave gaps, and signals that contradict a hard filter. Immutable.
 *
 * @param field   the field, such as {@code employees} or {@code attributes.locations}
 * @param low     lowest value allowed, or negative infinity
 * @param lowIn   whether {@code low} itself is allowed
 * @param high    highest value allowed, or positive infinity
 * @param highIn  whether {@code high} itself is allowed
 * @param values  allowed text values, or null when the test is numeric
 */
public record FieldTest(String field, double low, boolean lowIn, double high, boolean highIn, Set<String> values) {

    private static final String FIELD = "([a-zA-Z_]\\w*|attributes\\s*\\[\\s*\"[^\"]+\"\\s*])";
    private static final Pattern COMPARISON = Pattern.compile("^\\s*" + FIELD + "\\s*(>=|<=|==|>|<)\\s*(-?\\d+(?:\\.\\d+)?)\\s*$");
    private static final Pattern EQUALS_TEXT = Pattern.compile("^\\s*" + FIELD + "\\s*==\\s*\"([^\"]*)\"\\s*$");
    private static final Pattern IN_TEXT = Pattern.compile("^\\s*" + FIELD + "\\s+in\\s*\\((.*)\\)\\s*$");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

    /**
     * Reads a constraint made of simple tests joined by {@code &&} on one field.
     *
     * @param constraint the constraint as written
     * @return the field test, or empty when the constraint is anything else
     */
    public static Optional<FieldTest> parse(String constraint) {
        List<FieldTest> parts = new ArrayList<>();
        for (String part : constraint.split("&&")) {
            Optional<FieldTest> t = parseOne(part);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            parts.add(t.get());
        }
        FieldTest out = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            Optional<FieldTest> both = out.and(parts.get(i));
            if (both.isEmpty()) {
                return Optional.empty();
            }
            out = both.get();
        }
        return Optional.of(out);
    }

    private static Optional<FieldTest> parseOne(String text) {
        if (text.contains("||") || text.contains("(") && !IN_TEXT.matcher(text).matches()) {
            return Optional.empty();
        }
        Matcher m = COMPARISON.matcher(text);
        if (m.matches()) {
            String field = name(m.group(1));
            double v = Double.parseDouble(m.group(3));
            double inf = Double.POSITIVE_INFINITY;
            switch (m.group(2)) {
                case ">=": return Optional.of(new FieldTest(field, v, true, inf, false, null));
                case ">": return Optional.of(new FieldTest(field, v, false, inf, false, null));
                case "<=": return Optional.of(new FieldTest(field, -inf, false, v, true, null));
                case "<": return Optional.of(new FieldTest(field, -inf, false, v, false, null));
                default: return Optional.of(new FieldTest(field, v, true, v, true, null));
            }
        }
        m = EQUALS_TEXT.matcher(text);
        if (m.matches()) {
            return Optional.of(new FieldTest(name(m.group(1)), 0, false, 0, false, Set.of(m.group(2))));
        }
        m = IN_TEXT.matcher(text);
        if (m.matches()) {
            Set<String> values = new LinkedHashSet<>();
            Matcher lit = LITERAL.matcher(m.group(2));
            while (lit.find()) {
                values.add(lit.group(1));
            }
            return values.isEmpty() ? Optional.empty()
                    : Optional.of(new FieldTest(name(m.group(1)), 0, false, 0, false, Set.copyOf(values)));
        }
        return Optional.empty();
    }

    private static String name(String field) {
        Matcher m = LITERAL.matcher(field);
        return field.startsWith("attributes") && m.find() ? "attributes." + m.group(1) : field;
    }

    /** @return true for a numeric range, false for a set of text values */
    public boolean numeric() {
        return values == null;
    }

    /**
     * @param other a test on the same field
     * @return both tests at once, or empty when they are on different fields or of different sorts
     */
    public Optional<FieldTest> and(FieldTest other) {
        if (!field.equals(other.field) || numeric() != other.numeric()) {
            return Optional.empty();
        }
        if (!numeric()) {
            Set<String> both = new LinkedHashSet<>(values);
            both.retainAll(other.values);
            return Optional.of(new FieldTest(field, 0, false, 0, false, Set.copyOf(both)));
        }
        double lo = Math.max(low, other.low);
        boolean loIn = low == other.low ? lowIn && other.lowIn : (low > other.low ? lowIn : other.lowIn);
        double hi = Math.min(high, other.high);
        boolean hiIn = high == other.high ? highIn && other.highIn : (high < other.high ? highIn : other.highIn);
        return Optional.of(new FieldTest(field, lo, loIn, hi, hiIn, null));
    }

    /** @return true when no value passes the test */
    public boolean empty() {
        if (!numeric()) {
            return values.isEmpty();
        }
        return low > high || (low == high && !(lowIn && highIn));
    }

    /** @return the test in words, such as {@code employees in [50, 200)} */
    public String describe() {
        if (!numeric()) {
            return field + " in " + values;
        }
        return field + " in " + (lowIn ? "[" : "(") + num(low) + ", " + num(high) + (highIn ? "]" : ")");
    }

    private static String num(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "+inf" : "-inf";
        }
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}

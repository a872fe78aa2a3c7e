package io.icprules.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A rule's {@code @reason} text with {@code {placeholders}}: account fields ({@code {industry}},
 * {@code {attributes.pos_category}}), bound variables ({@code {$loc}}), the matched event
 * ({@code {event.type}}, {@code {event.date}}, {@code {event.daysAgo}}) and {@code {points}}.
 * Parsed once when the ruleset is compiled. Immutable.
 */
public final class ReasonTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\$?[A-Za-z_][A-Za-z0-9_.$-]*)}");

    private final String text;
    private final List<String> parts;
    private final List<String> variables;

    private ReasonTemplate(String text, List<String> parts, List<String> variables) {
        this.text = text;
        this.parts = parts;
        this.variables = variables;
    }

    /**
     * @param text the template, never null
     * @return the parsed template
     */
    public static ReasonTemplate parse(String text) {
        Objects.requireNonNull(text, "text");
        List<String> parts = new ArrayList<>();
        List<String> vars = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            parts.add(text.substring(last, m.start()));
            vars.add(m.group(1));
            last = m.end();
        }
        parts.add(text.substring(last));
        return new ReasonTemplate(text, Collections.unmodifiableList(parts), Collections.unmodifiableList(vars));
    }

    /** @return the template as written, never null */
    public String text() {
        return text;
    }

    /** @return the placeholder names in order of appearance (with repeats), never null */
    public List<String> variables() {
        return variables;
    }

    /**
     * Fills the placeholders. A placeholder the resolver has no value for stays as written, so a
     * typo shows in the reason instead of disappearing.
     *
     * @param resolver placeholder name to value, returning null when unknown
     * @return the reason
     */
    public String render(Function<String, Object> resolver) {
        if (variables.isEmpty()) {
            return text; // the common case: no work, no allocation
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < variables.size(); i++) {
            sb.append(parts.get(i));
            Object v = resolver.apply(variables.get(i));
            sb.append(v == null ? "{" + variables.get(i) + "}" : format(v));
        }
        sb.append(parts.get(parts.size() - 1));
        return sb.toString();
    }

    private static String format(Object v) {
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).toPlainString();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        if (v instanceof Collection) {
            return ((Collection<?>) v).stream().map(ReasonTemplate::format).collect(Collectors.joining(", "));
        }
        return String.valueOf(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReasonTemplate && text.equals(((ReasonTemplate) o).text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}

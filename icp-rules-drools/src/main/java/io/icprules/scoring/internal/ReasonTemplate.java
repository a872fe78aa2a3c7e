package io.icprules.scoring.internal;

import io.icprules.fact.Account;
import io.icprules.fact.Event;
import io.icprules.result.RuleKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A rule's {@code @reason} text with {@code {placeholders}}: account fields ({@code {industry}},
 * {@code {attributes.pos_category}}), bound variables ({@code {$loc}}), the matched event
 * ({@code {event.type}}, {@code {event.date}}, {@code {event.daysAgo}}) and {@code {points}}.
 * Parsed once when the ruleset is compiled, which also decides where each placeholder's value comes
 * from, so that the scorer renders a reason without looking names up. Immutable.
 */
public final class ReasonTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\$?[A-Za-z_][A-Za-z0-9_.$-]*)}");

    private final String text;
    private final List<String> parts;
    private final List<String> variables;
    /** Where each placeholder's value comes from, in order of appearance. */
    private final Source[] sources;
    /** For each placeholder, the name its source reads (a field, attribute, detail or variable). */
    private final String[] keys;

    /** Where a placeholder's value comes from. */
    private enum Source {
        POINTS, VARIABLE, EVENT_TYPE(true), EVENT_DATE(true), EVENT_DAYS_AGO(true), EVENT_DETAIL(true), FIELD,
        ATTRIBUTE, NONE;

        /** Whether the value is read from the matched event, which only rules scoring events have. */
        final boolean event;

        Source() {
            this(false);
        }

        Source(boolean event) {
            this.event = event;
        }
    }

    private ReasonTemplate(String text, List<String> parts, List<String> variables) {
        this.text = text;
        this.parts = parts;
        this.variables = variables;
        this.sources = new Source[variables.size()];
        this.keys = new String[variables.size()];
        for (int i = 0; i < sources.length; i++) {
            String name = variables.get(i);
            keys[i] = name;
            sources[i] = sourceOf(name);
            if (sources[i] == Source.EVENT_DETAIL) {
                keys[i] = name.substring("event.details.".length());
            } else if (sources[i] == Source.ATTRIBUTE) {
                keys[i] = name.substring("attributes.".length());
            }
        }
    }

    private static Source sourceOf(String name) {
        if (name.startsWith("$")) {
            return Source.VARIABLE;
        }
        if (name.equals("points")) {
            return Source.POINTS;
        }
        switch (name) {
            case "event.type": return Source.EVENT_TYPE;
            case "event.date": return Source.EVENT_DATE;
            case "event.daysAgo": return Source.EVENT_DAYS_AGO;
            default:
                break;
        }
        if (name.startsWith("event.")) {
            return name.startsWith("event.details.") ? Source.EVENT_DETAIL : Source.NONE;
        }
        if (name.startsWith("attributes.")) {
            return Account.isField(name) ? Source.ATTRIBUTE : Source.NONE;
        }
        return Account.isField(name) ? Source.FIELD : Source.NONE;
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
     * The placeholders that have nothing to read in a rule of the given kind: neither a bound variable,
     * {@code {points}}, an account field or attribute, nor (for a kind that {@linkplain
     * RuleKind#scoresEvents() scores events}) a field of the matched event.
     *
     * @param kind the rule's kind, never null
     * @return those placeholders in order of appearance (with repeats), never null
     */
    public List<String> unknownVariables(RuleKind kind) {
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] == Source.NONE || (sources[i].event && !kind.scoresEvents())) {
                unknown.add(variables.get(i));
            }
        }
        return unknown;
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

    /**
     * Fills the placeholders from an account's evaluation, as the scorer does: {@code {points}}, bound
     * variables, the event's type, date, age in days and details, and account fields and attributes; a
     * known field without a value reads {@code unknown}. A placeholder with nothing to read stays as
     * written.
     *
     * @param account   the account, never null
     * @param event     the matched event, or null when there is none
     * @param points    the line's points, never null
     * @param asOf      the evaluation date, never null
     * @param variables the match's bound variables, never null
     * @return the reason, never null
     */
    String render(Account account, Event event, BigDecimal points, LocalDate asOf, Map<String, Object> variables) {
        switch (sources.length) {
            case 0:
                return text;
            case 1: // most reasons: a single concatenation sizes the text once
                return parts.get(0) + valueText(0, account, event, points, asOf, variables) + parts.get(1);
            case 2:
                return parts.get(0) + valueText(0, account, event, points, asOf, variables) + parts.get(1)
                        + valueText(1, account, event, points, asOf, variables) + parts.get(2);
            default:
                StringBuilder sb = new StringBuilder(text.length() + 16);
                for (int i = 0; i < sources.length; i++) {
                    sb.append(parts.get(i)).append(valueText(i, account, event, points, asOf, variables));
                }
                return sb.append(parts.get(parts.size() - 1)).toString();
        }
    }

    /** A placeholder's value as text, or the placeholder as written when there is none. */
    private String valueText(int i, Account account, Event event, BigDecimal points, LocalDate asOf,
                             Map<String, Object> variables) {
        Object v = value(i, account, event, points, asOf, variables);
        return v == null ? "{" + this.variables.get(i) + "}" : format(v);
    }

    private Object value(int i, Account account, Event event, BigDecimal points, LocalDate asOf,
                         Map<String, Object> variables) {
        switch (sources[i]) {
            case POINTS: return points;
            case VARIABLE: return variables.get(keys[i]);
            case EVENT_TYPE: return event == null ? null : event.getType();
            case EVENT_DATE: return event == null ? null : event.getDate();
            case EVENT_DAYS_AGO: return event == null ? null : ChronoUnit.DAYS.between(event.getDate(), asOf);
            case EVENT_DETAIL: return event == null ? null : event.getDetails().get(keys[i]);
            case ATTRIBUTE: {
                Object v = account.getAttributes().get(keys[i]);
                return v == null ? "unknown" : v;
            }
            case FIELD: {
                Object v = account.field(keys[i]);
                return v == null ? "unknown" : v;
            }
            default: return null;
        }
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

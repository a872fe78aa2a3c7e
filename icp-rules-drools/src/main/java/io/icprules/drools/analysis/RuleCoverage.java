package io.icprules.drools.analysis;

import io.icprules.drools.internal.analysis.PatternView;
import io.icprules.drools.internal.analysis.RuleView;
import io.icprules.drools.internal.analysis.RulesetViews;
import io.icprules.engine.RulesetSource;
import io.icprules.fact.Account;
import io.icprules.result.RuleKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which account fields and event types the rules of a ruleset already condition on, read from the
 * rule files as written: what {@code icp discover} leaves out because a rule covers it.
 *
 * <p>A constraint that tests one field only for equality with, membership in, or containment of
 * string literals ({@code industry in ("retail", "grocery")}, {@code technologies contains "Toast"},
 * {@code attributes["pos_category"] == "cloud"}, {@code type == "funding_round"}) covers those values
 * of the field (compared ignoring case). Any other test of a field ({@code employees >= 50},
 * {@code country != "US"}, {@code attributes["unionized"] == true}) covers the whole field, and so does
 * every field a hard filter tests: a value a hard filter leaves out is excluded already, so a signal
 * on it could never count. An {@code Event} pattern without a test of {@code type} covers every event
 * type. Fields are named as in a manifest ({@code industry}, {@code annualRevenue},
 * {@code attributes.locations}); event types under {@value #EVENT_TYPE}.
 *
 * <p>Only top-level patterns are read (as {@link Linter} reads them): a test inside {@code or},
 * {@code eval}, {@code from} or {@code accumulate} is not seen.
 */
public final class RuleCoverage {

    /** The name under which event types are covered. */
    public static final String EVENT_TYPE = "event.type";

    private static final Pattern ATTRIBUTE = Pattern.compile("attributes\\s*(?:\\[\\s*\"([^\"]+)\"\\s*]|\\.\\s*(\\w+))");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern WORD = Pattern.compile("\\b[A-Za-z_]\\w*\\b");
    /** What may remain of a value-level test once fields and literals are taken out. */
    private static final Pattern VALUE_TEST = Pattern.compile("(?:\\s|==|\\|\\||\\bin\\b|\\bcontains\\b|[(),]|\\u0001|\\u0002)*");

    /**
     * One rule's test of one field.
     *
     * @param rule   the rule's name
     * @param field  the field, such as {@code industry}, {@code attributes.locations} or {@value #EVENT_TYPE}
     * @param values the values it names, lower case, or empty when it covers the whole field
     */
    public record Covered(String rule, String field, Set<String> values) {
        /**
         * Copies the values.
         *
         * @param rule   the rule's name
         * @param field  the field
         * @param values the values named, or empty for the whole field
         */
        public Covered {
            values = Set.copyOf(values);
        }

        /** @return true when the rule covers every value of the field */
        public boolean wholeField() {
            return values.isEmpty();
        }
    }

    private final List<Covered> covered;

    private RuleCoverage(List<Covered> covered) {
        this.covered = List.copyOf(covered);
    }

    /**
     * Reads a ruleset's rules. Files that do not parse are left out (compiling reports them).
     *
     * @param source the ruleset, never null
     * @return what its rules cover
     */
    public static RuleCoverage of(RulesetSource source) {
        Objects.requireNonNull(source, "source");
        List<Covered> out = new ArrayList<>();
        for (RuleView r : RulesetViews.read(source)) {
            for (PatternView p : r.patterns()) {
                if (p.type().equals("Account")) {
                    p.constraints().forEach(c -> account(r, c, out));
                } else if (p.type().equals("Event")) {
                    event(r, p, out);
                }
            }
        }
        return new RuleCoverage(out);
    }

    /** @return every test found, in rule order */
    public List<Covered> covered() {
        return covered;
    }

    /**
     * Finds the first rule that covers a value of a field.
     *
     * @param field a field as a manifest names it, or {@value #EVENT_TYPE}; never null
     * @param value the value, or null to ask whether a rule covers the field as a whole (a numeric
     *              field tested by a comparison, for example)
     * @return the name of the first rule that covers it, or empty
     */
    public Optional<String> coveringRule(String field, String value) {
        String v = value == null ? null : value.toLowerCase(Locale.ROOT);
        return covered.stream().filter(c -> c.field().equals(field) && (c.wholeField() || c.values().contains(v)))
                .map(Covered::rule).findFirst();
    }

    private static void account(RuleView rule, String constraint, List<Covered> out) {
        Set<String> fields = new LinkedHashSet<>();
        Matcher a = ATTRIBUTE.matcher(constraint);
        StringBuilder rest = new StringBuilder();
        while (a.find()) {
            fields.add("attributes." + (a.group(1) != null ? a.group(1) : a.group(2)));
            a.appendReplacement(rest, "\u0001");
        }
        a.appendTail(rest);
        List<String> literals = new ArrayList<>();
        String text = literals(rest.toString(), literals);
        Matcher w = WORD.matcher(text);
        StringBuilder bare = new StringBuilder();
        while (w.find()) {
            if (Account.FIELDS.contains(w.group())) {
                fields.add(w.group());
                w.appendReplacement(bare, "\u0001");
            }
        }
        w.appendTail(bare);
        boolean hard = rule.kind() == RuleKind.HARD;
        boolean valueLevel = !hard && fields.size() == 1 && !literals.isEmpty()
                && VALUE_TEST.matcher(bare).matches();
        for (String f : fields) {
            out.add(new Covered(rule.name(), f, valueLevel ? lower(literals) : Set.of()));
        }
    }

    private static void event(RuleView rule, PatternView p, List<Covered> out) {
        boolean typed = false;
        for (String c : p.constraints()) {
            List<String> literals = new ArrayList<>();
            String text = literals(c, literals);
            if (!Pattern.compile("\\btype\\b").matcher(text).find()) {
                continue;
            }
            typed = true;
            String bare = text.replaceAll("\\btype\\b", "\u0001");
            boolean valueLevel = !literals.isEmpty() && VALUE_TEST.matcher(bare).matches();
            out.add(new Covered(rule.name(), EVENT_TYPE, valueLevel ? lower(literals) : Set.of()));
        }
        if (!typed) {
            out.add(new Covered(rule.name(), EVENT_TYPE, Set.of()));
        }
    }

    /** Replaces each string literal by a marker, collecting its text. */
    private static String literals(String text, List<String> into) {
        Matcher m = LITERAL.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            into.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            m.appendReplacement(sb, "\u0002");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Set<String> lower(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
        return out;
    }
}

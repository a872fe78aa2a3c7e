package io.icprules.drools.analysis;

import io.icprules.drools.internal.analysis.FieldTest;
import io.icprules.drools.internal.analysis.PatternView;
import io.icprules.drools.internal.analysis.RuleView;
import io.icprules.drools.internal.analysis.RulesetViews;
import io.icprules.drools.internal.compile.CompiledRuleset;
import io.icprules.drools.internal.compile.RulesetCompiler;
import io.icprules.engine.RuleTrust;
import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.error.RulesetException;
import io.icprules.result.RuleKind;
import io.icprules.scoring.internal.RuleSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a ruleset that compiles probably gets wrong, each with file and line:
 * <ul>
 *   <li>a soft signal or trigger that can only fire when a disqualifier fires or a hard filter fails
 *       (its points can never count for a fit);</li>
 *   <li>bands of one activation group with equal salience, or with gaps between them;</li>
 *   <li>event types and custom attributes that no data or case file uses (likely typos);</li>
 *   <li>points outside a sane range (zero, or more than {@value #SANE_POINTS} either way);</li>
 *   <li>a trigger with neither a window ({@code daysAgo}) nor a half-life;</li>
 *   <li>a ruleset with no hard filter or no disqualifier;</li>
 *   <li>rules that can match without facts (slower: a fresh session per account).</li>
 * </ul>
 * Compile errors come first: a ruleset that does not compile is reported as such.
 */
public final class Linter {

    /** Points beyond this, either way, are reported as probably a mistake. */
    public static final int SANE_POINTS = 40;

    private static final Pattern EVENT_TYPE = Pattern.compile("^\\s*type\\s*(==|in)\\s*(.*)$");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern ATTRIBUTE = Pattern.compile("attributes\\s*\\[\\s*\"([^\"]+)\"\\s*]");

    private Linter() {
    }

    /**
     * What data and case files use, to spot names in rules that nothing uses.
     *
     * @param eventTypes event types seen
     * @param attributes custom attribute names seen
     */
    public record Usage(Set<String> eventTypes, Set<String> attributes) {

        /** @return usage that checks nothing (no data given) */
        public static Usage none() {
            return new Usage(null, null);
        }
    }

    /**
     * Lints a ruleset, compiled exactly as {@code IcpRules} compiles it by default
     * ({@link RuleTrust#AUTO}: restricted mode unless the source is trusted), so that a ruleset that
     * passes here is one that scoring accepts.
     *
     * @param source the ruleset, never null
     * @param usage  what data and case files use, or {@link Usage#none()}
     * @return compile warnings followed by lint findings, in file and line order; never null
     * @throws RulesetException when the ruleset does not compile
     */
    public static List<Diagnostic> lint(RulesetSource source, Usage usage) {
        return lint(source, usage, RuleTrust.AUTO);
    }

    /**
     * Lints a ruleset compiled with the given trust, the one the engine that will score with it uses.
     *
     * @param source the ruleset, never null
     * @param usage  what data and case files use, or {@link Usage#none()}
     * @param trust  how far the rule files are trusted, never null
     * @return compile warnings followed by lint findings, in file and line order; never null
     * @throws RulesetException when the ruleset does not compile (restricted-mode violations included)
     */
    public static List<Diagnostic> lint(RulesetSource source, Usage usage, RuleTrust trust) {
        Objects.requireNonNull(usage, "usage");
        CompiledRuleset compiled = RulesetCompiler.compile(source, trust.restricts(source));
        List<Diagnostic> out = new ArrayList<>(compiled.warnings());
        List<RuleView> rules = RulesetViews.read(source);
        Map<String, RuleSpec> specs = new HashMap<>();
        compiled.scorer().catalog().rules().forEach(s -> specs.put(s.name(), s));

        wholeRuleset(rules, out);
        for (RuleView r : rules) {
            RuleSpec spec = specs.get(r.name());
            if (spec == null) {
                continue;
            }
            // Findings on one rule share its line, so they stay in the order they are made here.
            if (spec.kind().scoresPoints()) {
                points(r, spec, out);
            }
            if (spec.kind().scoresEvents()) {
                triggerWindow(r, spec, out);
            }
            if (spec.kind().scoresPoints()) {
                neverCounts(r, rules, specs, out);
            }
            if (compiled.unanchoredRules().contains(r.name())) {
                out.add(Diagnostic.info(r.file(), r.line(), 0, "rule \"" + r.name() + "\" can match without any fact "
                        + "(only not/eval/from): the ruleset then needs a fresh session per account, which is slower; "
                        + "start the condition with Account() to anchor it"));
            }
        }
        bands(rules, out);
        unused(rules, usage, out);
        out.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line));
        return out;
    }

    private static void wholeRuleset(List<RuleView> rules, List<Diagnostic> out) {
        lacking(rules, RuleKind.HARD, "every account passes as a fit; an ICP without must-haves is usually too broad",
                out);
        lacking(rules, RuleKind.DISQUALIFIER, "lost deals and churned customers usually show who not to sell to", out);
    }

    /** Warns when no rule of the ruleset is of the kind, saying why that kind is worth having. */
    private static void lacking(List<RuleView> rules, RuleKind kind, String why, List<Diagnostic> out) {
        if (rules.stream().noneMatch(r -> r.kind() == kind)) {
            out.add(Diagnostic.warning(RulesetSource.MANIFEST, 0, 0, "the ruleset has no " + kind.noun() + ": " + why));
        }
    }

    /** Points of a rule that {@linkplain RuleKind#scoresPoints() scores points} outside a sane range. */
    private static void points(RuleView r, RuleSpec spec, List<Diagnostic> out) {
        BigDecimal p = spec.points();
        if (p.signum() == 0) {
            out.add(Diagnostic.warning(r.file(), r.line(), 0, "rule \"" + r.name() + "\" is worth 0 points"));
        } else if (p.abs().compareTo(BigDecimal.valueOf(SANE_POINTS)) > 0) {
            out.add(Diagnostic.warning(r.file(), r.line(), 0, "rule \"" + r.name() + "\" is worth " + p.toPlainString()
                    + " points; more than " + SANE_POINTS + " either way lets one signal decide the tier alone"));
        }
    }

    private static void triggerWindow(RuleView r, RuleSpec spec, List<Diagnostic> out) {
        List<PatternView> events = r.patterns().stream().filter(p -> p.type().equals("Event")).toList();
        if (events.isEmpty()) {
            out.add(Diagnostic.warning(r.file(), r.line(), 0, spec.kind().noun() + " \"" + r.name()
                    + "\" matches no Event: its points cannot decay with an event's age"));
            return;
        }
        boolean window = events.stream().flatMap(p -> p.constraints().stream())
                .anyMatch(c -> c.contains("daysAgo") || c.contains("date"));
        if (!window && spec.halfLife().isEmpty()) {
            out.add(Diagnostic.warning(r.file(), r.line(), 0, spec.kind().noun() + " \"" + r.name()
                    + "\" has neither a window (daysAgo <= N) nor a @halfLife: an event from years ago counts in full"));
        }
    }

    /**
     * A signal that implies a rule that disqualifies when it fires, or contradicts one that excludes
     * unless it fires, can never count for a fit.
     */
    private static void neverCounts(RuleView r, List<RuleView> rules, Map<String, RuleSpec> specs, List<Diagnostic> out) {
        Map<String, FieldTest> mine = accountTests(r);
        if (mine == null) {
            return;
        }
        for (RuleView other : rules) {
            RuleSpec os = specs.get(other.name());
            if (os == null || other == r) {
                continue;
            }
            Map<String, FieldTest> theirs = accountTests(other);
            if (theirs == null || other.patterns().size() != 1) {
                continue;
            }
            if (os.kind().disqualifiesWhenFired() && implies(r, mine, other, theirs)) {
                out.add(Diagnostic.warning(r.file(), r.line(), 0, "rule \"" + r.name() + "\" can only fire when "
                        + os.kind().noun() + " \"" + other.name() + "\" fires: its points never count for a fit"));
            }
            if (os.kind().excludesUnlessFired()) {
                for (Map.Entry<String, FieldTest> t : theirs.entrySet()) {
                    FieldTest m = mine.get(t.getKey());
                    if (m != null && m.and(t.getValue()).map(FieldTest::empty).orElse(false)) {
                        out.add(Diagnostic.warning(r.file(), r.line(), 0, "rule \"" + r.name() + "\" can only fire "
                                + "when " + os.kind().noun() + " \"" + other.name() + "\" fails (" + m.describe() + " vs "
                                + t.getValue().describe() + "): its points never count for a fit"));
                        break;
                    }
                }
            }
        }
    }

    /** True when every constraint of the other rule's Account pattern also constrains this rule at least as tightly. */
    private static boolean implies(RuleView r, Map<String, FieldTest> mine, RuleView other, Map<String, FieldTest> theirs) {
        Set<String> myText = new LinkedHashSet<>();
        r.patterns(("Account"), PatternView.Use.MATCH).forEach(p -> p.constraints().forEach(c -> myText.add(norm(c))));
        PatternView theirPattern = other.patterns().get(0);
        if (!theirPattern.type().equals("Account") || theirPattern.use() != PatternView.Use.MATCH) {
            return false;
        }
        for (String c : theirPattern.constraints()) {
            if (myText.contains(norm(c))) {
                continue;
            }
            Optional<FieldTest> t = FieldTest.parse(c);
            FieldTest m = t.map(x -> mine.get(x.field())).orElse(null);
            if (m == null || !within(m, t.get())) {
                return false;
            }
        }
        return true;
    }

    private static boolean within(FieldTest inner, FieldTest outer) {
        if (inner.numeric() != outer.numeric()) {
            return false;
        }
        if (!inner.numeric()) {
            return outer.values().containsAll(inner.values());
        }
        boolean lowOk = inner.low() > outer.low() || (inner.low() == outer.low() && (outer.lowIn() || !inner.lowIn()));
        boolean highOk = inner.high() < outer.high() || (inner.high() == outer.high() && (outer.highIn() || !inner.highIn()));
        return lowOk && highOk;
    }

    private static String norm(String c) {
        return c.replaceAll("\\s+", "");
    }

    /** Field tests of a rule whose only Account pattern is matched; null when the rule is not that simple. */
    private static Map<String, FieldTest> accountTests(RuleView r) {
        if (!r.simple()) {
            return null;
        }
        List<PatternView> accounts = r.patterns("Account", PatternView.Use.MATCH);
        if (accounts.size() != 1) {
            return null;
        }
        Map<String, FieldTest> tests = new LinkedHashMap<>();
        for (String c : accounts.get(0).constraints()) {
            FieldTest.parse(c).ifPresent(t -> tests.merge(t.field(), t, (a, b) -> a.and(b).orElse(a)));
        }
        return tests;
    }

    private static void bands(List<RuleView> rules, List<Diagnostic> out) {
        Map<String, List<RuleView>> groups = new LinkedHashMap<>();
        rules.stream().filter(r -> r.activationGroup() != null)
                .forEach(r -> groups.computeIfAbsent(r.activationGroup(), g -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<RuleView>> g : groups.entrySet()) {
            List<RuleView> members = g.getValue();
            for (int i = 0; i < members.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (members.get(i).salience() == members.get(j).salience()) {
                        RuleView r = members.get(i);
                        out.add(Diagnostic.warning(r.file(), r.line(), 0, "rule \"" + r.name() + "\" has the same "
                                + "salience (" + r.salience() + ") as \"" + members.get(j).name() + "\" in activation-group \""
                                + g.getKey() + "\": when both match, which one counts is not defined"));
                    }
                }
            }
            gaps(g.getKey(), members, out);
        }
    }

    /** Bands on one numeric field, sorted by their lower bound, should leave no value between them. */
    private static void gaps(String group, List<RuleView> members, List<Diagnostic> out) {
        List<Map.Entry<RuleView, FieldTest>> bands = new ArrayList<>();
        String field = null;
        for (RuleView r : members) {
            Map<String, FieldTest> tests = accountTests(r);
            if (tests == null || tests.size() != 1) {
                return;
            }
            FieldTest t = tests.values().iterator().next();
            if (!t.numeric() || (field != null && !field.equals(t.field()))) {
                return;
            }
            field = t.field();
            bands.add(Map.entry(r, t));
        }
        bands.sort(Comparator.comparingDouble(e -> e.getValue().low()));
        double reach = Double.NEGATIVE_INFINITY;
        boolean reachIn = false;
        RuleView reachRule = null;
        for (Map.Entry<RuleView, FieldTest> b : bands) {
            FieldTest t = b.getValue();
            if (reachRule != null && (t.low() > reach || (t.low() == reach && !t.lowIn() && !reachIn))) {
                boolean integral = t.low() == Math.rint(t.low()) && reach == Math.rint(reach);
                double firstMissing = reachIn ? reach + (integral ? 1 : 0) : reach;
                boolean realGap = !integral || (t.lowIn() ? firstMissing < t.low() : firstMissing <= t.low());
                if (realGap) {
                    out.add(Diagnostic.warning(b.getKey().file(), b.getKey().line(), 0, "activation-group \"" + group
                            + "\" leaves a gap in " + field + " between \"" + reachRule.name() + "\" (up to " + FieldTestText.bound(reach, reachIn) + ") and \"" + b.getKey().name()
                            + "\" (from " + FieldTestText.bound(t.low(), t.lowIn()) + "): accounts in between get none of its points"));
                }
            }
            if (t.high() > reach || (t.high() == reach && t.highIn())) {
                reach = t.high();
                reachIn = t.highIn();
                reachRule = b.getKey();
            }
        }
    }

    private static void unused(List<RuleView> rules, Usage usage, List<Diagnostic> out) {
        for (RuleView r : rules) {
            for (PatternView p : r.patterns()) {
                for (String c : p.constraints()) {
                    if (p.type().equals("Event") && usage.eventTypes() != null) {
                        Matcher m = EVENT_TYPE.matcher(c);
                        if (m.matches()) {
                            Matcher lit = LITERAL.matcher(m.group(2));
                            while (lit.find()) {
                                if (!usage.eventTypes().contains(lit.group(1))) {
                                    out.add(Diagnostic.warning(r.file(), p.line(), 0, "rule \"" + r.name() + "\": event type \""
                                            + lit.group(1) + "\" appears in no data or case file (a typo?)"));
                                }
                            }
                        }
                    }
                    if (usage.attributes() != null) {
                        Matcher a = ATTRIBUTE.matcher(c);
                        while (a.find()) {
                            if (!usage.attributes().contains(a.group(1))) {
                                out.add(Diagnostic.warning(r.file(), p.line(), 0, "rule \"" + r.name() + "\": attribute \""
                                        + a.group(1) + "\" appears in no data or case file (a typo?)"));
                            }
                        }
                    }
                }
            }
        }
        // the same finding once per rule and name
        List<Diagnostic> unique = new ArrayList<>(new LinkedHashSet<>(out));
        out.clear();
        out.addAll(unique);
    }

    /** Renders range bounds for messages. */
    private static final class FieldTestText {
        private FieldTestText() {
        }

        static String bound(double v, boolean inclusive) {
            String n = v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
            return inclusive ? n : (n + ", exclusive");
        }
    }
}

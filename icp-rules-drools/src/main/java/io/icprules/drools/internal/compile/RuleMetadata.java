package io.icprules.drools.internal.compile;

import io.icprules.error.Diagnostic;
import io.icprules.result.RuleKind;
import io.icprules.scoring.internal.ReasonTemplate;
import io.icprules.scoring.internal.RuleSpec;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the icp-rules metadata of one rule ({@code @kind}, {@code @points}, {@code @halfLife},
 * {@code @group}, {@code @reason}, {@code @perEvent}) into a {@link RuleSpec}, reporting every
 * problem with the rule's file and line.
 */
final class RuleMetadata {

    /** The metadata keys icp-rules reads, in the order messages list them. */
    static final List<String> KEYS = List.of("kind", "points", "halfLife", "group", "reason", "perEvent");

    private RuleMetadata() {
    }

    /**
     * @param rule        the parsed rule
     * @param file        its file, relative to the ruleset
     * @param diagnostics receives problems
     * @return the spec, or null when the rule's metadata has errors
     */
    static RuleSpec read(RuleDescr rule, String file, List<Diagnostic> diagnostics) {
        int line = Math.max(rule.getLine(), 0);
        String name = rule.getName();
        int errors = diagnostics.size();
        boolean miscased = false;
        for (String key : rule.getAnnotationNames()) {
            String meant = KEYS.stream().filter(k -> k.equalsIgnoreCase(key) && !k.equals(key)).findFirst().orElse(null);
            if (meant != null) {
                diagnostics.add(Diagnostic.error(file, lineOf(rule, key), 0, "rule \"" + name + "\": write @" + meant
                        + ", not @" + key + ": metadata names are case-sensitive"));
                miscased = true;
                continue;
            }
            if (!KEYS.contains(key) && Character.isLowerCase(key.charAt(0))) {
                diagnostics.add(Diagnostic.warning(file, lineOf(rule, key), 0, "rule \"" + name + "\": unknown metadata @"
                        + key + " (known: " + KEYS.stream().map(k -> "@" + k).collect(Collectors.joining(", ")) + ")"));
            }
        }
        String kindText = value(rule, "kind");
        if (kindText == null && miscased) {
            return null; // a misspelt @kind was reported above: no second message for the same mistake
        }
        if (kindText == null) {
            diagnostics.add(Diagnostic.error(file, line, 0, "rule \"" + name
                    + "\" has no @kind: add " + labels(k -> true, "@kind(", ")")));
            return null;
        }
        RuleKind kind = RuleKind.fromMetadata(kindText).orElse(null);
        if (kind == null) {
            diagnostics.add(Diagnostic.error(file, lineOf(rule, "kind"), 0, "rule \"" + name + "\": unknown @kind("
                    + kindText + "); use " + labels(k -> true, "", "")));
            return null;
        }
        RuleSpec.Builder spec = RuleSpec.builder(name, kind).location(file, line);
        String points = value(rule, "points");
        if (kind.scoresPoints()) {
            if (points == null) {
                diagnostics.add(Diagnostic.error(file, line, 0, "rule \"" + name + "\": a " + kind.label()
                        + " rule needs @points(n)"));
            } else {
                try {
                    BigDecimal p = new BigDecimal(points);
                    if (p.scale() > 1) {
                        diagnostics.add(Diagnostic.error(file, lineOf(rule, "points"), 0, "rule \"" + name
                                + "\": @points(" + points + ") has more than one decimal place"));
                    }
                    spec.points(p);
                } catch (NumberFormatException e) {
                    diagnostics.add(Diagnostic.error(file, lineOf(rule, "points"), 0, "rule \"" + name + "\": @points("
                            + points + ") is not a number"));
                }
            }
        } else if (points != null) {
            diagnostics.add(Diagnostic.warning(file, lineOf(rule, "points"), 0, "rule \"" + name + "\": @points is ignored on a "
                    + kind.label() + " rule (it scores no points)"));
        }
        String halfLife = value(rule, "halfLife");
        if (halfLife != null) {
            eventsOnly(rule, "halfLife", kind, file, diagnostics);
            Duration d = parseHalfLife(halfLife);
            if (d == null) {
                diagnostics.add(Diagnostic.error(file, lineOf(rule, "halfLife"), 0, "rule \"" + name + "\": @halfLife("
                        + halfLife + ") is not a positive ISO-8601 duration in days or weeks, such as P60D or P8W"));
            } else {
                spec.halfLife(d);
            }
        }
        String perEvent = rule.getAnnotation("perEvent") == null ? null : value(rule, "perEvent");
        if (rule.getAnnotation("perEvent") != null) {
            boolean on = perEvent == null || perEvent.isEmpty() || Boolean.parseBoolean(perEvent);
            eventsOnly(rule, "perEvent", kind, file, diagnostics);
            spec.perEvent(on);
        }
        spec.group(value(rule, "group"));
        String reason = value(rule, "reason");
        if (reason != null) {
            ReasonTemplate t = ReasonTemplate.parse(reason);
            for (String v : t.unknownVariables(kind)) {
                diagnostics.add(Diagnostic.warning(file, lineOf(rule, "reason"), 0, "rule \"" + name
                        + "\": @reason placeholder {" + v + "} is not an account field"
                        + (kind.scoresEvents() ? ", event field" : "") + " or bound variable"));
            }
            spec.reason(t);
        }
        boolean failed = diagnostics.subList(errors, diagnostics.size()).stream()
                .anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
        return failed ? null : spec.build();
    }

    /** Warns that metadata which only rules scoring events read is set on a rule of another kind. */
    private static void eventsOnly(RuleDescr rule, String key, RuleKind kind, String file, List<Diagnostic> diagnostics) {
        if (!kind.scoresEvents()) {
            diagnostics.add(Diagnostic.warning(file, lineOf(rule, key), 0, "rule \"" + rule.getName() + "\": @" + key
                    + " only applies to " + labels(RuleKind::scoresEvents, "", "") + " rules"));
        }
    }

    /**
     * The labels of the rule kinds that pass the test, each between a prefix and a suffix, in
     * declaration order: {@code hard, soft, trigger or disqualifier}.
     */
    private static String labels(Predicate<RuleKind> which, String prefix, String suffix) {
        List<String> labels = Stream.of(RuleKind.values()).filter(k -> k.isRule() && which.test(k))
                .map(k -> prefix + k.label() + suffix).toList();
        int last = labels.size() - 1;
        return last <= 0 ? String.join("", labels)
                : String.join(", ", labels.subList(0, last)) + " or " + labels.get(last);
    }

    static Duration parseHalfLife(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        try {
            Duration d = Duration.parse(t);
            return d.isNegative() || d.isZero() ? null : d;
        } catch (DateTimeParseException e) {
            try {
                Period p = Period.parse(t);
                if (p.getYears() != 0 || p.getMonths() != 0 || p.getDays() <= 0) {
                    return null; // months and years have no fixed length in days
                }
                return Duration.ofDays(p.getDays());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** The annotation's value as text: quotes removed, null when absent. */
    private static String value(RuleDescr rule, String key) {
        AnnotationDescr a = rule.getAnnotation(key);
        if (a == null) {
            return null;
        }
        Object v = a.getValue();
        if (v == null) {
            return "";
        }
        if (v instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) v;
            v = m.containsKey("value") ? m.get("value") : m.isEmpty() ? "" : m.values().iterator().next();
        }
        String s = String.valueOf(v).strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static int lineOf(RuleDescr rule, String key) {
        AnnotationDescr a = rule.getAnnotation(key);
        return a != null && a.getLine() > 0 ? a.getLine() : Math.max(rule.getLine(), 0);
    }
}

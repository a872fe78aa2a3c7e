package io.icprules.cases;

import io.icprules.result.Decision;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import io.icprules.result.RuleNote;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a fit test case expects of a result. Every part is optional (null or empty means "not
 * checked"), but a case states at least one.
 *
 * @param decision         the decision, or null
 * @param tier             the tier, or null
 * @param score            the exact score, or null
 * @param scoreMin         the lowest acceptable score (inclusive), or null
 * @param scoreMax         the highest acceptable score (inclusive), or null
 * @param fired            rules that must appear in the ledger; never null
 * @param notFired         rules that must not appear in the ledger; never null
 * @param points           rules that must appear in the ledger with exactly these points (after
 *                         decay, caps are separate lines); never null
 * @param unmetHardFilters exactly the hard filters that must be unmet (in any order), or null
 * @param disqualifiedBy   exactly the disqualifiers that must fire (in any order), or null
 * @param missingFields    exactly the required fields that must be missing (in any order), or null
 */
public record Expectation(Decision decision, String tier, BigDecimal score, BigDecimal scoreMin, BigDecimal scoreMax,
                          List<String> fired, List<String> notFired, Map<String, BigDecimal> points,
                          List<String> unmetHardFilters, List<String> disqualifiedBy, List<String> missingFields) {

    /**
     * Copies the collections.
     *
     * @param decision         the decision, or null
     * @param tier             the tier, or null
     * @param score            the exact score, or null
     * @param scoreMin         the lowest acceptable score, or null
     * @param scoreMax         the highest acceptable score, or null
     * @param fired            rules that must fire, never null
     * @param notFired         rules that must not fire, never null
     * @param points           rules with their exact points, never null
     * @param unmetHardFilters the exact unmet hard filters, or null
     * @param disqualifiedBy   the exact disqualifiers, or null
     * @param missingFields    the exact missing fields, or null
     * @throws IllegalArgumentException when nothing is expected, or the score range is empty
     */
    public Expectation {
        fired = List.copyOf(fired);
        notFired = List.copyOf(notFired);
        points = Collections.unmodifiableMap(new LinkedHashMap<>(points));
        unmetHardFilters = unmetHardFilters == null ? null : List.copyOf(unmetHardFilters);
        disqualifiedBy = disqualifiedBy == null ? null : List.copyOf(disqualifiedBy);
        missingFields = missingFields == null ? null : List.copyOf(missingFields);
        if (decision == null && tier == null && score == null && scoreMin == null && scoreMax == null
                && fired.isEmpty() && notFired.isEmpty() && points.isEmpty() && unmetHardFilters == null
                && disqualifiedBy == null && missingFields == null) {
            throw new IllegalArgumentException("a case must expect something");
        }
        if (scoreMin != null && scoreMax != null && scoreMin.compareTo(scoreMax) > 0) {
            throw new IllegalArgumentException("score range is empty: min " + scoreMin.toPlainString()
                    + " is above max " + scoreMax.toPlainString());
        }
    }

    /**
     * Compares a result with this expectation.
     *
     * @param result the actual result, never null
     * @return one line per difference, such as {@code decision: expected FIT, was EXCLUDED}; empty
     *         when the result meets every expectation
     */
    public List<String> mismatches(FitResult result) {
        List<String> out = new ArrayList<>();
        if (decision != null && result.decision() != decision) {
            out.add("decision: expected " + decision + ", was " + result.decision());
        }
        if (tier != null && !tier.equals(result.tier())) {
            out.add("tier: expected " + tier + ", was " + result.tier());
        }
        BigDecimal s = result.score();
        if (score != null && s.compareTo(score) != 0) {
            out.add("score: expected " + score.toPlainString() + ", was " + s.toPlainString());
        }
        if ((scoreMin != null && s.compareTo(scoreMin) < 0) || (scoreMax != null && s.compareTo(scoreMax) > 0)) {
            out.add("score: expected " + describeRange() + ", was " + s.toPlainString());
        }
        for (String rule : fired) {
            if (result.line(rule).isEmpty()) {
                out.add("fired: expected '" + rule + "' in the ledger, but it did not fire");
            }
        }
        for (String rule : notFired) {
            result.line(rule).ifPresent(l -> out.add("not_fired: expected '" + rule + "' not to fire, but it did ("
                    + signed(l.points()) + ")"));
        }
        points.forEach((rule, p) -> {
            Optional<LedgerLine> l = result.line(rule);
            if (l.isEmpty()) {
                out.add("points: expected '" + rule + "' " + signed(p) + ", but it did not fire");
            } else if (l.get().points().compareTo(p) != 0) {
                out.add("points: expected '" + rule + "' " + signed(p) + ", was " + signed(l.get().points()));
            }
        });
        compareSets(out, "unmet_hard_filters", unmetHardFilters,
                result.unmetHardFilters().stream().map(RuleNote::rule).toList());
        compareSets(out, "disqualified_by", disqualifiedBy,
                result.disqualifiers().stream().map(RuleNote::rule).toList());
        compareSets(out, "missing_fields", missingFields, result.missingFields());
        return out;
    }

    /** @return every rule name this expectation refers to, in the order written */
    public Set<String> ruleNames() {
        Set<String> names = new LinkedHashSet<>(fired);
        names.addAll(notFired);
        names.addAll(points.keySet());
        if (unmetHardFilters != null) {
            names.addAll(unmetHardFilters);
        }
        if (disqualifiedBy != null) {
            names.addAll(disqualifiedBy);
        }
        return names;
    }

    /** @return the expectation in one line, such as {@code decision FIT, tier A, score 83.6, fired [X]} */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (decision != null) {
            parts.add("decision " + decision);
        }
        if (tier != null) {
            parts.add("tier " + tier);
        }
        if (score != null) {
            parts.add("score " + score.toPlainString());
        }
        if (scoreMin != null || scoreMax != null) {
            parts.add("score " + describeRange());
        }
        if (!fired.isEmpty()) {
            parts.add("fired " + fired);
        }
        if (!notFired.isEmpty()) {
            parts.add("not fired " + notFired);
        }
        if (!points.isEmpty()) {
            List<String> p = new ArrayList<>();
            points.forEach((rule, v) -> p.add(rule + " " + signed(v)));
            parts.add("points " + p);
        }
        if (unmetHardFilters != null) {
            parts.add("unmet hard filters " + unmetHardFilters);
        }
        if (disqualifiedBy != null) {
            parts.add("disqualified by " + disqualifiedBy);
        }
        if (missingFields != null) {
            parts.add("missing fields " + missingFields);
        }
        return String.join(", ", parts);
    }

    private String describeRange() {
        if (scoreMin != null && scoreMax != null) {
            return scoreMin.toPlainString() + " to " + scoreMax.toPlainString();
        }
        return scoreMin != null ? "at least " + scoreMin.toPlainString() : "at most " + scoreMax.toPlainString();
    }

    private static void compareSets(List<String> out, String key, List<String> expected, List<String> actual) {
        if (expected == null) {
            return;
        }
        if (!new TreeSet<>(expected).equals(new TreeSet<>(actual))) {
            out.add(key + ": expected " + expected + ", was " + actual);
        }
    }

    private static String signed(BigDecimal points) {
        return (points.signum() >= 0 ? "+" : "") + points.toPlainString();
    }
}

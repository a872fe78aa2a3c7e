package io.icprules.junit;

import io.icprules.cases.RuleNames;
import io.icprules.result.Decision;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import io.icprules.result.RuleNote;
import org.assertj.core.api.AbstractAssert;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Fluent assertions on a {@link FitResult}. Every failure message shows the full ledger
 * ({@link FitResult#explain()}), so that the reason for an unexpected decision is in the test
 * report. Obtain through {@link IcpAssertions#assertThat(FitResult)}.
 */
public final class FitResultAssert extends AbstractAssert<FitResultAssert, FitResult> {

    /**
     * Creates assertions on a result.
     *
     * @param actual the result, may be null
     */
    public FitResultAssert(FitResult actual) {
        super(actual, FitResultAssert.class);
    }

    /** @return this, after checking that the decision is {@link Decision#FIT} */
    public FitResultAssert isFit() {
        return hasDecision(Decision.FIT);
    }

    /** @return this, after checking that the decision is {@link Decision#EXCLUDED} */
    public FitResultAssert isExcluded() {
        return hasDecision(Decision.EXCLUDED);
    }

    /** @return this, after checking that the decision is {@link Decision#DISQUALIFIED} */
    public FitResultAssert isDisqualified() {
        return hasDecision(Decision.DISQUALIFIED);
    }

    /** @return this, after checking that the decision is {@link Decision#INSUFFICIENT_DATA} */
    public FitResultAssert hasInsufficientData() {
        return hasDecision(Decision.INSUFFICIENT_DATA);
    }

    /**
     * @param expected the decision, never null
     * @return this, after checking the decision
     */
    public FitResultAssert hasDecision(Decision expected) {
        isNotNull();
        if (actual.decision() != expected) {
            fail("Expected decision " + expected + " but was " + actual.decision() + describeNotes());
        }
        return this;
    }

    /**
     * @param expected the tier name, such as {@code A}
     * @return this, after checking the tier
     */
    public FitResultAssert hasTier(String expected) {
        isNotNull();
        if (!actual.tier().equals(expected)) {
            fail("Expected tier " + expected + " but was " + actual.tier() + " (score " + actual.score().toPlainString()
                    + ")");
        }
        return this;
    }

    /**
     * @param expected the exact score, such as {@code "72.5"}
     * @return this, after checking the score (compared as a number: {@code "72.50"} equals 72.5)
     */
    public FitResultAssert hasScore(String expected) {
        return hasScore(new BigDecimal(expected));
    }

    /**
     * @param expected the exact score, never null
     * @return this, after checking the score (compared as a number)
     */
    public FitResultAssert hasScore(BigDecimal expected) {
        isNotNull();
        if (actual.score().compareTo(expected) != 0) {
            fail("Expected score " + expected.toPlainString() + " but was " + actual.score().toPlainString());
        }
        return this;
    }

    /**
     * @param min the lowest acceptable score, inclusive, such as {@code "60"}
     * @param max the highest acceptable score, inclusive, such as {@code "80"}
     * @return this, after checking the score
     */
    public FitResultAssert hasScoreBetween(String min, String max) {
        return hasScoreBetween(new BigDecimal(min), new BigDecimal(max));
    }

    /**
     * @param min the lowest acceptable score, inclusive, never null
     * @param max the highest acceptable score, inclusive, never null
     * @return this, after checking the score
     */
    public FitResultAssert hasScoreBetween(BigDecimal min, BigDecimal max) {
        isNotNull();
        if (actual.score().compareTo(min) < 0 || actual.score().compareTo(max) > 0) {
            fail("Expected a score between " + min.toPlainString() + " and " + max.toPlainString() + " but was "
                    + actual.score().toPlainString());
        }
        return this;
    }

    /**
     * @param rules rule names
     * @return this, after checking that every one of them has a line in the ledger
     */
    public FitResultAssert fired(String... rules) {
        isNotNull();
        knownRules(rules);
        List<String> missing = new ArrayList<>();
        for (String r : rules) {
            if (actual.line(r).isEmpty()) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            fail("Expected " + quoted(missing) + " to fire, but " + (missing.size() == 1 ? "it" : "they")
                    + " did not");
        }
        return this;
    }

    /**
     * @param rules rule names
     * @return this, after checking that none of them has a line in the ledger
     */
    public FitResultAssert didNotFire(String... rules) {
        isNotNull();
        knownRules(rules);
        List<String> fired = new ArrayList<>();
        for (String r : rules) {
            if (actual.line(r).isPresent()) {
                fired.add(r);
            }
        }
        if (!fired.isEmpty()) {
            fail("Expected " + quoted(fired) + " not to fire, but " + (fired.size() == 1 ? "it" : "they") + " did");
        }
        return this;
    }

    /**
     * @param rule   a rule name
     * @param points the points its ledger line must carry (after decay), such as {@code "7.6"}
     * @return this, after checking the rule's ledger line
     */
    public FitResultAssert hasPoints(String rule, String points) {
        isNotNull();
        knownRules(rule);
        BigDecimal expected = new BigDecimal(points);
        Optional<LedgerLine> line = actual.line(rule);
        if (line.isEmpty()) {
            fail("Expected '" + rule + "' to add " + points + " points, but it did not fire");
        } else if (line.get().points().compareTo(expected) != 0) {
            fail("Expected '" + rule + "' to add " + points + " points, but it added " + line.get().points().toPlainString());
        }
        return this;
    }

    /**
     * @param rules hard filter names
     * @return this, after checking that each of them is among the unmet hard filters
     */
    public FitResultAssert hasUnmetHardFilter(String... rules) {
        isNotNull();
        knownRules(rules);
        List<String> unmet = actual.unmetHardFilters().stream().map(RuleNote::rule).toList();
        List<String> missing = new ArrayList<>();
        for (String r : rules) {
            if (!unmet.contains(r)) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            fail("Expected unmet hard filters to include " + quoted(missing) + " but they were " + unmet);
        }
        return this;
    }

    /**
     * @param rules disqualifier names
     * @return this, after checking that the decision is {@link Decision#DISQUALIFIED} and that each
     *         of them fired
     */
    public FitResultAssert isDisqualifiedBy(String... rules) {
        isDisqualified();
        knownRules(rules);
        List<String> fired = actual.disqualifiers().stream().map(RuleNote::rule).toList();
        List<String> missing = new ArrayList<>();
        for (String r : rules) {
            if (!fired.contains(r)) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            fail("Expected disqualifiers to include " + quoted(missing) + " but they were " + fired);
        }
        return this;
    }

    /**
     * @param fields required field names, such as {@code employees} or {@code attributes.locations}
     * @return this, after checking that each of them is among the missing fields
     */
    public FitResultAssert hasMissingField(String... fields) {
        isNotNull();
        List<String> missing = new ArrayList<>();
        for (String f : fields) {
            if (!actual.missingFields().contains(f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            fail("Expected missing fields to include " + missing + " but they were " + actual.missingFields());
        }
        return this;
    }

    private String describeNotes() {
        List<String> why = new ArrayList<>();
        actual.unmetHardFilters().forEach(n -> why.add("unmet hard filter: " + n));
        actual.disqualifiers().forEach(n -> why.add("disqualified by: " + n));
        if (!actual.missingFields().isEmpty()) {
            why.add("missing data: " + String.join(", ", actual.missingFields()));
        }
        return why.isEmpty() ? "" : " (" + String.join("; ", why) + ")";
    }

    private static String quoted(List<String> names) {
        return "'" + String.join("', '", names) + "'";
    }

    /** Fails with the message and the full ledger; '%' in rule names or reasons is not a format code. */
    private void fail(String message) {
        failWithMessage((message + "\n" + actual.explain()).replace("%", "%%"));
    }

    /**
     * Fails for a name that is no rule of the result's ruleset: such a rule never fires, so an
     * assertion about it would pass or fail for nothing.
     */
    private void knownRules(String... rules) {
        RuleNames.unknown(actual.ruleset().name(), actual.ruleset().ruleNames(), Arrays.asList(rules))
                .ifPresent(this::fail);
    }
}

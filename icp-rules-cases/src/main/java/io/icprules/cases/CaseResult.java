package io.icprules.cases;

import io.icprules.result.FitResult;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of running one fit test case: the actual result and every way it differs from what
 * the case expects.
 *
 * @param fitCase  the case, never null
 * @param actual   the result, or null when the evaluation failed
 * @param failures one line per difference or error; empty when the case passed
 */
public record CaseResult(FitCase fitCase, FitResult actual, List<String> failures) {

    /**
     * Copies the failures.
     *
     * @param fitCase  the case, never null
     * @param actual   the result, or null when the evaluation failed
     * @param failures one line per difference, never null
     * @throws NullPointerException when the case or the failures are null
     */
    public CaseResult {
        Objects.requireNonNull(fitCase, "fitCase");
        failures = List.copyOf(failures);
        if (actual == null && failures.isEmpty()) {
            throw new IllegalArgumentException("a case without a result cannot pass");
        }
    }

    /** @return true when the result met every expectation */
    public boolean passed() {
        return failures.isEmpty();
    }

    /** @return the result in the terms of an expectation: {@code decision FIT, tier A, score 83.6} */
    public String describeActual() {
        if (actual == null) {
            return "no result";
        }
        return "decision " + actual.decision() + ", tier " + actual.tier() + ", score " + actual.score().toPlainString();
    }

    /**
     * Describes a failure for a person: each difference, what was expected, what came out, and the
     * full ledger.
     *
     * @return several lines, each ending with a line break; empty text when the case passed
     */
    public String describeFailure() {
        if (passed()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        failures.forEach(f -> sb.append(f).append('\n'));
        sb.append("expected: ").append(fitCase.expected().describe()).append('\n');
        sb.append("actual:   ").append(describeActual()).append('\n');
        if (actual != null) {
            sb.append(actual.explain());
        }
        return sb.toString();
    }
}

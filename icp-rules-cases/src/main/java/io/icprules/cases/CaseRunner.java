package io.icprules.cases;

import io.icprules.engine.FitEngine;
import io.icprules.result.Explanation;
import io.icprules.result.FitResult;
import io.icprules.result.RuleCheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs fit test cases against an engine. The engine is the caller's: the runner neither builds nor
 * closes it. Thread-safe when the engine is.
 *
 * <p>Each case is evaluated with {@link FitEngine#explain}, which knows every rule of the ruleset:
 * a case that names a rule the ruleset does not have fails (a misspelt name in {@code not_fired}
 * would otherwise pass unnoticed, since a rule that does not exist never fires), and a rule that
 * was expected to fire but did not is reported with why not (which condition failed, and the
 * account's value). When the engine cannot explain an account, the case is evaluated with
 * {@link FitEngine#evaluate} and neither is reported.
 */
public final class CaseRunner {

    private final FitEngine engine;

    private CaseRunner(FitEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * @param engine the engine, never null
     * @return a runner for that engine
     */
    public static CaseRunner of(FitEngine engine) {
        return new CaseRunner(engine);
    }

    /**
     * Runs one case.
     *
     * @param fitCase the case, never null
     * @return its result; an evaluation that throws is a failure of the case, never an exception
     */
    public CaseResult run(FitCase fitCase) {
        FitResult actual;
        List<RuleCheck> notFired;
        try {
            Explanation explanation = explain(fitCase);
            actual = explanation == null ? engine.evaluate(fitCase.facts(), fitCase.asOf()) : explanation.result();
            notFired = explanation == null ? null : explanation.notFired();
        } catch (RuntimeException e) {
            return new CaseResult(fitCase, null, List.of("evaluation failed: " + e.getMessage()));
        }
        List<String> failures = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>(actual.ruleset().ruleNames());
        if (known.isEmpty() && notFired != null) {
            // An engine that does not name its rules: the ledger and the explanation do.
            actual.ledger().forEach(l -> known.add(l.rule()));
            notFired.forEach(c -> known.add(c.rule()));
        }
        RuleNames.unknown(actual.ruleset().name(), known, fitCase.expected().ruleNames())
                .ifPresent(m -> failures.addAll(List.of(m.split("\n"))));
        List<String> mismatches = fitCase.expected().mismatches(actual);
        failures.addAll(mismatches);
        if (notFired != null && !mismatches.isEmpty()) {
            Set<String> expectedToFire = new LinkedHashSet<>(fitCase.expected().fired());
            expectedToFire.addAll(fitCase.expected().points().keySet());
            for (RuleCheck c : notFired) {
                if (expectedToFire.contains(c.rule())) {
                    failures.add("why '" + c.rule() + "' did not fire: " + c.whyNot());
                }
            }
        }
        return new CaseResult(fitCase, actual, failures);
    }

    /**
     * Explaining is best effort: when it fails where evaluating may not (the engine cannot explain,
     * or its probe of a rule's conditions throws), the case is evaluated instead, and whether that
     * fails decides the case.
     *
     * @return the explanation, or null when there is none
     */
    private Explanation explain(FitCase fitCase) {
        try {
            return engine.explain(fitCase.facts(), fitCase.asOf());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Runs every well-formed case of a file.
     *
     * @param file the file's cases, never null
     * @return the results, with the file's problems carried over
     */
    public CaseFileResult run(CaseFile file) {
        List<CaseResult> results = new ArrayList<>();
        for (FitCase c : file.cases()) {
            results.add(run(c));
        }
        return new CaseFileResult(file.file(), results, file.problems());
    }
}

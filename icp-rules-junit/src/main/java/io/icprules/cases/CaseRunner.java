package io.icprules.cases;

import io.icprules.engine.FitEngine;
import io.icprules.engine.RulesetSource;
import io.icprules.result.FitResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs fit test cases against an engine. The engine is the caller's: the runner neither builds nor
 * closes it. Thread-safe when the engine is.
 */
public final class CaseRunner {

    private final FitEngine engine;
    private final Set<String> ruleNames;

    private CaseRunner(FitEngine engine, Set<String> ruleNames) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.ruleNames = ruleNames;
    }

    /**
     * A runner that also checks that every rule a case names exists in the ruleset, so that a
     * misspelt name fails instead of passing unnoticed (a rule that does not exist never fires).
     *
     * @param engine the engine compiled from {@code source}, never null
     * @param source the ruleset's text, never null
     * @return the runner
     */
    public static CaseRunner of(FitEngine engine, RulesetSource source) {
        return new CaseRunner(engine, Set.copyOf(RuleNames.of(Objects.requireNonNull(source, "source"))));
    }

    /**
     * A runner for an engine whose rule files are not at hand: rule names in cases are not checked.
     *
     * @param engine the engine, never null
     * @return the runner
     */
    public static CaseRunner of(FitEngine engine) {
        return new CaseRunner(engine, null);
    }

    /**
     * Runs one case.
     *
     * @param fitCase the case, never null
     * @return its result; an evaluation that throws is a failure of the case, never an exception
     */
    public CaseResult run(FitCase fitCase) {
        List<String> failures = new ArrayList<>();
        if (ruleNames != null) {
            for (String rule : fitCase.expected().ruleNames()) {
                if (!RuleNames.isKnown(ruleNames, rule)) {
                    failures.add("no rule named '" + rule + "' in ruleset " + engine.ruleset().name()
                            + " (check the spelling: a rule that does not exist never fires)");
                }
            }
        }
        FitResult actual;
        try {
            actual = engine.evaluate(fitCase.facts(), fitCase.asOf());
        } catch (RuntimeException e) {
            failures.add("evaluation failed: " + e.getMessage());
            return new CaseResult(fitCase, null, failures);
        }
        failures.addAll(fitCase.expected().mismatches(actual));
        return new CaseResult(fitCase, actual, failures);
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

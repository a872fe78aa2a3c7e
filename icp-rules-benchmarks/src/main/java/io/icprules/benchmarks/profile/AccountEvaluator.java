package io.icprules.benchmarks.profile;

import io.icprules.fact.AccountFacts;
import io.icprules.result.FitResult;

import java.time.LocalDate;

/**
 * Evaluates one account against the reference profile. The engine, the hand-written floor and the
 * peer engine all implement it and all return the same {@link FitResult}, so that the benchmarks
 * compare the cost of the same work.
 */
@FunctionalInterface
public interface AccountEvaluator {

    /**
     * @param facts the account's facts, never null
     * @param asOf  the evaluation date, never null
     * @return the account's result, never null
     */
    FitResult evaluate(AccountFacts facts, LocalDate asOf);
}

package io.icprules.result;

import io.icprules.error.EvaluationException;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of evaluating one account of a batch: either a {@link FitResult} or the
 * {@link EvaluationException} that stopped it. A batch yields exactly one outcome per input, in
 * input order, so that no account is ever dropped silently.
 */
public final class Outcome {

    private final long index;
    private final String accountId;
    private final FitResult result;
    private final EvaluationException error;

    private Outcome(long index, String accountId, FitResult result, EvaluationException error) {
        this.index = index;
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.result = result;
        this.error = error;
    }

    /**
     * @param index  0-based position in the batch
     * @param result the result, never null
     * @return a successful outcome
     */
    public static Outcome success(long index, FitResult result) {
        return new Outcome(index, result.accountId(), Objects.requireNonNull(result, "result"), null);
    }

    /**
     * @param index 0-based position in the batch
     * @param error what went wrong, never null
     * @return a failed outcome
     */
    public static Outcome failure(long index, EvaluationException error) {
        return new Outcome(index, error.accountId(), null, Objects.requireNonNull(error, "error"));
    }

    /** @return the 0-based position of the account in the batch */
    public long index() {
        return index;
    }

    /** @return the account's id, never null */
    public String accountId() {
        return accountId;
    }

    /** @return true when the account was evaluated */
    public boolean isSuccess() {
        return result != null;
    }

    /** @return the result, when the evaluation succeeded */
    public Optional<FitResult> result() {
        return Optional.ofNullable(result);
    }

    /** @return the failure, when the evaluation failed */
    public Optional<EvaluationException> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return "Outcome[" + index + ", " + (result != null ? result : error.getMessage()) + "]";
    }
}

package io.icprules.engine;

import io.icprules.error.Diagnostic;
import io.icprules.error.EvaluationException;
import io.icprules.fact.AccountFacts;
import io.icprules.result.Explanation;
import io.icprules.result.FitResult;
import io.icprules.result.Outcome;
import io.icprules.result.RulesetInfo;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * Evaluates accounts against one compiled ruleset.
 *
 * <p>An engine is built once per ruleset (see {@link IcpRules}) and is safe to share between threads.
 * Every evaluation is isolated: no fact of one account is ever visible while another is evaluated.
 * Evaluation is deterministic: the same facts, evaluation date and ruleset always give an equal
 * {@link FitResult}, whatever the thread, the batch or the wall clock.
 *
 * <p>Close an engine when it is no longer needed to release pooled resources; evaluating after
 * {@link #close()} throws {@link IllegalStateException}.
 */
public interface FitEngine extends AutoCloseable {

    /** @return the ruleset's name, version and content hash, never null */
    RulesetInfo ruleset();

    /** @return warnings found while compiling the ruleset (errors would have stopped it); never null */
    List<Diagnostic> warnings();

    /**
     * Evaluates one account.
     *
     * @param facts the account with its events and contacts, never null
     * @param asOf  the evaluation date: event ages are counted up to it and events after it are
     *              ignored; never null
     * @return the result, never null
     * @throws EvaluationException when a rule throws or exceeds the firing limit; it names the
     *                             account and the rule
     */
    FitResult evaluate(AccountFacts facts, LocalDate asOf);

    /**
     * Evaluates one account and explains the result: for every rule that did not fire, which
     * condition failed and the account's value, and the unfired signals that would raise the score.
     * Slower than {@link #evaluate}; meant for showing a result to a person, not for batches.
     *
     * @param facts the account with its events and contacts, never null
     * @param asOf  the evaluation date, never null
     * @return the explanation, whose result equals {@link #evaluate}'s, never null
     * @throws EvaluationException           as {@link #evaluate} does
     * @throws UnsupportedOperationException when the engine cannot explain
     */
    default Explanation explain(AccountFacts facts, LocalDate asOf) {
        throw new UnsupportedOperationException(getClass().getName() + " does not explain results");
    }

    /**
     * Evaluates many accounts, in parallel on the calling thread and the common
     * {@link java.util.concurrent.ForkJoinPool}, and returns one outcome per input in input order. A
     * failing account yields a failed {@link Outcome}; the others go on. A {@code null} element is
     * not an account but a programming error: the whole call is refused before anything is
     * evaluated (as {@code List.of} refuses nulls), so that a returned list always has one outcome
     * per input.
     *
     * <p>The common pool is shared by the whole JVM (parallel streams, {@code CompletableFuture}s
     * without an executor): a service that keeps it busy with other work, or that wants batch
     * evaluation to stay on threads of its own, passes an executor to
     * {@link #evaluateAll(List, LocalDate, Executor)} instead.
     *
     * @param accounts the accounts, never null
     * @param asOf     the evaluation date for all of them, never null
     * @return the outcomes, as many as inputs, in input order; never null
     * @throws NullPointerException  naming {@code accounts} or {@code asOf} when it is null, or the
     *                               index of a null element
     * @throws IllegalStateException after {@link #close()}
     */
    default List<Outcome> evaluateAll(List<AccountFacts> accounts, LocalDate asOf) {
        return Batches.evaluate(this, accounts, asOf, null);
    }

    /**
     * As {@link #evaluateAll(List, LocalDate)}, on the given executor's threads instead of the common
     * pool: the accounts are cut into as many slices as there are cores, each slice a task, and the
     * calling thread waits for them.
     *
     * @param accounts the accounts, never null
     * @param asOf     the evaluation date for all of them, never null
     * @param executor runs the slices, never null; a slice it rejects is evaluated on the calling
     *                 thread
     * @return the outcomes, as many as inputs, in input order; never null
     * @throws NullPointerException  naming the parameter that is null, or the index of a null element
     * @throws IllegalStateException after {@link #close()}
     */
    default List<Outcome> evaluateAll(List<AccountFacts> accounts, LocalDate asOf, Executor executor) {
        return Batches.evaluate(this, accounts, asOf, Objects.requireNonNull(executor, "executor"));
    }

    /**
     * Evaluates a stream of accounts lazily and in parallel chunks, without holding the whole input
     * in memory, and returns one outcome per input in input order. While the caller consumes one
     * chunk of outcomes, the next chunk is evaluated and the one after is read, so reading, scoring
     * and writing overlap. Suited to files of millions of accounts.
     *
     * @param accounts the accounts, never null; consumed as the returned stream is read
     * @param asOf     the evaluation date for all of them, never null
     * @return a sequential, ordered stream of outcomes; never null
     */
    default Stream<Outcome> evaluateStream(Stream<AccountFacts> accounts, LocalDate asOf) {
        return evaluateStream(accounts, asOf, Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #evaluateStream(Stream, LocalDate)}, with the number of threads that evaluate. The
     * calling thread reads the input and consumes the outcomes besides; when it has work of its own
     * per account (parsing a file, writing results), fewer evaluating threads than cores keep the
     * machine from running more threads than it has cores, which costs more CPU than it gains.
     *
     * @param accounts the accounts, never null; consumed as the returned stream is read
     * @param asOf     the evaluation date for all of them, never null
     * @param threads  how many threads evaluate, at least 1; they are daemon threads of this stream
     *                 only, and end when it is exhausted or closed
     * @return a sequential, ordered stream of outcomes; never null
     * @throws IllegalArgumentException when {@code threads} is less than 1
     */
    default Stream<Outcome> evaluateStream(Stream<AccountFacts> accounts, LocalDate asOf, int threads) {
        return Batches.evaluate(this, accounts, asOf, Batches.DEFAULT_CHUNK, threads);
    }

    /**
     * Evaluates accounts one at a time on the calling thread, as the returned iterator is read: one
     * account is taken from {@code accounts} for each outcome, nothing is read ahead and nothing is
     * held. Suited to code that already runs one task per core and hands over an iterator, such as
     * a partition of a distributed job; rule sessions are reused between the accounts as in every
     * other batch, and no two accounts ever share a working memory.
     *
     * @param accounts the accounts, never null; read lazily
     * @param asOf     the evaluation date for all of them, never null
     * @return one outcome per input, in input order, indexed from 0; a failing account yields a
     *         failed {@link Outcome} and the others go on; never null
     */
    default Iterator<Outcome> evaluateIterator(Iterator<AccountFacts> accounts, LocalDate asOf) {
        return new SequentialOutcomes(this, accounts, asOf);
    }

    /** Releases pooled resources. Idempotent. */
    @Override
    void close();
}

package io.icprules.engine;

import io.icprules.error.EvaluationException;
import io.icprules.fact.AccountFacts;
import io.icprules.result.Outcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Order-preserving parallel batch evaluation, shared by engine implementations: lists in parallel
 * on the caller and the common pool; streams in bounded chunks, one chunk evaluated while the next is
 * read and the previous one consumed, so memory stays bounded by two chunks.
 */
final class Batches {

    /** Accounts evaluated together: large enough to keep cores busy, small enough to bound memory. */
    static final int DEFAULT_CHUNK = 2048;

    private Batches() {
    }

    static Stream<Outcome> evaluate(FitEngine engine, Stream<AccountFacts> accounts, LocalDate asOf, int chunk) {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(asOf, "asOf");
        Iterator<AccountFacts> in = accounts.iterator();
        Iterator<Outcome> out = new Iterator<>() {
            private long next;
            private Iterator<Outcome> current = List.<Outcome>of().iterator();
            private CompletableFuture<List<Outcome>> pending;

            @Override
            public boolean hasNext() {
                if (!current.hasNext()) {
                    if (pending == null) {
                        pending = submit(); // the first chunk
                    }
                    if (pending != null) {
                        CompletableFuture<List<Outcome>> ready = pending;
                        // Read the next chunk while this one is evaluated, and evaluate it while the
                        // caller consumes this one: reading, scoring and writing overlap.
                        pending = submit();
                        current = ready.join().iterator();
                    }
                }
                return current.hasNext();
            }

            private CompletableFuture<List<Outcome>> submit() {
                if (!in.hasNext()) {
                    return null;
                }
                List<AccountFacts> batch = new ArrayList<>(chunk);
                while (batch.size() < chunk && in.hasNext()) {
                    batch.add(in.next());
                }
                long base = next;
                next += batch.size();
                return CompletableFuture.supplyAsync(() -> IntStream.range(0, batch.size()).parallel()
                        .mapToObj(i -> evaluateOne(engine, batch.get(i), base + i, asOf))
                        .toList(), ForkJoinPool.commonPool());
            }

            @Override
            public Outcome next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(out, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(accounts::close);
    }

    /** Evaluates a list in parallel on the calling thread and the common pool; one outcome per input, in order. */
    static List<Outcome> evaluate(FitEngine engine, List<AccountFacts> accounts, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return IntStream.range(0, accounts.size()).parallel()
                .mapToObj(i -> evaluateOne(engine, accounts.get(i), i, asOf))
                .toList();
    }

    /** Never throws for a failure of the account itself: every input gets an outcome. */
    static Outcome evaluateOne(FitEngine engine, AccountFacts facts, long index, LocalDate asOf) {
        try {
            return Outcome.success(index, engine.evaluate(facts, asOf));
        } catch (EvaluationException e) {
            return Outcome.failure(index, e);
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.failure(index, new EvaluationException(facts.accountId(), null,
                    "evaluation failed: " + e, e));
        }
    }
}

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
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Order-preserving parallel batch evaluation in bounded chunks, shared by engine implementations. */
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

            @Override
            public boolean hasNext() {
                if (!current.hasNext() && in.hasNext()) {
                    List<AccountFacts> batch = new ArrayList<>(chunk);
                    while (batch.size() < chunk && in.hasNext()) {
                        batch.add(in.next());
                    }
                    long base = next;
                    next += batch.size();
                    List<Outcome> done = java.util.stream.IntStream.range(0, batch.size()).parallel()
                            .mapToObj(i -> evaluateOne(engine, batch.get(i), base + i, asOf))
                            .toList();
                    current = done.iterator();
                }
                return current.hasNext();
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

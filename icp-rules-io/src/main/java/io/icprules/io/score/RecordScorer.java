package io.icprules.io.score;

import io.icprules.engine.FitEngine;
import io.icprules.io.AccountReader;
import io.icprules.io.AccountRecord;
import io.icprules.io.ScoredRecord;
import io.icprules.fact.AccountFacts;
import io.icprules.result.Outcome;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Scores {@link AccountRecord}s lazily, either in parallel chunks ({@link #score}) or one at a time on
 * the calling thread ({@link #scoreSequentially}), and yields exactly one {@link ScoredRecord} per
 * input record, in input order.
 *
 * <p>Records that could not be read never reach the engine; they come out as error records at their
 * place in the order. An account whose evaluation fails comes out as an error record too. Memory is
 * bounded by the engine's chunk (plus any unreadable records between two readable ones), not by
 * the input's size.
 */
public final class RecordScorer {

    private RecordScorer() {
    }

    /**
     * Scores records as the returned stream is consumed, in parallel chunks
     * ({@link FitEngine#evaluateStream(Stream, LocalDate, int)}) on the cores that do not decode the
     * input ({@link AccountReader#decodingThreads()}).
     *
     * @param engine  the engine, never null
     * @param records the input records, never null; consumed lazily, closed with the returned stream
     * @param asOf    the evaluation date, never null
     * @return one scored record per input record, in input order; sequential
     */
    public static Stream<ScoredRecord> score(FitEngine engine, Stream<AccountRecord> records, LocalDate asOf) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(asOf, "asOf");
        // The cores not decoding the input evaluate it: one busy thread per core costs least.
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - AccountReader.decodingThreads());
        Iterator<ScoredRecord> out = pipeline(records.iterator(), facts -> engine.evaluateStream(
                StreamSupport.stream(Spliterators.spliteratorUnknownSize(facts, Spliterator.ORDERED | Spliterator.NONNULL),
                        false), asOf, threads).iterator());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(out, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(records::close);
    }

    /**
     * Scores records one at a time on the calling thread as the returned iterator is read
     * ({@link FitEngine#evaluateIterator}): for code that already runs one task per core, such as a
     * partition of a Spark job. Reads one readable record ahead at most.
     *
     * @param engine  the engine, never null
     * @param records the input records, never null; read lazily
     * @param asOf    the evaluation date, never null
     * @return one scored record per input record, in input order
     */
    public static Iterator<ScoredRecord> scoreSequentially(FitEngine engine, Iterator<AccountRecord> records,
                                                           LocalDate asOf) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(asOf, "asOf");
        return pipeline(Objects.requireNonNull(records, "records"), facts -> engine.evaluateIterator(facts, asOf));
    }

    private static Iterator<ScoredRecord> pipeline(Iterator<AccountRecord> in,
                                                   Function<Iterator<AccountFacts>, Iterator<Outcome>> evaluate) {
        // Every record read, in order, until it is written out. The engine pulls readable records
        // through `facts`, which queues each record it passes (readable or not) here; the i-th
        // outcome then belongs to the i-th readable record in this queue.
        Deque<AccountRecord> pending = new ArrayDeque<>();
        Iterator<AccountFacts> facts = new Iterator<>() {
            private AccountFacts next;

            @Override
            public boolean hasNext() {
                while (next == null && in.hasNext()) {
                    AccountRecord r = in.next();
                    pending.addLast(r);
                    if (!r.isError()) {
                        next = r.facts();
                    }
                }
                return next != null;
            }

            @Override
            public AccountFacts next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AccountFacts f = next;
                next = null;
                return f;
            }
        };
        Iterator<Outcome> outcomes = evaluate.apply(facts);

        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                // Asking the engine for more pulls input, which may queue records (even only
                // unreadable ones) without yielding an outcome.
                return !pending.isEmpty() || outcomes.hasNext() || !pending.isEmpty();
            }

            @Override
            public ScoredRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AccountRecord r = pending.pollFirst();
                if (r.isError()) {
                    return ScoredRecord.error(r.line(), r.accountId(), r.error());
                }
                Outcome o = outcomes.next();
                if (!o.accountId().equals(r.accountId())) {
                    throw new IllegalStateException("outcome for " + o.accountId() + " arrived for the record of "
                            + r.accountId() + " at line " + r.line());
                }
                return o.result()
                        .map(res -> ScoredRecord.of(r.line(), res))
                        .orElseGet(() -> ScoredRecord.error(r.line(), r.accountId(),
                                "evaluation failed: " + o.error().orElseThrow().getMessage()));
            }
        };
    }
}

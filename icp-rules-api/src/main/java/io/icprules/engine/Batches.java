package io.icprules.engine;

import io.icprules.error.EvaluationException;
import io.icprules.fact.AccountFacts;
import io.icprules.result.Outcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Order-preserving parallel batch evaluation, shared by engine implementations: lists in parallel
 * on the caller and the common pool; streams in bounded chunks on evaluation threads of their own,
 * one chunk evaluated while the next is read and the previous one consumed, so memory stays bounded
 * by two chunks.
 */
final class Batches {

    /** Accounts evaluated together: large enough to keep cores busy, small enough to bound memory. */
    static final int DEFAULT_CHUNK = 2048;

    /** Numbers the evaluation threads, for thread dumps. */
    private static final AtomicInteger THREADS = new AtomicInteger();

    private Batches() {
    }

    static Stream<Outcome> evaluate(FitEngine engine, Stream<AccountFacts> accounts, LocalDate asOf, int chunk,
                                    int threads) {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(asOf, "asOf");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        Iterator<AccountFacts> in = accounts.iterator();
        ChunkIterator out = new ChunkIterator(engine, in, asOf, chunk, workers(threads));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(out, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(out::cancel).onClose(accounts::close);
    }

    /**
     * Reads a chunk, hands its slices to the workers, and reads the next chunk while they work;
     * yields the outcomes of the oldest chunk once all its slices are done.
     */
    private static final class ChunkIterator implements Iterator<Outcome> {
        private final FitEngine engine;
        private final Iterator<AccountFacts> in;
        private final LocalDate asOf;
        private final int chunk;
        private final ThreadPoolExecutor workers;
        private long next;
        private Iterator<Outcome> current = List.<Outcome>of().iterator();
        private List<Future<Outcome[]>> pending;

        ChunkIterator(FitEngine engine, Iterator<AccountFacts> in, LocalDate asOf, int chunk,
                      ThreadPoolExecutor workers) {
            this.engine = engine;
            this.in = in;
            this.asOf = asOf;
            this.chunk = chunk;
            this.workers = workers;
        }

        @Override
        public boolean hasNext() {
            if (!current.hasNext()) {
                if (pending == null) {
                    pending = submit(); // the first chunk
                }
                if (pending != null) {
                    List<Future<Outcome[]>> ready = pending;
                    // Read the next chunk while this one is evaluated, and evaluate it while the
                    // caller consumes this one: reading, scoring and writing overlap.
                    pending = submit();
                    current = collect(ready).iterator();
                }
                if (pending == null) {
                    workers.shutdown(); // nothing more to evaluate: the threads end now
                }
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

        private List<Future<Outcome[]>> submit() {
            if (!in.hasNext()) {
                return null;
            }
            List<AccountFacts> batch = new ArrayList<>(chunk);
            while (batch.size() < chunk && in.hasNext()) {
                batch.add(in.next());
            }
            long base = next;
            next += batch.size();
            int slices = Math.min(workers.getMaximumPoolSize(), batch.size());
            List<Future<Outcome[]>> futures = new ArrayList<>(slices);
            for (int s = 0; s < slices; s++) {
                int from = (int) ((long) batch.size() * s / slices);
                int to = (int) ((long) batch.size() * (s + 1) / slices);
                futures.add(workers.submit(() -> {
                    Outcome[] slice = new Outcome[to - from];
                    for (int i = from; i < to; i++) {
                        slice[i - from] = evaluateOne(engine, batch.get(i), base + i, asOf);
                    }
                    return slice;
                }));
            }
            return futures;
        }

        /** Waits for every slice, uninterruptibly like a join: an outcome is owed for every input. */
        private static List<Outcome> collect(List<Future<Outcome[]>> slices) {
            List<Outcome> outcomes = new ArrayList<>();
            boolean interrupted = false;
            try {
                for (Future<Outcome[]> f : slices) {
                    while (true) {
                        try {
                            outcomes.addAll(Arrays.asList(f.get()));
                            break;
                        } catch (InterruptedException e) {
                            interrupted = true;
                        } catch (ExecutionException e) {
                            // evaluateOne turns every failure of an account into an outcome; what
                            // reaches here is an Error such as OutOfMemoryError.
                            Throwable cause = e.getCause();
                            if (cause instanceof Error err) {
                                throw err;
                            }
                            if (cause instanceof RuntimeException misuse) {
                                throw misuse; // a closed engine or a null element: the caller's fault
                            }
                            throw new IllegalStateException("batch evaluation failed", cause);
                        }
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return outcomes;
        }

        /** On close: chunks read ahead are not evaluated for nobody, and the threads end. */
        void cancel() {
            if (pending != null) {
                pending.forEach(f -> f.cancel(false));
                pending = null;
            }
            workers.shutdown();
        }
    }

    /**
     * The threads of one stream: plain daemon threads rather than the common pool, whose workers spin
     * between chunks looking for work and which has a single worker on two cores. They end when the
     * stream is exhausted or closed, or after a while idle when it is abandoned.
     */
    private static ThreadPoolExecutor workers(int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "icp-rules-batch-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Evaluates a list in parallel, on the calling thread and the common pool, or in slices on the
     * given executor; one outcome per input, in order.
     */
    static List<Outcome> evaluate(FitEngine engine, List<AccountFacts> accounts, LocalDate asOf, Executor executor) {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(asOf, "asOf");
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i) == null) {
                throw nullElement(i); // before anything is evaluated
            }
        }
        if (executor == null) {
            return IntStream.range(0, accounts.size()).parallel()
                    .mapToObj(i -> evaluateOne(engine, accounts.get(i), i, asOf))
                    .toList();
        }
        int n = accounts.size();
        int slices = Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors()));
        Outcome[] outcomes = new Outcome[n];
        List<CompletableFuture<Void>> tasks = new ArrayList<>(slices);
        for (int s = 0; s < slices; s++) {
            int from = (int) ((long) n * s / slices);
            int to = (int) ((long) n * (s + 1) / slices);
            Runnable slice = () -> {
                for (int i = from; i < to; i++) {
                    outcomes[i] = evaluateOne(engine, accounts.get(i), i, asOf);
                }
            };
            try {
                tasks.add(CompletableFuture.runAsync(slice, executor));
            } catch (RejectedExecutionException e) {
                slice.run();
            }
        }
        try {
            CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
        return List.of(outcomes);
    }

    /** A null element is no account: a programming error, not a failed evaluation. */
    static NullPointerException nullElement(long index) {
        return new NullPointerException("accounts: the element at index " + index + " is null");
    }

    /**
     * Never throws for a failure of the account itself: every input gets an outcome. A closed engine
     * is the caller's fault, not the account's: its {@link IllegalStateException} propagates.
     */
    static Outcome evaluateOne(FitEngine engine, AccountFacts facts, long index, LocalDate asOf) {
        if (facts == null) {
            throw nullElement(index);
        }
        try {
            return Outcome.success(index, engine.evaluate(facts, asOf));
        } catch (EvaluationException e) {
            return Outcome.failure(index, e);
        } catch (IllegalStateException e) {
            throw e; // the engine is closed
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.failure(index, new EvaluationException(facts.accountId(), null,
                    "evaluation failed: " + e, e));
        }
    }
}

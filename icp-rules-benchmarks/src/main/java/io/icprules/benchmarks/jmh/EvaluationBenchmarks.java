package io.icprules.benchmarks.jmh;

import io.icprules.benchmarks.profile.ReferenceProfile;
import io.icprules.result.FitResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One account at a time through each implementation (see {@link Workload#implementation}): batch
 * throughput in accounts per second on one thread and on every core, and the latency of a single
 * evaluation. Each call returns the full result, ledger and reasons included.
 *
 * <p>The warm-up is long (25 s) because the engine runs a lot of code that the JIT compiler must
 * compile first; on a busy 2-core machine the compiler threads get little CPU, and a short warm-up
 * measures the interpreter.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 3)
public class EvaluationBenchmarks {

    /** Creates the benchmark; JMH instantiates it. */
    public EvaluationBenchmarks() {
    }

    /**
     * Batch throughput on one thread.
     *
     * @param w      the implementation and accounts
     * @param cursor this thread's position
     * @return the result
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public FitResult batchOneThread(Workload w, Cursor cursor) {
        return w.evaluator().evaluate(cursor.next(w.accounts()), ReferenceProfile.AS_OF);
    }

    /**
     * Batch throughput with one thread per core.
     *
     * @param w      the implementation and accounts
     * @param cursor this thread's position
     * @return the result
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(Threads.MAX)
    public FitResult batchAllCores(Workload w, Cursor cursor) {
        return w.evaluator().evaluate(cursor.next(w.accounts()), ReferenceProfile.AS_OF);
    }

    /**
     * Latency of one evaluation, as in a request handler: the distribution (p50, p99...) and the
     * average.
     *
     * @param w      the implementation and accounts
     * @param cursor this thread's position
     * @return the result
     */
    @Benchmark
    @BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public FitResult latency(Workload w, Cursor cursor) {
        return w.evaluator().evaluate(cursor.next(w.accounts()), ReferenceProfile.AS_OF);
    }
}

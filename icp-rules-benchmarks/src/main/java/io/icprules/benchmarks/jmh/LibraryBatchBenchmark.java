package io.icprules.benchmarks.jmh;

import io.icprules.benchmarks.profile.ReferenceProfile;
import io.icprules.engine.FitEngine;
import io.icprules.fact.AccountFacts;
import io.icprules.result.Outcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The library's own batch API, {@link FitEngine#evaluateAll}, over a list of accounts: what a list
 * import calls. It spreads the work over every core itself; the score is accounts per second.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 3)
public class LibraryBatchBenchmark {

    /** Accounts per call. */
    public static final int BATCH = 10_000;

    private FitEngine engine;
    private List<AccountFacts> accounts;

    /** Creates the benchmark; JMH calls {@link #setUp()} before measuring. */
    public LibraryBatchBenchmark() {
    }

    /** Builds the engine and the accounts. */
    @Setup(Level.Trial)
    public void setUp() {
        engine = ReferenceProfile.engine();
        accounts = ReferenceProfile.accounts(BATCH);
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /**
     * Evaluates the whole list; the score counts accounts.
     *
     * @return one outcome per account, in input order
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    @Threads(1)
    public List<Outcome> evaluateAll() {
        return engine.evaluateAll(accounts, ReferenceProfile.AS_OF);
    }
}

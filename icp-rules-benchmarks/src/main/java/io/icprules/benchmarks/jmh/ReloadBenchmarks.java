package io.icprules.benchmarks.jmh;

import io.icprules.benchmarks.profile.ReferenceProfile;
import io.icprules.engine.IcpRules;
import io.icprules.engine.ReloadResult;
import io.icprules.engine.ReloadingFitEngine;
import io.icprules.engine.RulesetSource;
import io.icprules.fact.AccountFacts;
import io.icprules.result.FitResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Hot reload: the time to compile and swap in a new version of the reference ruleset in a warm JVM,
 * and the latency of evaluations while versions are being swapped on another thread (a reload must
 * never block them).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 3)
public class ReloadBenchmarks {

    private ReloadingFitEngine engine;
    private RulesetSource[] versions;
    private int swaps;

    /** Creates the benchmark; JMH calls {@link #setUp()} before measuring. */
    public ReloadBenchmarks() {
    }

    /** Serves version 1.0.0 and prepares two versions to alternate. */
    @Setup(Level.Trial)
    public void setUp() {
        versions = new RulesetSource[] {ReferenceProfile.sourceWithVersion("1.0.1"),
            ReferenceProfile.sourceWithVersion("1.0.2")};
        engine = ReloadingFitEngine.of(ReferenceProfile::source, IcpRules.builder());
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /**
     * Swaps in the other version: compiling it and replacing the serving one.
     *
     * @return the reload's result
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ReloadResult reload() {
        return swap();
    }

    /**
     * Evaluations on one thread while {@link #reloadingAlongside()} swaps versions on another.
     *
     * @param cursor this thread's position in the accounts
     * @param w      the accounts
     * @return the result
     */
    @Benchmark
    @Group("evaluateWhileReloading")
    @GroupThreads(1)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public FitResult evaluatingDuringReloads(Cursor cursor, Accounts w) {
        return engine.evaluate(cursor.next(w.accounts), ReferenceProfile.AS_OF);
    }

    /**
     * The reloading side of {@code evaluateWhileReloading}.
     *
     * @return the reload's result
     */
    @Benchmark
    @Group("evaluateWhileReloading")
    @GroupThreads(1)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ReloadResult reloadingAlongside() {
        return swap();
    }

    private ReloadResult swap() {
        ReloadResult r = engine.reload(versions[swaps++ & 1]);
        if (r.status() != ReloadResult.Status.SWAPPED) {
            throw new IllegalStateException("reload did not swap: " + r.message());
        }
        return r;
    }

    /** The accounts evaluated during reloads. */
    @State(Scope.Benchmark)
    public static class Accounts {
        AccountFacts[] accounts;

        /** Creates the state; JMH calls {@link #generate()}. */
        public Accounts() {
        }

        /** Generates the accounts. */
        @Setup(Level.Trial)
        public void generate() {
            accounts = ReferenceProfile.accounts(Workload.POOL).toArray(AccountFacts[]::new);
        }
    }
}

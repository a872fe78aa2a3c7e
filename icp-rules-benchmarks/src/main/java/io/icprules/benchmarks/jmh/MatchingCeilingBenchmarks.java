package io.icprules.benchmarks.jmh;

import io.icprules.benchmarks.ceiling.AccountScopedRuleset;
import io.icprules.benchmarks.ceiling.SessionMatcher;
import io.icprules.benchmarks.profile.ReferenceProfile;
import io.icprules.drools.internal.compile.RulesetCompiler;
import io.icprules.fact.AccountFacts;
import org.kie.api.KieBase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ceiling: how many accounts per second Drools itself matches against the reference profile,
 * with no scoring, no ledger, no result objects, only a listener noting which rule matched which
 * account. Whatever the library does after matching, it cannot evaluate faster than this.
 *
 * <p>{@link Sharing#sharing} compares the engine's way (one account in a reused session at a time)
 * with {@value #BATCH} accounts inserted and fired together in one session, on the
 * {@link AccountScopedRuleset} rewrite of the profile, to see whether Phreak's set-oriented
 * evaluation pays when the network sees many accounts at once.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 3)
public class MatchingCeilingBenchmarks {

    /** Accounts per benchmark call, and per session in the shared mode. */
    public static final int BATCH = 64;

    /** The part of the pool the benchmarks cycle through: whole batches only. */
    static final int CYCLE = Workload.POOL / BATCH * BATCH;

    /** Creates the benchmark; JMH instantiates it. */
    public MatchingCeilingBenchmarks() {
    }

    /** The rules and accounts, shared by all benchmark threads. */
    @State(Scope.Benchmark)
    public static class Sharing {

        /** One account per session at a time, reference profile as is. */
        public static final String ONE_ACCOUNT = "one-account-per-session";
        /** {@value MatchingCeilingBenchmarks#BATCH} accounts per session, account-scoped rewrite. */
        public static final String SHARED = "64-accounts-per-session";

        /** How accounts share sessions: one of the constants of this class. */
        @Param({ONE_ACCOUNT, SHARED})
        public String sharing;

        KieBase kieBase;
        AccountFacts[] accounts;
        int accountsPerSession;

        /** Creates the state; JMH calls {@link #setUp()} before measuring. */
        public Sharing() {
        }

        /** Compiles the rules (with the library's compiler) and generates the accounts. */
        @Setup(Level.Trial)
        public void setUp() {
            accounts = ReferenceProfile.accounts(Workload.POOL).toArray(AccountFacts[]::new);
            switch (sharing) {
                case ONE_ACCOUNT -> {
                    kieBase = RulesetCompiler.compile(ReferenceProfile.source()).kieBase();
                    accountsPerSession = 1;
                }
                case SHARED -> {
                    kieBase = RulesetCompiler.compile(AccountScopedRuleset.source()).kieBase();
                    accountsPerSession = BATCH;
                }
                default -> throw new IllegalArgumentException("unknown sharing " + sharing);
            }
        }
    }

    /** A benchmark thread's session and its place in the account pool. */
    @State(Scope.Thread)
    public static class Matcher {

        private static final AtomicInteger THREADS = new AtomicInteger();

        SessionMatcher matcher;
        int next;

        /** Creates the state; JMH calls {@link #open(Sharing)} before measuring. */
        public Matcher() {
        }

        /**
         * Opens this thread's session; threads start far apart in the pool.
         *
         * @param s the rules
         */
        @Setup(Level.Trial)
        public void open(Sharing s) {
            matcher = new SessionMatcher(s.kieBase);
            next = THREADS.getAndIncrement() * 7919 / BATCH * BATCH % CYCLE;
        }

        /** Disposes the session. */
        @TearDown(Level.Trial)
        public void close() {
            matcher.close();
        }
    }

    /**
     * Matches the next {@value #BATCH} accounts of the pool.
     *
     * @param s the rules and accounts
     * @param m this thread's session
     * @return the number of firings, so that nothing is optimised away
     */
    public static int matchBatch(Sharing s, Matcher m) {
        int from = m.next;
        int to = from + BATCH;
        m.next = to % CYCLE;
        int fired = 0;
        for (int a = from; a < to; a += s.accountsPerSession) {
            fired += m.matcher.match(s.accounts, a, Math.min(to, a + s.accountsPerSession), ReferenceProfile.AS_OF).size();
        }
        return fired;
    }

    /**
     * Matching throughput on one thread, in accounts per second.
     *
     * @param s the rules and accounts
     * @param m this thread's session
     * @return the number of firings
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    @Threads(1)
    public int matchOneThread(Sharing s, Matcher m) {
        return matchBatch(s, m);
    }

    /**
     * Matching throughput with one thread per core, in accounts per second.
     *
     * @param s the rules and accounts
     * @param m this thread's session
     * @return the number of firings
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    @Threads(Threads.MAX)
    public int matchAllCores(Sharing s, Matcher m) {
        return matchBatch(s, m);
    }
}

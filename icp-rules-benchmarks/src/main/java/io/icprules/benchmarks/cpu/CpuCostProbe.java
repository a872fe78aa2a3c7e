package io.icprules.benchmarks.cpu;

import io.icprules.benchmarks.ceiling.SessionMatcher;
import io.icprules.benchmarks.execmodel.AssembledEngine;
import io.icprules.benchmarks.execmodel.ExecutableModelAssembly;
import io.icprules.benchmarks.floor.HandWrittenProfile;
import io.icprules.benchmarks.jmh.Workload;
import io.icprules.benchmarks.peer.EasyRulesProfile;
import io.icprules.benchmarks.profile.AccountEvaluator;
import io.icprules.benchmarks.profile.ReferenceProfile;
import io.icprules.drools.internal.compile.RulesetCompiler;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.fact.AccountFacts;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Measures the CPU time one thread spends per account for each implementation of the reference
 * profile, after a warm-up. On a machine shared with other work, wall-clock throughput drops when
 * the benchmark thread waits for a core; the CPU time it used does not (much), so this gives the
 * cost per account and the accounts per second one dedicated core would reach.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.icprules.benchmarks.cpu.CpuCostProbe [ROUNDS]}. Prints
 * a Markdown table. Only the evaluating thread's CPU time counts: the JIT compiler's and the garbage
 * collector's threads are not included. A last row, {@value #MATCHING_ALONE}, measures Drools'
 * matching with nothing built on it: the least an engine that asks Drools which rules match, one
 * account per session, can cost. Not a replacement for JMH: no forks, a single thread, and the JIT
 * warm-up is a fixed number of passes.
 */
public final class CpuCostProbe {

    /**
     * The row of Drools' matching alone: insert, fire, note which rules matched, empty the session,
     * with no scoring and no result (the ceiling, see {@code MatchingCeilingBenchmarks}).
     */
    public static final String MATCHING_ALONE = "drools matching alone (no result)";

    private static final int WARMUP_PASSES = 8;

    private CpuCostProbe() {
    }

    /**
     * @param args optionally the number of measured passes over the accounts (default 5), then the
     *             number of accounts (default {@link Workload#POOL})
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : Workload.POOL;
        print(measureAll(rounds, count), new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    /**
     * Measures every implementation.
     *
     * @param rounds measured passes over the accounts, at least 1
     * @param count  how many accounts, at least 1
     * @return implementation name to {best CPU µs per account, wall µs per account of that pass}
     */
    public static Map<String, double[]> measureAll(int rounds, int count) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        List<AccountFacts> accounts = ReferenceProfile.accounts(count);
        Map<String, double[]> results = new LinkedHashMap<>();
        try (FitEngine reuse = ReferenceProfile.engine();
             FitEngine fresh = IcpRules.builder().ruleset(ReferenceProfile.source()).reuseSessions(false).build();
             AssembledEngine model = AssembledEngine.build(ReferenceProfile.source(), ExecutableModelAssembly.EXECUTABLE_MODEL);
             AssembledEngine anc = AssembledEngine.build(ReferenceProfile.source(),
                     ExecutableModelAssembly.WITH_ALPHA_NETWORK_COMPILER);
             SessionMatcher matcher = new SessionMatcher(RulesetCompiler.compile(ReferenceProfile.source()).kieBase())) {
            AccountFacts[] pool = accounts.toArray(AccountFacts[]::new);
            Map<String, IntUnaryOperator> implementations = new LinkedHashMap<>();
            implementations.put(Workload.DROOLS, ledgerSize(reuse::evaluate, pool));
            implementations.put(Workload.DROOLS_EXEC_MODEL, ledgerSize(model, pool));
            implementations.put(Workload.DROOLS_EXEC_MODEL_ANC, ledgerSize(anc, pool));
            implementations.put(Workload.DROOLS_FRESH_SESSION, ledgerSize(fresh::evaluate, pool));
            implementations.put(Workload.HANDWRITTEN, ledgerSize(HandWrittenProfile.forReference(), pool));
            implementations.put(Workload.EASYRULES, ledgerSize(EasyRulesProfile.forReference(), pool));
            implementations.put(MATCHING_ALONE, i -> matcher.match(pool, i, i + 1, ReferenceProfile.AS_OF).size());
            // Two cycles through all implementations, keeping each one's best: the Drools code that
            // the engine variants share is then equally warm for each, whichever runs first.
            for (int cycle = 0; cycle < 2; cycle++) {
                for (Map.Entry<String, IntUnaryOperator> e : implementations.entrySet()) {
                    double[] m = measure(e.getValue(), pool.length, rounds, threads);
                    results.merge(e.getKey(), m, (a, b) -> a[0] <= b[0] ? a : b);
                }
            }
        }
        return results;
    }

    /**
     * Prints the measurements as a Markdown table, with each one's cost as a ratio to the
     * hand-written floor, to Easy Rules and to the engine as shipped.
     *
     * @param results what {@link #measureAll} returned
     * @param out     where to print
     */
    public static void print(Map<String, double[]> results, PrintStream out) {
        double floor = results.get(Workload.HANDWRITTEN)[0];
        double peer = results.get(Workload.EASYRULES)[0];
        double engine = results.get(Workload.DROOLS)[0];
        out.println("| implementation | CPU µs per account (best pass) | accounts/s per dedicated core | wall µs per account | cost ÷ hand-written | cost ÷ Easy Rules | cost ÷ drools |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Map.Entry<String, double[]> r : results.entrySet()) {
            double cpu = r.getValue()[0];
            out.printf(Locale.ROOT, "| %s | %.2f | %,.0f | %.2f | %.2f× | %.2f× | %.2f× |%n", r.getKey(), cpu, 1e6 / cpu,
                    r.getValue()[1], cpu / floor, cpu / peer, cpu / engine);
        }
    }

    /** @return the work of evaluating the pool's {@code i}-th account, as the size of its ledger */
    private static IntUnaryOperator ledgerSize(AccountEvaluator evaluator, AccountFacts[] pool) {
        return i -> evaluator.evaluate(pool[i], ReferenceProfile.AS_OF).ledger().size();
    }

    /** @return best CPU µs per account over the rounds, and the wall µs per account of that round */
    private static double[] measure(IntUnaryOperator work, int count, int rounds, ThreadMXBean threads) {
        long sink = 0;
        for (int p = 0; p < WARMUP_PASSES; p++) {
            for (int i = 0; i < count; i++) {
                sink += work.applyAsInt(i);
            }
        }
        double bestCpu = Double.MAX_VALUE;
        double wallOfBest = 0;
        for (int r = 0; r < rounds; r++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                sink += work.applyAsInt(i);
            }
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / count;
            double wall = (System.nanoTime() - wall0) / 1e3 / count;
            if (cpu < bestCpu) {
                bestCpu = cpu;
                wallOfBest = wall;
            }
        }
        if (sink == 42) {
            System.out.print(""); // keeps the results alive for the JIT
        }
        return new double[] {bestCpu, wallOfBest};
    }
}

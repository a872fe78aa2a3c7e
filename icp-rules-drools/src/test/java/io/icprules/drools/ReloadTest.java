package io.icprules.drools;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.ReloadResult;
import io.icprules.engine.ReloadingFitEngine;
import io.icprules.engine.RulesetSource;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.result.FitResult;
import io.icprules.result.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Swapping ruleset versions in a running engine. */
class ReloadTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    static final AccountFacts ACCOUNT = AccountFacts.of(Account.builder("r1").employees(120).build());

    /** Version {@code v} scores every account {@code v} points, so a result proves which version decided it. */
    static RulesetSource version(int v) {
        return RulesetSource.of("mem", true, Map.of("ruleset.properties", "name=reload\nversion=" + v + "\n",
                "r.drl", TestRulesets.HEADER + "rule \"Worth " + v + "\" @kind(soft) @points(" + v + ")\n"
                        + "when Account( employees > 100 ) then end\n"
                        + "rule \"Second rule\" @kind(soft) @points(" + v + ")\n"
                        + "when Account( employees > 100 ) then end\n"));
    }

    static RulesetSource broken() {
        return RulesetSource.of("mem", true, Map.of("ruleset.properties", "name=reload\nversion=bad\n",
                "r.drl", TestRulesets.HEADER + "rule \"Broken\" @kind(soft) @points(1)\nwhen Account( nope > 1 ) then end\n"));
    }

    static ReloadingFitEngine start(int v) {
        AtomicReference<RulesetSource> src = new AtomicReference<>(version(v));
        return ReloadingFitEngine.of(src::get, IcpRules.builder());
    }

    @Test
    void swapRejectAndUnchanged() {
        try (ReloadingFitEngine engine = start(1)) {
            assertThat(engine.evaluate(ACCOUNT, AS_OF).score()).isEqualByComparingTo("2");
            ReloadResult swapped = engine.reload(version(7));
            assertThat(swapped.status()).isEqualTo(ReloadResult.Status.SWAPPED);
            assertThat(swapped.previous()).get().satisfies(p -> assertThat(p.version()).isEqualTo("1"));
            FitResult after = engine.evaluate(ACCOUNT, AS_OF);
            assertThat(after.score()).isEqualByComparingTo("14");
            assertThat(after.ruleset().version()).isEqualTo("7");

            ReloadResult rejected = engine.reload(broken());
            assertThat(rejected.status()).isEqualTo(ReloadResult.Status.REJECTED);
            assertThat(rejected.diagnostics()).anySatisfy(d -> assertThat(d.toString()).contains("r.drl:6"));
            assertThat(rejected.serving().version()).isEqualTo("7");
            assertThat(engine.evaluate(ACCOUNT, AS_OF).ruleset().version()).isEqualTo("7");

            assertThat(engine.reload(version(7)).status()).isEqualTo(ReloadResult.Status.UNCHANGED);
        }
    }

    @Test
    void concurrentEvaluationsNeverSeeAMixOfVersions() throws Exception {
        try (ReloadingFitEngine engine = start(1)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong checked = new AtomicLong();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<AccountFacts> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(AccountFacts.of(Account.builder("b" + i).employees(101 + i).build()));
            }
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                final boolean batches = t % 2 == 0;
                Thread th = new Thread(() -> {
                    try {
                        while (!stop.get()) {
                            if (batches) {
                                List<Outcome> out = engine.evaluateAll(batch, AS_OF);
                                String version = out.get(0).result().orElseThrow().ruleset().version();
                                for (Outcome o : out) {
                                    FitResult r = o.result().orElseThrow();
                                    assertThat(r.ruleset().version()).isEqualTo(version); // one version per batch
                                    assertScoreMatchesVersion(r);
                                }
                            } else {
                                assertScoreMatchesVersion(engine.evaluate(ACCOUNT, AS_OF));
                            }
                            checked.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                threads.add(th);
                th.start();
            }
            int swaps = 0;
            int attempts = 0;
            // -Dicp.soak.seconds=600 turns this into a soak run; CI runs a fixed 38 reloads.
            long soakNanos = TimeUnit.SECONDS.toNanos(Long.getLong("icp.soak.seconds", 0L));
            long soakEnd = System.nanoTime() + soakNanos;
            for (int i = 2; i < 40 || System.nanoTime() < soakEnd; i++) {
                attempts++;
                ReloadResult r = engine.reload(i % 5 == 0 ? broken() : version(i));
                if (r.status() == ReloadResult.Status.SWAPPED) {
                    swaps++;
                }
            }
            stop.set(true);
            for (Thread th : threads) {
                th.join(30_000);
                assertThat(th.isAlive()).as("no deadlock").isFalse();
            }
            assertThat(failures).isEmpty();
            // versions 2 .. attempts+1 were offered; every multiple of 5 is broken and rejected
            assertThat(swaps).isEqualTo(attempts - (attempts + 1) / 5);
            assertThat(checked.get()).isGreaterThan(40);
        }
    }

    private static void assertScoreMatchesVersion(FitResult r) {
        int v = Integer.parseInt(r.ruleset().version());
        assertThat(r.score()).isEqualByComparingTo(BigDecimal.valueOf(2L * v));
        assertThat(r.ledger()).allSatisfy(l -> assertThat(l.points()).isEqualByComparingTo(BigDecimal.valueOf(v)));
    }

    @Test
    void replacedVersionsAreGarbageCollected() throws Exception {
        try (ReloadingFitEngine engine = start(1)) {
            List<WeakReference<FitEngine>> replaced = new ArrayList<>();
            Runtime rt = Runtime.getRuntime();
            long baseline = 0;
            for (int i = 2; i <= 120; i++) {
                replaced.add(new WeakReference<>(engine.current()));
                assertThat(engine.reload(version(i)).status()).isEqualTo(ReloadResult.Status.SWAPPED);
                engine.evaluate(ACCOUNT, AS_OF);
                if (i == 20) {
                    baseline = usedAfterGc(rt);
                }
            }
            long end = usedAfterGc(rt);
            long alive = replaced.stream().filter(w -> w.get() != null).count();
            assertThat(alive).as("replaced engines still reachable").isLessThanOrEqualTo(1);
            assertThat(end - baseline).as("heap growth over 100 reloads").isLessThan(32L * 1024 * 1024);
        }
    }

    private static long usedAfterGc(Runtime rt) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void watchedFolderReloadsOnChange(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ruleset.properties"), "name=watched\nversion=1\n");
        Files.writeString(dir.resolve("r.drl"), TestRulesets.HEADER + "rule \"A\" @kind(soft) @points(10)\nwhen Account() then end\n");
        BlockingQueue<ReloadResult> results = new LinkedBlockingQueue<>();
        try (ReloadingFitEngine engine = ReloadingFitEngine.watching(dir, IcpRules.builder(), Duration.ofMillis(200),
                results::add)) {
            assertThat(engine.evaluate(ACCOUNT, AS_OF).score()).isEqualByComparingTo("10");
            Files.writeString(dir.resolve("ruleset.properties"), "name=watched\nversion=2\n");
            Files.writeString(dir.resolve("r.drl"), TestRulesets.HEADER + "rule \"A\" @kind(soft) @points(25)\nwhen Account() then end\n");
            ReloadResult r = awaitStatus(results, ReloadResult.Status.SWAPPED);
            assertThat(r.serving().version()).isEqualTo("2");
            assertThat(engine.evaluate(ACCOUNT, AS_OF).score()).isEqualByComparingTo("25");

            Files.writeString(dir.resolve("r.drl"), TestRulesets.HEADER + "rule \"A\" @kind(soft) @points(oops)\nwhen Account() then end\n");
            ReloadResult bad = awaitStatus(results, ReloadResult.Status.REJECTED);
            assertThat(bad.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("@points(oops) is not a number"));
            assertThat(engine.evaluate(ACCOUNT, AS_OF).score()).isEqualByComparingTo("25");
        }
    }

    private static ReloadResult awaitStatus(BlockingQueue<ReloadResult> q, ReloadResult.Status status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            ReloadResult r = q.poll(100, TimeUnit.MILLISECONDS);
            if (r != null && r.status() == status) {
                return r;
            }
        }
        throw new AssertionError("no " + status + " reload within 30 s");
    }
}

package io.icprules.drools;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.ReloadResult;
import io.icprules.engine.ReloadingFitEngine;
import io.icprules.engine.RulesetSource;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.result.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One lifecycle for every engine method, null arguments named, and batches on the caller's executor. */
class LifecycleTest {

    private static final LocalDate AS_OF = ReloadTest.AS_OF;

    private static List<AccountFacts> accounts(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> AccountFacts.of(Account.builder("a" + i).employees(50 + i * 10).build()))
                .toList();
    }

    @Test
    void everyEvaluationMethodThrowsAfterClose() {
        FitEngine engine = ReloadTest.start(1).current();
        engine.close();
        List<AccountFacts> list = accounts(3);
        assertThatThrownBy(() -> engine.evaluate(list.get(0), AS_OF)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> engine.evaluateAll(list, AS_OF))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertThatThrownBy(() -> engine.evaluateAll(list, AS_OF, pool)).isInstanceOf(IllegalStateException.class);
        } finally {
            pool.shutdown();
        }
        assertThatThrownBy(() -> {
            try (Stream<Outcome> s = engine.evaluateStream(list.stream(), AS_OF)) {
                s.count();
            }
        }).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> engine.evaluateIterator(list.iterator(), AS_OF).next())
                .isInstanceOf(IllegalStateException.class);
        engine.close(); // idempotent
    }

    @Test
    void aClosedReloadingEngineRefusesReloadsAndNeverSwapsInAnUnclosedEngine() {
        AtomicReference<RulesetSource> src = new AtomicReference<>(ReloadTest.version(1));
        AtomicInteger reads = new AtomicInteger();
        ReloadingFitEngine engine = ReloadingFitEngine.of(() -> {
            reads.incrementAndGet();
            return src.get();
        }, IcpRules.builder());
        FitEngine first = engine.current();
        engine.close();
        src.set(ReloadTest.version(2));
        int before = reads.get();
        assertThatThrownBy(engine::reload).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> engine.reload(ReloadTest.version(3))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> engine.evaluateAll(accounts(2), AS_OF)).isInstanceOf(IllegalStateException.class);
        assertThat(reads.get()).as("the source is not read again").isEqualTo(before);
        assertThat(engine.current()).as("nothing was swapped in").isSameAs(first);
        assertThatThrownBy(() -> first.evaluate(accounts(1).get(0), AS_OF)).isInstanceOf(IllegalStateException.class);
        engine.close(); // idempotent
    }

    @Test
    void nullArgumentsAreNamedAndANullElementIsRefusedBeforeAnythingRuns() {
        try (FitEngine engine = ReloadTest.start(1).current()) {
            assertThatThrownBy(() -> engine.evaluateAll(null, AS_OF))
                    .isInstanceOf(NullPointerException.class).hasMessage("accounts");
            assertThatThrownBy(() -> engine.evaluateAll(accounts(1), null))
                    .isInstanceOf(NullPointerException.class).hasMessage("asOf");
            assertThatThrownBy(() -> engine.evaluateAll(accounts(1), AS_OF, null))
                    .isInstanceOf(NullPointerException.class).hasMessage("executor");
            List<AccountFacts> withNull = new ArrayList<>(accounts(3));
            withNull.set(1, null);
            assertThatThrownBy(() -> engine.evaluateAll(withNull, AS_OF))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("accounts: the element at index 1 is null");
            assertThatThrownBy(() -> {
                try (Stream<Outcome> s = engine.evaluateStream(withNull.stream(), AS_OF, 2)) {
                    s.count();
                }
            }).isInstanceOf(NullPointerException.class).hasMessageContaining("index 1");
        }
    }

    @Test
    void evaluateAllRunsOnTheCallersExecutorWithTheSameOutcomes() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger made = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "service-" + made.incrementAndGet()));
        try (FitEngine engine = ReloadTest.start(1).current()) {
            List<AccountFacts> list = accounts(40);
            List<Outcome> onPool = engine.evaluateAll(list, AS_OF, task -> pool.execute(() -> {
                threads.add(Thread.currentThread().getName());
                task.run();
            }));
            List<Outcome> common = engine.evaluateAll(list, AS_OF);
            assertThat(onPool).hasSize(40);
            for (int i = 0; i < 40; i++) {
                assertThat(onPool.get(i).index()).isEqualTo(i);
                assertThat(onPool.get(i).accountId()).isEqualTo("a" + i);
                assertThat(onPool.get(i).result()).isEqualTo(common.get(i).result());
            }
            assertThat(threads).isNotEmpty().allMatch(t -> t.startsWith("service-"));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anExecutorThatRejectsLeavesTheWorkToTheCaller() {
        try (FitEngine engine = ReloadTest.start(1).current()) {
            List<Outcome> outcomes = engine.evaluateAll(accounts(5), AS_OF, task -> {
                throw new java.util.concurrent.RejectedExecutionException("full");
            });
            assertThat(outcomes).hasSize(5).allMatch(Outcome::isSuccess);
        }
    }

    @Test
    void theWatchersListenerHearsOnlyTheWatchersReloads(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ruleset.properties"), "name=watch\nversion=1\n");
        Files.writeString(dir.resolve("r.drl"), TestRulesets.HEADER
                + "rule \"One\" @kind(soft) @points(1)\nwhen Account( employees > 100 ) then end\n");
        List<ReloadResult> watcherHeard = new CopyOnWriteArrayList<>();
        List<ReloadResult> everyoneHeard = new CopyOnWriteArrayList<>();
        try (ReloadingFitEngine engine = ReloadingFitEngine.watching(dir, IcpRules.builder(), Duration.ofMillis(100),
                watcherHeard::add)) {
            engine.addListener(everyoneHeard::add);
            ReloadResult manual = engine.reload();
            assertThat(manual.status()).isEqualTo(ReloadResult.Status.UNCHANGED);
            assertThat(everyoneHeard).containsExactly(manual);
            assertThat(watcherHeard).as("a manual reload is not the watcher's").isEmpty();

            Files.writeString(dir.resolve("ruleset.properties"), "name=watch\nversion=2\n");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (watcherHeard.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(watcherHeard).isNotEmpty();
            assertThat(watcherHeard.get(watcherHeard.size() - 1).status()).isEqualTo(ReloadResult.Status.SWAPPED);
            assertThat(everyoneHeard).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aRejectedReloadIsLoggedThroughSlf4j() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (ReloadingFitEngine engine = ReloadTest.start(1)) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            ReloadResult r = engine.reload(ReloadTest.broken());
            assertThat(r.status()).isEqualTo(ReloadResult.Status.REJECTED);
        } finally {
            System.setErr(original);
        }
        // slf4j-simple's layout ("WARN logger - message"), not java.util.logging's two-line one.
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("WARN io.icprules.engine.ReloadingFitEngine - new version rejected with 1 error(s)");
    }

    @Test
    void resultsKeepTheirOrderWhenTheExecutorRunsSlicesOutOfOrder() {
        List<Runnable> queued = Collections.synchronizedList(new ArrayList<>());
        try (FitEngine engine = ReloadTest.start(1).current()) {
            Thread runner = new Thread(() -> {
                // Runs the queued slices last first, once all are in.
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (queued.size() < 2 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                Runnable[] tasks = queued.toArray(Runnable[]::new);
                Collections.reverse(Arrays.asList(tasks));
                for (Runnable t : tasks) {
                    t.run();
                }
            });
            runner.start();
            List<Outcome> outcomes = engine.evaluateAll(accounts(10), AS_OF, queued::add);
            assertThat(outcomes).extracting(Outcome::accountId)
                    .containsExactly("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9");
        }
    }
}

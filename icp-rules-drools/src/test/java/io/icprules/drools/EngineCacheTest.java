package io.icprules.drools;

import io.icprules.engine.EngineCache;
import io.icprules.engine.EngineSettings;
import io.icprules.engine.FitEngine;
import io.icprules.spi.FitEngineProvider;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.error.RulesetException;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.result.Decision;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Workers compile a shipped ruleset once and share the engine; failures are remembered too. */
class EngineCacheTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    /** The real Drools provider, counting how often it compiles. */
    private static final class CountingProvider implements FitEngineProvider {
        final AtomicInteger compilations = new AtomicInteger();
        private final FitEngineProvider real = new DroolsEngineProvider();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public FitEngine create(RulesetSource source, EngineSettings settings) {
            compilations.incrementAndGet();
            return real.create(source, settings);
        }
    }

    private static RulesetSource ruleset(int points) {
        return TestRulesets.basic()
                .drl("r.drl", "rule \"Retail\" @kind(soft) @points(" + points + ")\n"
                        + "when Account( industry == \"Retail\" ) then end\n")
                .source();
    }

    private static RulesetSource broken() {
        return TestRulesets.basic()
                .drl("r.drl", "rule \"Typo\" @kind(soft) @points(5)\nwhen Account( industri == \"Retail\" ) then end\n")
                .source();
    }

    @Test
    void compilesEachRulesetOnceEvenWhenManyThreadsAskAtOnce() throws Exception {
        CountingProvider provider = new CountingProvider();
        try (EngineCache cache = new EngineCache(provider)) {
            RulesetSource source = ruleset(20);
            int threads = 8;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<FitEngine>> got = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    // Each thread gets its own copy, as a task deserialises its own.
                    RulesetSource copy = roundTrip(source);
                    got.add(pool.submit(() -> {
                        start.await();
                        return cache.get(copy);
                    }));
                }
                start.countDown();
                FitEngine first = got.get(0).get();
                for (Future<FitEngine> f : got) {
                    assertThat(f.get()).isSameAs(first);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(provider.compilations).hasValue(1);
            assertThat(cache.size()).isEqualTo(1);

            // Another ruleset, or other settings, is another engine.
            FitEngine other = cache.get(ruleset(30));
            FitEngine limited = cache.get(source, IcpRules.builder().maxFiringsPerAccount(5).settings());
            assertThat(other).isNotSameAs(cache.get(source)).isNotSameAs(limited);
            assertThat(provider.compilations).hasValue(3);
            AccountFacts retail = AccountFacts.of(Account.builder("a").industry("Retail").build());
            assertThat(cache.get(source).evaluate(retail, AS_OF).score()).isEqualByComparingTo("20.0");
            assertThat(other.evaluate(retail, AS_OF).score()).isEqualByComparingTo("30.0");
        }
    }

    @Test
    void aRulesetThatDoesNotCompileFailsEveryTimeWithTheSameDiagnosticsWithoutRecompiling() {
        CountingProvider provider = new CountingProvider();
        try (EngineCache cache = new EngineCache(provider)) {
            RulesetException first = catchThrowableOfType(RulesetException.class, () -> cache.get(broken()));
            assertThat(first.diagnostics()).anySatisfy(d -> {
                assertThat(d.file()).isEqualTo("r.drl");
                assertThat(d.message()).contains("industri");
            });
            assertThatThrownBy(() -> cache.get(broken())).isSameAs(first);
            assertThat(provider.compilations).hasValue(1);
        }
    }

    @Test
    void handedOutEnginesIgnoreCloseUntilTheCacheIsCleared() {
        try (EngineCache cache = new EngineCache()) {
            RulesetSource source = ruleset(10);
            FitEngine engine = cache.get(source);
            AccountFacts retail = AccountFacts.of(Account.builder("a").industry("Retail").build());
            engine.close();
            assertThat(cache.get(source)).isSameAs(engine);
            assertThat(engine.evaluate(retail, AS_OF).decision()).isEqualTo(Decision.FIT);

            cache.clear();
            assertThat(cache.size()).isZero();
            assertThatThrownBy(() -> engine.evaluate(retail, AS_OF)).isInstanceOf(IllegalStateException.class);
            assertThat(cache.get(source)).isNotSameAs(engine);
        }
    }

    @Test
    void theSharedCacheUsesTheEngineOnTheClassPath() {
        RulesetSource source = ruleset(15);
        FitEngine engine = EngineCache.shared().get(source);
        assertThat(EngineCache.shared().get(roundTrip(source))).isSameAs(engine);
        assertThat(engine.ruleset().contentHash()).isEqualTo(source.contentHash());
    }

    private static RulesetSource roundTrip(RulesetSource source) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(source);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (RulesetSource) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}

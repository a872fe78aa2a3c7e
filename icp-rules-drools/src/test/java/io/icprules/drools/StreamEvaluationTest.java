package io.icprules.drools;

import io.icprules.engine.FitEngine;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.result.Outcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streams are evaluated in chunks on daemon threads: order kept, failures kept, early close honoured. */
class StreamEvaluationTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private static FitEngine engine() {
        return TestRulesets.basic().drl("r.drl", ""
                + "rule \"Size\" @kind(soft) @points(10)\nwhen Account( employees >= 50 ) then end\n"
                + "rule \"Boom\" @kind(soft) @points(1)\n"
                + "when Account( industry == \"Boom\" ) then throw new IllegalStateException(\"kaboom\"); end\n").engine();
    }

    private static AccountFacts account(int i) {
        return AccountFacts.of(Account.builder("a-" + i).employees(i % 100).industry(i == 4321 ? "Boom" : "Retail").build());
    }

    @Test
    void severalChunksInOrderWithTheFailingAccountInItsPlace() {
        try (FitEngine engine = engine();
             Stream<Outcome> out = engine.evaluateStream(IntStream.range(0, 7000).mapToObj(StreamEvaluationTest::account), AS_OF)) {
            List<Outcome> outcomes = out.toList();
            assertThat(outcomes).hasSize(7000);
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome o = outcomes.get(i);
                assertThat(o.index()).isEqualTo(i);
                assertThat(o.accountId()).isEqualTo("a-" + i);
                if (i == 4321) {
                    assertThat(o.error()).get().extracting(Throwable::getMessage).asString().contains("kaboom");
                } else {
                    assertThat(o.result().orElseThrow().score()).isEqualByComparingTo(i % 100 >= 50 ? "10" : "0");
                }
            }
        }
    }

    @Test
    void closingEarlyClosesTheInputAndReadsNoFurther() {
        AtomicBoolean closed = new AtomicBoolean();
        AtomicLong read = new AtomicLong();
        try (FitEngine engine = engine()) {
            Stream<AccountFacts> in = IntStream.range(0, 1_000_000).mapToObj(i -> {
                read.incrementAndGet();
                return account(i);
            }).onClose(() -> closed.set(true));
            try (Stream<Outcome> out = engine.evaluateStream(in, AS_OF)) {
                assertThat(out.limit(10).map(Outcome::index).toList()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            }
            assertThat(closed).isTrue();
            // Two chunks at most were read ahead, not the million.
            assertThat(read.get()).isLessThanOrEqualTo(2 * 2048);
            // The engine is still usable after an abandoned stream.
            assertThat(engine.evaluate(account(60), AS_OF).score()).isEqualByComparingTo("10");
        }
    }

    @Test
    void evaluationThreadsAreDaemonsOfTheStreamAndEndWithIt() throws InterruptedException {
        try (FitEngine engine = engine()) {
            List<Thread> before = batchThreads(); // of other streams, ending
            Stream<Outcome> out = engine.evaluateStream(IntStream.range(0, 100_000).mapToObj(StreamEvaluationTest::account),
                    AS_OF, 2);
            assertThat(out.limit(5).count()).isEqualTo(5);
            List<Thread> workers = batchThreads().stream().filter(t -> !before.contains(t)).toList();
            assertThat(workers).hasSizeBetween(1, 2).allMatch(Thread::isDaemon);
            out.close();
            for (Thread t : workers) {
                t.join(10_000);
                assertThat(t.isAlive()).as("%s after the stream was closed", t.getName()).isFalse();
            }
        }
    }

    @Test
    void oneThreadGivesTheSameOutcomesAndZeroIsRefused() {
        try (FitEngine engine = engine()) {
            List<Outcome> one = engine.evaluateStream(IntStream.range(0, 3000).mapToObj(StreamEvaluationTest::account), AS_OF, 1)
                    .toList();
            List<Outcome> all = engine.evaluateStream(IntStream.range(0, 3000).mapToObj(StreamEvaluationTest::account), AS_OF)
                    .toList();
            assertThat(one).hasSize(3000);
            assertThat(one.stream().map(o -> o.result().map(r -> r.score()).orElse(null)).toList())
                    .isEqualTo(all.stream().map(o -> o.result().map(r -> r.score()).orElse(null)).toList());
            assertThatThrownBy(() -> engine.evaluateStream(Stream.of(account(1)), AS_OF, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        }
    }

    private static List<Thread> batchThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("icp-rules-batch-") && t.isAlive()).toList();
    }
}

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
    void evaluationThreadsNeverKeepTheJvmAlive() {
        try (FitEngine engine = engine()) {
            engine.evaluateStream(IntStream.range(0, 100).mapToObj(StreamEvaluationTest::account), AS_OF).count();
        }
        assertThat(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("icp-rules-batch-")))
                .isNotEmpty()
                .allMatch(Thread::isDaemon);
    }
}

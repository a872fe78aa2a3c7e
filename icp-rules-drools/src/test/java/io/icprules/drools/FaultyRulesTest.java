package io.icprules.drools;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.error.EvaluationException;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.result.Outcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule that throws or loops is reported with the rule and account, and the batch goes on. */
class FaultyRulesTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    @Test
    void throwingConsequenceNamesRuleAndAccount() {
        try (FitEngine engine = TestRulesets.basic().drl("t.drl", ""
                + "rule \"Explodes\" @kind(soft) @points(1)\n"
                + "when Account( industry == \"Boom\" ) then throw new IllegalStateException(\"kaboom\"); end\n"
                + "rule \"Fine\" @kind(soft) @points(5)\nwhen Account() then end\n").engine()) {
            assertThatThrownBy(() -> engine.evaluate(AccountFacts.of(Account.builder("acc-9").industry("Boom").build()), AS_OF))
                    .isInstanceOfSatisfying(EvaluationException.class, e -> {
                        assertThat(e.accountId()).isEqualTo("acc-9");
                        assertThat(e.ruleName()).contains("Explodes");
                        assertThat(e.getMessage()).contains("Account acc-9, rule \"Explodes\"").contains("kaboom");
                    });
            // the engine stays usable
            assertThat(engine.evaluate(AccountFacts.of(Account.builder("ok").build()), AS_OF).score())
                    .isEqualByComparingTo("5");
        }
    }

    @Test
    void throwingConditionIsReportedWithTheAccount() {
        try (FitEngine engine = TestRulesets.basic().drl("c.drl", ""
                + "rule \"Divides\" @kind(soft) @points(1)\n"
                + "when Account( employees / (employees - 10) > 1 ) then end\n").engine()) {
            assertThatThrownBy(() -> engine.evaluate(AccountFacts.of(Account.builder("z").employees(10).build()), AS_OF))
                    .isInstanceOfSatisfying(EvaluationException.class, e -> {
                        assertThat(e.accountId()).isEqualTo("z");
                        assertThat(e.ruleName()).contains("Divides");
                    });
        }
    }

    @Test
    void loopingRuleIsStoppedByTheFiringLimit() {
        try (FitEngine engine = IcpRules.builder().maxFiringsPerAccount(500).ruleset(TestRulesets.basic().drl("l.drl", ""
                + "rule \"Loops\" @kind(soft) @points(1)\n"
                + "when $a : Account() then update($a); end\n").source()).build()) {
            assertThatThrownBy(() -> engine.evaluate(AccountFacts.of(Account.builder("loop-1").build()), AS_OF))
                    .isInstanceOfSatisfying(EvaluationException.class, e -> {
                        assertThat(e.ruleName()).contains("Loops");
                        assertThat(e.getMessage()).contains("stopped after rule \"Loops\" fired")
                                .contains("limit 500 per account").contains("add no-loop");
                    });
        }
    }

    @Test
    void ruleInsertingFactsWithoutEndIsStopped() {
        try (FitEngine engine = TestRulesets.basic().drl("i.drl", ""
                + "declare Tick n : int end\n"
                + "rule \"Start\" @kind(soft) @points(1)\nwhen Account( industry == \"Loop\" ) then insert(new Tick(0)); end\n"
                + "rule \"Grows\" @kind(soft) @points(1)\nwhen $t : Tick() then insert(new Tick($t.getN() + 1)); end\n")
                .engine()) {
            assertThatThrownBy(() -> engine.evaluate(AccountFacts.of(Account.builder("grow").industry("Loop").build()), AS_OF))
                    .isInstanceOfSatisfying(EvaluationException.class, e -> {
                        assertThat(e.ruleName()).contains("Grows");
                        assertThat(e.getMessage()).contains("the rules' consequences inserted 10001 facts (limit 10000"
                                + " per account)").contains("by rule \"Grows\"");
                    });
            // the session that overflowed is thrown away: the next account starts clean
            assertThat(engine.evaluate(AccountFacts.of(Account.builder("again").build()), AS_OF).ledger()).isEmpty();
        }
    }

    @Test
    void slowRulesAreStoppedByTheTimeBudget() {
        try (FitEngine engine = IcpRules.builder().timeBudgetPerAccount(java.time.Duration.ofMillis(100))
                .ruleset(TestRulesets.basic().drl("s.drl", ""
                        + "rule \"Slow per event\" @kind(soft) @points(1)\n"
                        + "when Event() then Thread.sleep(20); end\n"
                        + "rule \"Quick\" @kind(soft) @points(3)\nwhen Account() then end\n").source()).build()) {
            List<io.icprules.fact.Event> events = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++) {
                events.add(io.icprules.fact.Event.builder("intent_surge", AS_OF.minusDays(i)).build());
            }
            long start = System.nanoTime();
            assertThatThrownBy(() -> engine.evaluate(AccountFacts.of(Account.builder("slow-1").build(), events, List.of()), AS_OF))
                    .isInstanceOfSatisfying(EvaluationException.class, e -> {
                        assertThat(e.accountId()).isEqualTo("slow-1");
                        assertThat(e.ruleName()).contains("Slow per event");
                        assertThat(e.getMessage()).contains("time budget of 100 ms");
                    });
            assertThat(System.nanoTime() - start).as("stopped long before 100 x 20 ms").isLessThan(1_500_000_000L);
            assertThat(engine.evaluate(AccountFacts.of(Account.builder("fast").build()), AS_OF).score()).isEqualByComparingTo("3");
        }
    }

    @Test
    void batchGivesOneOutcomePerAccountAndKeepsGoing() {
        try (FitEngine engine = TestRulesets.basic().drl("t.drl", ""
                + "rule \"Explodes\" @kind(soft) @points(1)\n"
                + "when Account( industry == \"Boom\" ) then throw new IllegalStateException(\"kaboom\"); end\n"
                + "rule \"Fine\" @kind(soft) @points(5)\nwhen Account() then end\n").engine()) {
            List<AccountFacts> batch = List.of(
                    AccountFacts.of(Account.builder("a").build()),
                    AccountFacts.of(Account.builder("b").industry("Boom").build()),
                    AccountFacts.of(Account.builder("c").build()));
            List<Outcome> out = engine.evaluateAll(batch, AS_OF);
            assertThat(out).extracting(Outcome::accountId).containsExactly("a", "b", "c");
            assertThat(out).extracting(Outcome::index).containsExactly(0L, 1L, 2L);
            assertThat(out).extracting(Outcome::isSuccess).containsExactly(true, false, true);
            assertThat(out.get(1).error()).get().satisfies(e -> assertThat(e.ruleName()).contains("Explodes"));
        }
    }

    @Test
    void closedEngineRefusesWork() {
        FitEngine engine = TestRulesets.basic().drl("f.drl", "rule \"F\" @kind(hard)\nwhen Account() then end\n").engine();
        engine.close();
        assertThatThrownBy(() -> engine.evaluate(AccountFacts.of(Account.builder("x").build()), AS_OF))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}

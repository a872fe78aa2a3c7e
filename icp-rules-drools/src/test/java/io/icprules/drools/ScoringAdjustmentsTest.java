package io.icprules.drools;

import io.icprules.engine.FitEngine;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import io.icprules.result.RuleKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Activation-group bands, group caps, the 0..100 clamp and tiers, with the real engine. */
class ScoringAdjustmentsTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    static FitResult eval(FitEngine engine, Account a) {
        return engine.evaluate(AccountFacts.of(a), AS_OF);
    }

    @Test
    void activationGroupCountsOnlyTheHighestSalienceBand() {
        try (FitEngine engine = TestRulesets.basic().drl("bands.drl", ""
                + "rule \"Headcount 50-200\" @kind(soft) @points(10) activation-group \"headcount\" salience 10\n"
                + "when Account( employees >= 50, employees <= 200 ) then end\n"
                + "rule \"Headcount 150-500\" @kind(soft) @points(25) activation-group \"headcount\" salience 20\n"
                + "when Account( employees >= 150, employees <= 500 ) then end\n"
                + "rule \"Any headcount\" @kind(soft) @points(1) activation-group \"headcount\" salience 1\n"
                + "when Account( employees > 0 ) then end\n").engine()) {
            FitResult both = eval(engine, Account.builder("b1").employees(180).build());
            assertThat(both.ledger()).extracting(LedgerLine::rule).containsExactly("Headcount 150-500");
            assertThat(both.score()).isEqualByComparingTo("25");
            FitResult low = eval(engine, Account.builder("b2").employees(60).build());
            assertThat(low.ledger()).extracting(LedgerLine::rule).containsExactly("Headcount 50-200");
            FitResult tiny = eval(engine, Account.builder("b3").employees(3).build());
            assertThat(tiny.ledger()).extracting(LedgerLine::rule).containsExactly("Any headcount");
        }
    }

    @Test
    void groupCapAddsAnAdjustmentLine() {
        try (FitEngine engine = TestRulesets.manifest("name=caps\nversion=1\ncap.stack=25\n").drl("stack.drl", ""
                + "rule \"Shopify\" @kind(soft) @points(15) @group(stack)\n"
                + "when Account( technologies contains \"Shopify\" ) then end\n"
                + "rule \"Square POS\" @kind(soft) @points(15) @group(stack)\n"
                + "when Account( technologies contains \"Square POS\" ) then end\n"
                + "rule \"Slack\" @kind(soft) @points(5) @group(stack)\n"
                + "when Account( technologies contains \"Slack\" ) then end\n"
                + "rule \"Retail\" @kind(soft) @points(10)\n"
                + "when Account( industry == \"Retail\" ) then end\n").engine()) {
            FitResult r = eval(engine, Account.builder("c1").industry("Retail")
                    .technology("Shopify").technology("Square POS").technology("Slack").build());
            assertThat(r.score()).isEqualByComparingTo("35.0");
            assertThat(r.line("cap: stack")).get().satisfies(l -> {
                assertThat(l.kind()).isEqualTo(RuleKind.ADJUSTMENT);
                assertThat(l.points()).isEqualByComparingTo("-10.0");
                assertThat(l.reason()).isEqualTo("Group stack is capped at 25 points (its signals totalled 35.0)");
            });
            assertThat(r.ledger()).last().extracting(LedgerLine::rule).isEqualTo("cap: stack");
            FitResult under = eval(engine, Account.builder("c2").technology("Shopify").build());
            assertThat(under.line("cap: stack")).isEmpty();
            assertThat(under.score()).isEqualByComparingTo("15");
        }
    }

    @Test
    void totalsOutside0To100AreClampedByAVisibleLine() {
        try (FitEngine engine = TestRulesets.basic().drl("big.drl", ""
                + "rule \"Huge\" @kind(soft) @points(70)\nwhen Account( employees > 1000 ) then end\n"
                + "rule \"Also huge\" @kind(soft) @points(45)\nwhen Account( employees > 2000 ) then end\n"
                + "rule \"Terrible\" @kind(soft) @points(-30)\nwhen Account( industry == \"Gambling\" ) then end\n").engine()) {
            FitResult high = eval(engine, Account.builder("h").employees(5000).build());
            assertThat(high.score()).isEqualByComparingTo("100");
            assertThat(high.line("clamp")).get().satisfies(l -> {
                assertThat(l.points()).isEqualByComparingTo("-15");
                assertThat(l.reason()).isEqualTo("Score capped at 100 (rules totalled 115.0)");
            });
            FitResult low = eval(engine, Account.builder("l").industry("Gambling").build());
            assertThat(low.score()).isEqualByComparingTo("0");
            assertThat(low.line("clamp")).get().satisfies(l -> assertThat(l.points()).isEqualByComparingTo("30"));
            assertThat(low.line("Terrible")).get().satisfies(l -> assertThat(l.points()).isEqualByComparingTo("-30"));
        }
    }

    @Test
    void tiersFollowTheManifestCutoffs() {
        try (FitEngine engine = TestRulesets.manifest("name=t\nversion=1\ntiers=Gold:85, Silver:50, Bronze:0\n")
                .drl("p.drl", ""
                        + "rule \"Ninety\" @kind(soft) @points(90)\nwhen Account( employees == 90 ) then end\n"
                        + "rule \"Fifty\" @kind(soft) @points(50)\nwhen Account( employees == 50 ) then end\n"
                        + "rule \"Fortynine\" @kind(soft) @points(49.9)\nwhen Account( employees == 49 ) then end\n")
                .engine()) {
            assertThat(eval(engine, Account.builder("g").employees(90).build()).tier()).isEqualTo("Gold");
            assertThat(eval(engine, Account.builder("s").employees(50).build()).tier()).isEqualTo("Silver");
            assertThat(eval(engine, Account.builder("b").employees(49).build()).tier()).isEqualTo("Bronze");
        }
    }

    @Test
    void defaultTiersAreA80B60C40D() {
        try (FitEngine engine = TestRulesets.basic().drl("p.drl", ""
                + "rule \"Points\" @kind(soft) @points(80)\nwhen Account( employees == 80 ) then end\n"
                + "rule \"Sixty\" @kind(soft) @points(59.9)\nwhen Account( employees == 59 ) then end\n").engine()) {
            assertThat(eval(engine, Account.builder("a").employees(80).build()).tier()).isEqualTo("A");
            assertThat(eval(engine, Account.builder("c").employees(59).build()).tier()).isEqualTo("C");
            assertThat(eval(engine, Account.builder("d").employees(1).build()).tier()).isEqualTo("D");
        }
    }

    @Test
    void perEventTriggerCountsEveryEvent() {
        try (FitEngine engine = TestRulesets.basic().drl("t.drl", ""
                + "rule \"Intent\" @kind(trigger) @points(4) @perEvent\n"
                + "when Event( type == \"intent_surge\", daysAgo <= 30 ) then end\n").engine()) {
            FitResult r = engine.evaluate(AccountFacts.of(Account.builder("p").build(), java.util.List.of(
                    io.icprules.fact.Event.builder("intent_surge", AS_OF.minusDays(2)).build(),
                    io.icprules.fact.Event.builder("intent_surge", AS_OF.minusDays(9)).build(),
                    io.icprules.fact.Event.builder("intent_surge", AS_OF.minusDays(60)).build()), java.util.List.of()), AS_OF);
            assertThat(r.ledger()).hasSize(2);
            assertThat(r.score()).isEqualByComparingTo("8");
        }
    }
}

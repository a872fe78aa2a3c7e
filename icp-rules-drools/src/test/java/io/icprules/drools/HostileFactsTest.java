package io.icprules.drools;

import io.icprules.engine.FitEngine;
import io.icprules.error.EvaluationException;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Event;
import io.icprules.result.FitResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accounts nobody cleaned: every one has a defined outcome, and evaluation stays bounded. */
class HostileFactsTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    static FitEngine engine;

    @BeforeAll
    static void compile() {
        engine = TestRulesets.basic().drl("r.drl", ""
                + "rule \"Size\" @kind(hard)\nwhen Account( employees >= 50 ) then end\n"
                + "rule \"Uses Toast\" @kind(soft) @points(10)\nwhen Account( technologies contains \"Toast\" ) then end\n"
                + "rule \"Funding\" @kind(trigger) @points(20) @halfLife(P30D)\nwhen Event( type == \"funding_round\", daysAgo <= 365 ) then end\n"
                + "rule \"Any intent\" @kind(trigger) @points(2) @perEvent\nwhen Event( type == \"intent_surge\", daysAgo <= 30 ) then end\n"
                + "rule \"Old company\" @kind(soft) @points(3)\nwhen Account( foundedYear < 1900 ) then end\n"
                + "rule \"Rich\" @kind(soft) @points(4)\nwhen Account( annualRevenue > 1000000000000 ) then end\n").engine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void extremeNumbersAndDates() {
        FitResult r = engine.evaluate(AccountFacts.of(Account.builder("big").employees(Integer.MAX_VALUE)
                .annualRevenue(Long.MAX_VALUE).foundedYear(1000).build(),
                List.of(Event.builder("funding_round", LocalDate.of(9999, 12, 31)).build(),
                        Event.builder("funding_round", LocalDate.of(1, 1, 1)).build()), List.of()), AS_OF);
        assertThat(r.score()).isEqualByComparingTo("7"); // old + rich; the year-9999 event is in the future, year 1 outside the window
        FitResult far = engine.evaluate(AccountFacts.of(Account.builder("far").employees(60).build(),
                List.of(Event.builder("funding_round", LocalDate.of(9999, 1, 1)).build()), List.of()), LocalDate.of(9999, 12, 31));
        assertThat(far.line("Funding")).get().satisfies(l -> assertThat(l.points()).isEqualByComparingTo("0.0"));
    }

    @Test
    void aMillionTechnologiesIsABoundedEvaluation() {
        List<String> tech = new ArrayList<>(1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            tech.add("tech-" + i);
        }
        tech.add("Toast");
        Account a = Account.builder("stack").employees(60).technologies(tech).build();
        long start = System.nanoTime();
        FitResult r = engine.evaluate(AccountFacts.of(a), AS_OF);
        assertThat(r.line("Uses Toast")).isPresent();
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(5_000);
    }

    @Test
    void aHundredThousandEventsThatEachFireARuleAreDataNotARunaway() {
        List<Event> events = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            events.add(Event.builder("intent_surge", AS_OF.minusDays(i % 30)).build());
        }
        AccountFacts facts = AccountFacts.of(Account.builder("noisy").employees(60).build(), events, List.of());
        // 100,000 firings caused by the account's own facts, none a re-activation: a result, within
        // the time budget, not "a rule re-activates itself".
        FitResult noisy = engine.evaluate(facts, AS_OF);
        assertThat(noisy.accountId()).isEqualTo("noisy");
        assertThat(noisy.line("Any intent")).isPresent();
        // a hundred thousand events that each fire nothing evaluate normally
        List<Event> quiet = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            quiet.add(Event.builder("merger", AS_OF.minusDays(i % 700)).build());
        }
        assertThat(engine.evaluate(AccountFacts.of(Account.builder("q").employees(60).build(), quiet, List.of()), AS_OF)
                .decision().name()).isEqualTo("FIT");
    }

    @Test
    void textInANumericAttributeIsAConditionNotMetNotAFailedAccount() {
        try (FitEngine plants = TestRulesets.basic().drl("a.drl", ""
                + "rule \"Many plants\" @kind(soft) @points(10)\nwhen Account( attributes[\"plants\"] > 5 ) then end\n"
                + "rule \"Exactly two\" @kind(soft) @points(1)\nwhen Account( attributes[\"plants\"] == 2 ) then end\n"
                + "rule \"Anyone\" @kind(soft) @points(3)\nwhen Account() then end\n").engine()) {
            FitResult na = plants.evaluate(AccountFacts.of(Account.builder("na").attribute("plants", "n/a").build()), AS_OF);
            assertThat(na.score()).isEqualByComparingTo("3");
            assertThat(na.line("Many plants")).isEmpty();
            FitResult seven = plants.evaluate(AccountFacts.of(Account.builder("seven").attribute("plants", 7).build()), AS_OF);
            assertThat(seven.score()).isEqualByComparingTo("13");
            FitResult two = plants.evaluate(AccountFacts.of(Account.builder("two").attribute("plants", 2.0).build()), AS_OF);
            assertThat(two.score()).isEqualByComparingTo("4");
            FitResult none = plants.evaluate(AccountFacts.of(Account.builder("none").build()), AS_OF);
            assertThat(none.score()).isEqualByComparingTo("3");
        }
    }
}

package io.icprules.drools;

import io.icprules.engine.FitEngine;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;
import io.icprules.result.Explanation;
import io.icprules.result.RuleCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Why-not for every rule that did not fire, and what would raise the account. */
class ExplainTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    static FitEngine engine;

    @BeforeAll
    static void compile() {
        engine = TestRulesets.basic().drl("r.drl", ""
                + "rule \"Mid-market\" @kind(hard)\nwhen Account( employees >= 100, employees <= 500 ) then end\n"
                + "rule \"Core vertical\" @kind(soft) @points(20)\nwhen Account( industry in (\"Retail\", \"Grocery\") ) then end\n"
                + "rule \"Many locations\" @kind(soft) @points(15)\nwhen Account( $n : attributes[\"locations\"], attributes[\"locations\"] >= 10 ) then end\n"
                + "rule \"Band low\" @kind(soft) @points(5) activation-group \"size\" salience 1\nwhen Account( employees >= 10 ) then end\n"
                + "rule \"Band high\" @kind(soft) @points(12) activation-group \"size\" salience 2\nwhen Account( employees >= 50 ) then end\n"
                + "rule \"Recent funding\" @kind(trigger) @points(25) @halfLife(P60D)\nwhen Event( type == \"funding_round\", daysAgo <= 180 ) then end\n"
                + "rule \"Champion\" @kind(soft) @points(8)\nwhen exists Contact( role == \"champion\" ) then end\n"
                + "rule \"No IT director\" @kind(hard)\nwhen Account()\n not Contact( department == \"it\", seniority == \"director\" ) then end\n"
                + "rule \"Competitor\" @kind(disqualifier)\nwhen Account( technologies contains \"CompetitorX\" ) then end\n"
                + "rule \"Odd\" @kind(soft) @points(3)\nwhen Account( $e : employees )\n eval( $e > 1000 ) then end\n"
                + "rule \"Guarded\" @kind(soft) @points(1)\nwhen Account( foundedYear != null, 1 / (foundedYear - 1999) > 0 ) then end\n")
                .engine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static String whyNot(Explanation e, String rule) {
        return e.notFired().stream().filter(c -> c.rule().equals(rule)).findFirst().orElseThrow().whyNot();
    }

    @Test
    void everyUnfiredRuleSaysWhichConditionFailedAndTheValue() {
        Account a = Account.builder("x").industry("Software").employees(60).attribute("locations", 3).build();
        Event old = Event.builder("funding_round", AS_OF.minusDays(300)).build();
        Contact itDirector = Contact.builder().title("IT Director").department("it").seniority("director").build();
        Explanation e = engine.explain(AccountFacts.of(a, List.of(old), List.of(itDirector)), AS_OF);

        assertThat(e.result()).isEqualTo(engine.evaluate(AccountFacts.of(a, List.of(old), List.of(itDirector)), AS_OF));
        assertThat(whyNot(e, "Mid-market")).isEqualTo("employees >= 100 is not met (employees: 60)");
        assertThat(whyNot(e, "Core vertical")).isEqualTo("industry in (\"Retail\", \"Grocery\") is not met (industry: Software)");
        assertThat(whyNot(e, "Many locations")).isEqualTo("attributes[\"locations\"] >= 10 is not met (attributes.locations: 3)");
        assertThat(whyNot(e, "Band low")).isEqualTo(
                "matched, but \"Band high\" counted instead (same activation-group \"size\", higher salience)");
        assertThat(whyNot(e, "Recent funding")).isEqualTo("no Event matches Event( type == \"funding_round\", daysAgo <= 180 );"
                + " closest: funding_round on 2026-01-05 (300 days ago), fails daysAgo <= 180 (daysAgo: 300)");
        assertThat(whyNot(e, "Champion")).isEqualTo("no Contact matches exists Contact( role == \"champion\" ); closest: "
                + "contact IT Director, director, it, fails role == \"champion\" (role: unknown)");
        assertThat(whyNot(e, "No IT director")).isEqualTo("a Contact matches not Contact( department == \"it\", "
                + "seniority == \"director\" ): contact IT Director, director, it");
        assertThat(whyNot(e, "Competitor")).isEqualTo("technologies contains \"CompetitorX\" is not met (technologies: unknown)");
        assertThat(whyNot(e, "Odd")).startsWith("condition not met (it uses eval");
        assertThat(e.notFired()).extracting(RuleCheck::rule).doesNotContain("Band high");

        // what would raise it: unfired positive signals and triggers, most points first; band losers left out
        assertThat(e.wouldRaise()).extracting(RuleCheck::rule)
                .containsExactly("Recent funding", "Core vertical", "Many locations", "Champion", "Odd", "Guarded");
        assertThat(e.render()).contains("Did not fire:").contains("What would raise this account:")
                .contains("+25.0 Recent funding: no Event matches");
    }

    @Test
    void constraintsAreTriedInOrderSoGuardsProtectLaterOnes() {
        Explanation e = engine.explain(AccountFacts.of(Account.builder("g").employees(200).build()), AS_OF);
        assertThat(whyNot(e, "Guarded")).isEqualTo("foundedYear != null is not met (foundedYear: unknown)");
        Explanation e2 = engine.explain(AccountFacts.of(Account.builder("g2").employees(200).foundedYear(1990).build()), AS_OF);
        assertThat(whyNot(e2, "Guarded")).isEqualTo("1 / (foundedYear - 1999) > 0 is not met (foundedYear: 1990)");
    }

    @Test
    void noFactsOfAKind() {
        Explanation e = engine.explain(AccountFacts.of(Account.builder("y").employees(200).build()), AS_OF);
        assertThat(whyNot(e, "Recent funding")).isEqualTo("no Event for Event( type == \"funding_round\", daysAgo <= 180 )");
        assertThat(whyNot(e, "Champion")).isEqualTo("no Contact for exists Contact( role == \"champion\" )");
        assertThat(e.notFired()).extracting(RuleCheck::rule).doesNotContain("No IT director", "Mid-market");
    }

    @Test
    void aLowerBandIsNeverSuggestedWhenAHigherOneAlreadyCounts() {
        try (FitEngine bands = TestRulesets.basic().drl("b.drl", ""
                + "rule \"Headcount 100-249\" @kind(soft) @points(10) activation-group \"headcount\" salience 1\n"
                + "when Account( employees >= 100, employees <= 249 ) then end\n"
                + "rule \"Headcount 250-499\" @kind(soft) @points(15) activation-group \"headcount\" salience 2\n"
                + "when Account( employees >= 250, employees <= 499 ) then end\n"
                + "rule \"Headcount 500+\" @kind(soft) @points(20) activation-group \"headcount\" salience 3\n"
                + "when Account( employees >= 500 ) then end\n").engine()) {
            Explanation at300 = bands.explain(AccountFacts.of(Account.builder("m").employees(300).build()), AS_OF);
            assertThat(at300.result().line("Headcount 250-499")).isPresent();
            // 100-249 could add nothing (the band already counts 15); 500+ would be worth more.
            assertThat(at300.wouldRaise()).extracting(RuleCheck::rule).containsExactly("Headcount 500+");
            Explanation at50 = bands.explain(AccountFacts.of(Account.builder("s").employees(50).build()), AS_OF);
            assertThat(at50.wouldRaise()).extracting(RuleCheck::rule)
                    .containsExactly("Headcount 500+", "Headcount 250-499", "Headcount 100-249");
        }
    }
}

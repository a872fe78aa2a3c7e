package io.icprules.drools;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.error.EvaluationException;
import io.icprules.error.RulesetException;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.result.FitResult;
import io.icprules.result.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No rule can hang or sink a run: the time budget holds inside matching (a catastrophic regular
 * expression), restricted mode refuses computed collections in {@code from}, and the firing limit
 * counts what signals a runaway rule, not the account's own facts.
 */
class RunawayRulesTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private static FitEngine restricted(String rules, Duration budget) {
        RulesetSource source = RulesetSource.of("hostile", false,
                java.util.Map.of("ruleset.properties", "name=hostile\nversion=1\n", "r.drl", TestRulesets.HEADER + rules));
        return IcpRules.builder().timeBudgetPerAccount(budget).ruleset(source).build();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCatastrophicRegularExpressionStopsWithinTheBudgetAndTheRunGoesOn() {
        try (FitEngine engine = restricted("""
                rule "Backtracks" @kind(soft) @points(5)
                when Account( name matches "(.*a){12}" ) then end
                rule "Fine" @kind(soft) @points(1)
                when Account( employees > 10 ) then end
                """, Duration.ofMillis(300))) {
            AccountFacts hostile = AccountFacts.of(Account.builder("slow").employees(20).name("a".repeat(70) + "b").build());
            AccountFacts ordinary = AccountFacts.of(Account.builder("ok").employees(20).name("Acme").build());
            long start = System.nanoTime();
            List<Outcome> outcomes = engine.evaluateAll(List.of(hostile, ordinary), AS_OF);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(outcomes.get(0).isSuccess()).isFalse();
            assertThat(outcomes.get(0).error().orElseThrow().getMessage())
                    .contains("time budget of 300 ms").contains("Backtracks");
            assertThat(outcomes.get(1).isSuccess()).isTrue();
            assertThat(outcomes.get(1).result().orElseThrow().score()).isEqualByComparingTo("1");
            assertThat(millis).as("the budget plus a small slack").isLessThan(5_000);
        }
    }

    @Test
    void restrictedModeRefusesFromOverAComputedCollection() {
        assertThatThrownBy(() -> restricted("""
                rule "Huge" @kind(soft) @points(1)
                when Integer( intValue > 5 ) from java.util.Collections.nCopies(2000000000, 1) then end
                """, Duration.ofSeconds(5)).close())
                .isInstanceOfSatisfying(RulesetException.class, e -> assertThat(e.diagnostics())
                        .anySatisfy(d -> assertThat(d.message()).contains("from")));
        // A fact's own collection is fine.
        try (FitEngine engine = restricted("""
                rule "Stack" @kind(soft) @points(2)
                when $a : Account() String( this == "Shopify" ) from $a.technologies then end
                """, Duration.ofSeconds(5))) {
            FitResult r = engine.evaluate(AccountFacts.of(Account.builder("s").technology("Shopify").build()), AS_OF);
            assertThat(r.score()).isEqualByComparingTo("2");
        }
    }

    @Test
    void anAccountWithManyContactsIsNotARunaway() {
        try (FitEngine engine = IcpRules.builder().maxFiringsPerAccount(10_000).ruleset(TestRulesets.basic().drl("c.drl", """
                rule "Has a buyer" @kind(soft) @points(3) @group("buyers")
                when Contact( seniority == "director" ) then end
                """).source()).build()) {
            List<Contact> contacts = new ArrayList<>();
            for (int i = 0; i < 10_001; i++) {
                contacts.add(Contact.builder().name("c" + i).seniority("director").build());
            }
            FitResult r = engine.evaluate(AccountFacts.of(Account.builder("big").build(), List.of(), contacts), AS_OF);
            assertThat(r.ledger()).isNotEmpty();
        }
    }

    @Test
    void textThatOnlyLooksLikeAConditionInsideALiteralIsLeftAlone() {
        try (FitEngine engine = restricted("""
                rule "Literal" @kind(soft) @points(2)
                when Account( name == "x matches y", industry != "attributes[\\"a\\"] > 5" ) then end
                rule "Real" @kind(soft) @points(1)
                when Account( name matches "x.*" ) then end
                """, Duration.ofSeconds(5))) {
            FitResult r = engine.evaluate(AccountFacts.of(Account.builder("l").name("x matches y").build()), AS_OF);
            assertThat(r.score()).isEqualByComparingTo("3");
        }
    }
}

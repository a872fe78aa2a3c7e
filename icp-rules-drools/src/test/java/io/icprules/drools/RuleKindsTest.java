package io.icprules.drools;

import io.icprules.engine.FitEngine;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;
import io.icprules.result.Decision;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import io.icprules.result.RuleKind;
import io.icprules.result.RuleNote;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule kind, through the public API with the real engine. */
class RuleKindsTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    static FitEngine engine;

    @BeforeAll
    static void compile() {
        engine = TestRulesets.manifest("name=kinds\nversion=2.1\nrequired=industry,country\n")
                .drl("filters.drl", ""
                        + "rule \"Mid-market headcount\" @kind(hard) @reason(\"Headcount 100-500 (is {employees})\")\n"
                        + "when Account( employees >= 100, employees <= 500 ) then end\n"
                        + "rule \"North America\" @kind(hard)\n"
                        + "when Account( country in (\"US\", \"CA\") ) then end\n")
                .drl("signals.drl", ""
                        + "rule \"Core vertical\" @kind(soft) @points(30) @reason(\"Industry {industry} is a core vertical\")\n"
                        + "when Account( industry == \"Retail\" ) then end\n"
                        + "rule \"Many locations\" @kind(soft) @points(12.5) @reason(\"{$n} locations\")\n"
                        + "when Account( $n : attributes[\"locations\"], attributes[\"locations\"] >= 10 ) then end\n"
                        + "rule \"Legacy on-prem\" @kind(soft) @points(-10)\n"
                        + "when Account( technologies contains \"OnPremERP\" ) then end\n"
                        + "rule \"Economic buyer known\" @kind(soft) @points(8)\n"
                        + "when exists Contact( role == \"economic_buyer\" ) then end\n")
                .drl("triggers.drl", ""
                        + "rule \"Recent funding\" @kind(trigger) @points(15) @halfLife(P60D)"
                        + " @reason(\"{event.type} {event.daysAgo} days ago\")\n"
                        + "when Event( type == \"funding_round\", daysAgo <= 180 ) then end\n"
                        + "rule \"New executive\" @kind(trigger) @points(10)\n"
                        + "when Event( type == \"exec_hire\", daysAgo <= 90 ) then end\n")
                .drl("disqualifiers.drl", ""
                        + "rule \"Competitor customer\" @kind(disqualifier) @reason(\"Runs CompetitorX\")\n"
                        + "when Account( technologies contains \"CompetitorX\" ) then end\n")
                .engine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Account.Builder fit(String id) {
        return Account.builder(id).industry("Retail").employees(250).country("US");
    }

    static FitResult eval(Account account, List<Event> events, List<Contact> contacts) {
        return engine.evaluate(AccountFacts.of(account, events, contacts), AS_OF);
    }

    static FitResult eval(Account account) {
        return eval(account, List.of(), List.of());
    }

    static Event event(String type, LocalDate date) {
        return Event.builder(type, date).build();
    }

    @Test
    void softSignalsAddTheirPointsWithReasons() {
        FitResult r = eval(fit("a1").attribute("locations", 14).build());
        assertThat(r.decision()).isEqualTo(Decision.FIT);
        assertThat(r.score()).isEqualByComparingTo("42.5");
        assertThat(r.line("Core vertical")).get().extracting(LedgerLine::reason)
                .isEqualTo("Industry Retail is a core vertical");
        assertThat(r.line("Many locations")).get().satisfies(l -> {
            assertThat(l.points()).isEqualByComparingTo("12.5");
            assertThat(l.reason()).isEqualTo("14 locations");
            assertThat(l.kind()).isEqualTo(RuleKind.SOFT);
        });
        assertThat(r.ruleset().name()).isEqualTo("kinds");
        assertThat(r.ruleset().version()).isEqualTo("2.1");
        assertThat(r.ruleset().contentHash()).hasSize(64);
        assertThat(r.asOf()).isEqualTo(AS_OF);
    }

    @Test
    void negativeSoftSignalSubtracts() {
        FitResult r = eval(fit("a2").technology("OnPremERP").build());
        assertThat(r.score()).isEqualByComparingTo("20.0");
        assertThat(r.line("Legacy on-prem")).get().extracting(LedgerLine::points)
                .isEqualTo(new BigDecimal("-10.0"));
    }

    @Test
    void metHardFiltersAppearInTheLedgerWithZeroPoints() {
        FitResult r = eval(fit("a3").build());
        assertThat(r.ledger()).extracting(LedgerLine::rule)
                .containsExactly("Mid-market headcount", "North America", "Core vertical");
        assertThat(r.line("Mid-market headcount")).get().satisfies(l -> {
            assertThat(l.points()).isEqualByComparingTo("0");
            assertThat(l.reason()).isEqualTo("Headcount 100-500 (is 250)");
        });
        assertThat(r.unmetHardFilters()).isEmpty();
    }

    @Test
    void unmetHardFilterExcludesAndIsNamed() {
        FitResult r = eval(fit("a4").employees(40).build());
        assertThat(r.decision()).isEqualTo(Decision.EXCLUDED);
        assertThat(r.unmetHardFilters()).containsExactly(RuleNote.of("Mid-market headcount", "Headcount 100-500 (is 40)"));
        assertThat(r.score()).isEqualByComparingTo("30.0");
    }

    @Test
    void unknownHeadcountFailsTheFilterWithoutError() {
        FitResult r = eval(Account.builder("a5").industry("Retail").country("CA").build());
        assertThat(r.decision()).isEqualTo(Decision.EXCLUDED);
        assertThat(r.unmetHardFilters()).containsExactly(RuleNote.of("Mid-market headcount", "Headcount 100-500 (is unknown)"));
    }

    @Test
    void disqualifierWinsAndTheScoreIsStillShown() {
        FitResult r = eval(fit("a6").technology("CompetitorX").attribute("locations", 20).build());
        assertThat(r.decision()).isEqualTo(Decision.DISQUALIFIED);
        assertThat(r.disqualifiers()).containsExactly(RuleNote.of("Competitor customer", "Runs CompetitorX"));
        assertThat(r.score()).isEqualByComparingTo("42.5");
        assertThat(r.line("Competitor customer")).get().extracting(LedgerLine::kind).isEqualTo(RuleKind.DISQUALIFIER);
    }

    @Test
    void missingRequiredFieldGivesInsufficientData() {
        FitResult r = eval(Account.builder("a7").employees(200).country("US").build());
        assertThat(r.decision()).isEqualTo(Decision.INSUFFICIENT_DATA);
        assertThat(r.missingFields()).containsExactly("industry");
    }

    @Test
    void precedenceIsDisqualifiedThenInsufficientThenExcluded() {
        Account everything = Account.builder("a8").employees(5).technology("CompetitorX").build();
        FitResult r = eval(everything);
        assertThat(r.decision()).isEqualTo(Decision.DISQUALIFIED);
        assertThat(r.missingFields()).containsExactly("industry", "country");
        assertThat(r.unmetHardFilters()).hasSize(2);
        FitResult noDisq = eval(Account.builder("a9").employees(5).build());
        assertThat(noDisq.decision()).isEqualTo(Decision.INSUFFICIENT_DATA);
        assertThat(noDisq.unmetHardFilters()).hasSize(2);
    }

    @Test
    void contactRuleCountsOnceForSeveralMatchingContacts() {
        Contact cfo = Contact.builder().role("economic_buyer").title("CFO").build();
        Contact ceo = Contact.builder().role("economic_buyer").title("CEO").build();
        FitResult r = eval(fit("a10").build(), List.of(), List.of(cfo, ceo));
        assertThat(r.ledger()).filteredOn(l -> l.rule().equals("Economic buyer known")).hasSize(1);
        assertThat(r.score()).isEqualByComparingTo("38.0");
    }

    @Test
    void triggerDecaysWithItsHalfLife() {
        // 15 x 0.5^(40/60) = 9.449 -> 9.4
        FitResult r40 = eval(fit("t1").build(), List.of(event("funding_round", AS_OF.minusDays(40))), List.of());
        assertThat(r40.line("Recent funding")).get().satisfies(l -> {
            assertThat(l.points()).isEqualByComparingTo("9.4");
            assertThat(l.declaredPoints()).isEqualByComparingTo("15");
            assertThat(l.eventType()).contains("funding_round");
            assertThat(l.eventDate()).contains(AS_OF.minusDays(40));
            assertThat(l.reason()).isEqualTo("funding_round 40 days ago");
        });
        assertThat(r40.score()).isEqualByComparingTo("39.4");
        // exactly one half-life: 7.5; two: 3.75 -> 3.8; same day: 15
        assertThat(pointsOfFunding(60)).isEqualByComparingTo("7.5");
        assertThat(pointsOfFunding(120)).isEqualByComparingTo("3.8");
        assertThat(pointsOfFunding(0)).isEqualByComparingTo("15.0");
        assertThat(pointsOfFunding(180)).isEqualByComparingTo("1.9"); // 1.875
    }

    private static BigDecimal pointsOfFunding(int daysAgo) {
        FitResult r = eval(fit("t" + daysAgo).build(), List.of(event("funding_round", AS_OF.minusDays(daysAgo))), List.of());
        return r.line("Recent funding").orElseThrow().points();
    }

    @Test
    void triggerOutsideItsWindowDoesNotFire() {
        FitResult r = eval(fit("t2").build(), List.of(event("funding_round", AS_OF.minusDays(181))), List.of());
        assertThat(r.line("Recent funding")).isEmpty();
    }

    @Test
    void triggerWithoutHalfLifeGivesFullPointsInsideItsWindow() {
        FitResult r = eval(fit("t3").build(), List.of(event("exec_hire", AS_OF.minusDays(89))), List.of());
        assertThat(r.line("New executive")).get().extracting(LedgerLine::points).isEqualTo(new BigDecimal("10.0"));
    }

    @Test
    void triggerCountsOnceForTheFreshestEvent() {
        FitResult r = eval(fit("t4").build(), List.of(
                event("funding_round", AS_OF.minusDays(150)),
                event("funding_round", AS_OF.minusDays(30)),
                event("funding_round", AS_OF.minusDays(90))), List.of());
        assertThat(r.ledger()).filteredOn(l -> l.rule().equals("Recent funding")).singleElement()
                .satisfies(l -> assertThat(l.eventDate()).contains(AS_OF.minusDays(30)));
        // 15 x 0.5^(30/60) = 10.606 -> 10.6
        assertThat(r.line("Recent funding").orElseThrow().points()).isEqualByComparingTo("10.6");
    }

    @Test
    void eventsAfterTheEvaluationDateAreIgnored() {
        FitResult r = eval(fit("t5").build(), List.of(event("funding_round", AS_OF.plusDays(1))), List.of());
        assertThat(r.line("Recent funding")).isEmpty();
        FitResult later = engine.evaluate(AccountFacts.of(fit("t5").build(),
                List.of(event("funding_round", AS_OF.plusDays(1))), List.of()), AS_OF.plusDays(1));
        assertThat(later.line("Recent funding").orElseThrow().points()).isEqualByComparingTo("15.0");
    }

    @Test
    void sameInputGivesEqualResults() {
        Account a = fit("d1").attribute("locations", 11).technology("OnPremERP").build();
        List<Event> ev = List.of(event("funding_round", AS_OF.minusDays(17)), event("exec_hire", AS_OF.minusDays(3)));
        assertThat(eval(a, ev, List.of())).isEqualTo(eval(a, ev, List.of()));
    }

    @Test
    void ledgerAlwaysSumsToTheScore() {
        FitResult r = eval(fit("s1").attribute("locations", 30).technology("OnPremERP").build(),
                List.of(event("funding_round", AS_OF.minusDays(77)), event("exec_hire", AS_OF.minusDays(1))),
                List.of(Contact.builder().role("economic_buyer").build()));
        BigDecimal sum = r.ledger().stream().map(LedgerLine::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(r.score());
        assertThat(r.score().scale()).isEqualTo(1);
    }
}

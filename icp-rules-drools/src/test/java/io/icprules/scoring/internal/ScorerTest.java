package io.icprules.scoring.internal;

import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Event;
import io.icprules.result.Decision;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import io.icprules.result.RuleKind;
import io.icprules.result.RulesetInfo;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scorer on its own: matches in, result out, no rule engine. */
class ScorerTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    static final RulesetInfo INFO = RulesetInfo.of("unit", "1", "0".repeat(64));

    static final RuleCatalog CATALOG = RuleCatalog.of(List.of(
            RuleSpec.builder("Size", RuleKind.HARD).build(),
            RuleSpec.builder("Retail", RuleKind.SOFT).points(30).reason(ReasonTemplate.parse("{industry} fits")).build(),
            RuleSpec.builder("Stack A", RuleKind.SOFT).points(20).group("stack").build(),
            RuleSpec.builder("Stack B", RuleKind.SOFT).points(20).group("stack").build(),
            RuleSpec.builder("Funding", RuleKind.TRIGGER).points(40).halfLife(Duration.ofDays(30))
                    .reason(ReasonTemplate.parse("{event.type} on {event.date} ({$round})")).build(),
            RuleSpec.builder("Bad fit", RuleKind.SOFT).points(-50).build(),
            RuleSpec.builder("Competitor", RuleKind.DISQUALIFIER).build()));

    static final Scorer SCORER = new Scorer(CATALOG,
            ScoringPolicy.of(ScoringPolicy.DEFAULT_TIERS, Map.of("stack", new BigDecimal("25")), List.of("industry")), INFO);

    static AccountFacts facts() {
        return AccountFacts.of(Account.builder("x").industry("Retail").build());
    }

    @Test
    void ledgerInRulesetOrderWhateverTheMatchOrder() {
        FitResult r = SCORER.score(facts(), List.of(RuleMatch.of("Stack A"), RuleMatch.of("Retail"), RuleMatch.of("Size")), AS_OF);
        assertThat(r.ledger()).extracting(LedgerLine::rule).containsExactly("Size", "Retail", "Stack A");
        assertThat(r.score()).isEqualByComparingTo("50");
        assertThat(r.tier()).isEqualTo("C");
        assertThat(r.decision()).isEqualTo(Decision.FIT);
        assertThat(r.line("Retail").orElseThrow().reason()).isEqualTo("Retail fits");
    }

    @Test
    void capThenClampBothVisible() {
        Event e = Event.builder("funding_round", AS_OF.minusDays(30)).build().relativeTo(AS_OF);
        FitResult r = SCORER.score(facts(), List.of(RuleMatch.of("Size"), RuleMatch.of("Retail"), RuleMatch.of("Stack A"),
                RuleMatch.of("Stack B"), RuleMatch.of("Funding", List.of(e), Map.of("$round", "Series B"))), AS_OF);
        // 30 + 20 + 20 + 20 (40 halved after one half-life) = 90, cap stack 40 -> 25: -15 => 75
        assertThat(r.line("Funding").orElseThrow().points()).isEqualByComparingTo("20.0");
        assertThat(r.line("Funding").orElseThrow().reason()).isEqualTo("funding_round on 2026-10-02 (Series B)");
        assertThat(r.line("cap: stack").orElseThrow().points()).isEqualByComparingTo("-15");
        assertThat(r.score()).isEqualByComparingTo("75.0");
        assertThat(r.tier()).isEqualTo("B");
    }

    @Test
    void floorAtZero() {
        FitResult r = SCORER.score(facts(), List.of(RuleMatch.of("Bad fit"), RuleMatch.of("Size")), AS_OF);
        assertThat(r.score()).isEqualByComparingTo("0");
        assertThat(r.line("clamp").orElseThrow().points()).isEqualByComparingTo("50");
    }

    @Test
    void decayArithmetic() {
        assertThat(Scorer.decay(new BigDecimal("15"), 40, 60)).isEqualByComparingTo("9.4");
        assertThat(Scorer.decay(new BigDecimal("15"), 60, 60)).isEqualByComparingTo("7.5");
        assertThat(Scorer.decay(new BigDecimal("15"), 120, 60)).isEqualByComparingTo("3.8");
        assertThat(Scorer.decay(new BigDecimal("10"), 14, 14)).isEqualByComparingTo("5.0");
        assertThat(Scorer.decay(new BigDecimal("-8"), 30, 30)).isEqualByComparingTo("-4.0");
        assertThat(Scorer.decay(new BigDecimal("15"), 0, 60)).isEqualByComparingTo("15.0");
        assertThat(Scorer.decay(new BigDecimal("15"), 3650, 60)).isEqualByComparingTo("0.0");
    }

    @Test
    void decisionsAndEvidence() {
        assertThat(SCORER.score(facts(), List.of(), AS_OF).decision()).isEqualTo(Decision.EXCLUDED);
        assertThat(SCORER.score(facts(), List.of(RuleMatch.of("Competitor")), AS_OF).decision()).isEqualTo(Decision.DISQUALIFIED);
        FitResult noIndustry = SCORER.score(AccountFacts.of(Account.builder("y").build()), List.of(RuleMatch.of("Size")), AS_OF);
        assertThat(noIndustry.decision()).isEqualTo(Decision.INSUFFICIENT_DATA);
        assertThat(noIndustry.missingFields()).containsExactly("industry");
    }

    @Test
    void unknownRuleIsRejected() {
        assertThatThrownBy(() -> SCORER.score(facts(), List.of(RuleMatch.of("Nope")), AS_OF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nope");
    }

    @Test
    void placeholderWithoutValueStaysVisible() {
        assertThat(ReasonTemplate.parse("Size {employees} in {region}").render(n -> n.equals("employees") ? 120 : null))
                .isEqualTo("Size 120 in {region}");
        assertThat(ReasonTemplate.parse("{x}").render(n -> 2.0)).isEqualTo("2");
        assertThat(ReasonTemplate.parse("{x}").render(n -> List.of("a", "b"))).isEqualTo("a, b");
    }

    @Test
    void everyPlaceholderSourceInAReason() {
        String all = "{points}|{$round}|{$none}|{event.type}|{event.date}|{event.daysAgo}|{event.details.round}"
                + "|{event.details.none}|{event.other}|{industry}|{employees}|{technologies}|{attributes.locations}"
                + "|{attributes.none}|{attributes.}|{nosuch}|{Industry}";
        Scorer scorer = new Scorer(RuleCatalog.of(List.of(
                RuleSpec.builder("Fits", RuleKind.HARD).reason(ReasonTemplate.parse(all)).build(),
                RuleSpec.builder("Funding", RuleKind.TRIGGER).points(40).halfLife(Duration.ofDays(30))
                        .reason(ReasonTemplate.parse(all)).build(),
                RuleSpec.builder("Retail", RuleKind.SOFT).points(5).reason(ReasonTemplate.parse(all)).build())),
                ScoringPolicy.of(ScoringPolicy.DEFAULT_TIERS, Map.of(), List.of()), INFO);
        AccountFacts facts = AccountFacts.of(Account.builder("x").industry("retail")
                .technology("Toast").technology("AWS").attribute("locations", 12).build());
        Event e = Event.builder("funding_round", AS_OF.minusDays(30)).detail("round", "Series B").build().relativeTo(AS_OF);

        FitResult r = scorer.score(facts, List.of(RuleMatch.of("Funding", List.of(e), Map.of("$round", "B")),
                RuleMatch.of("Retail")), AS_OF);

        String unknowns = "|{attributes.}|{nosuch}|{Industry}";
        assertThat(r.line("Funding").orElseThrow().reason()).isEqualTo("20.0|B|{$none}|funding_round|2026-10-02|30"
                + "|Series B|{event.details.none}|{event.other}|retail|unknown|AWS, Toast|12|unknown" + unknowns);
        // No event: its placeholders stay as written; a known field without a value reads "unknown".
        assertThat(r.line("Retail").orElseThrow().reason()).isEqualTo("5.0|{$round}|{$none}|{event.type}|{event.date}"
                + "|{event.daysAgo}|{event.details.round}|{event.details.none}|{event.other}|retail|unknown|AWS, Toast"
                + "|12|unknown" + unknowns);
        // An unmet hard filter has no match, hence no bound variables.
        assertThat(r.unmetHardFilters().get(0).reason()).startsWith("0.0|{$round}|{$none}|{event.type}|");
    }

    @Test
    void reasonsWithOneTwoOrThreePlaceholders() {
        Scorer scorer = new Scorer(RuleCatalog.of(List.of(
                RuleSpec.builder("One", RuleKind.SOFT).points(1).reason(ReasonTemplate.parse("{industry}")).build(),
                RuleSpec.builder("Two", RuleKind.SOFT).points(2)
                        .reason(ReasonTemplate.parse("Size {employees} in {region}.")).build(),
                RuleSpec.builder("Three", RuleKind.SOFT).points(3)
                        .reason(ReasonTemplate.parse("{industry}/{nosuch}/{points}")).build())),
                ScoringPolicy.of(ScoringPolicy.DEFAULT_TIERS, Map.of(), List.of()), INFO);
        FitResult r = scorer.score(AccountFacts.of(Account.builder("x").industry("retail").employees(120).build()),
                List.of(RuleMatch.of("One"), RuleMatch.of("Two"), RuleMatch.of("Three")), AS_OF);
        assertThat(r.ledger()).extracting(LedgerLine::reason)
                .containsExactly("retail", "Size 120 in unknown.", "retail/{nosuch}/3.0");
    }

    @Test
    void tenthsAreExact() {
        for (long n = -2_000_000; n <= 2_000_000; n += 7) {
            assertThat(Scorer.tenths(BigDecimal.valueOf(n, 1))).isEqualTo(n);
        }
        assertThat(Scorer.tenths(new BigDecimal("123456789012345.6"))).isEqualTo(1234567890123456L);
        assertThat(Scorer.tenths(new BigDecimal("-99999999999.9"))).isEqualTo(-999999999999L);
        assertThat(Scorer.tenths(new BigDecimal("7"))).isEqualTo(70);
        assertThat(Scorer.tenths(new BigDecimal("7.50"))).isEqualTo(75);
    }

    @Test
    void capWithMoreDecimalsThanTheLines() {
        Scorer scorer = new Scorer(CATALOG, ScoringPolicy.of(ScoringPolicy.DEFAULT_TIERS,
                Map.of("stack", new BigDecimal("25.25")), List.of()), INFO);
        FitResult r = scorer.score(facts(), List.of(RuleMatch.of("Stack A"), RuleMatch.of("Stack B")), AS_OF);
        // 40 capped at 25.25: the adjustment rounds to one decimal place (-14.75 -> -14.8), the score is the sum
        LedgerLine cap = r.line("cap: stack").orElseThrow();
        assertThat(cap.points()).isEqualByComparingTo("-14.8");
        assertThat(cap.reason()).isEqualTo("Group stack is capped at 25.25 points (its signals totalled 40.0)");
        assertThat(r.score()).isEqualByComparingTo("25.2");
        assertThat(r.score().scale()).isEqualTo(1);
    }
}

package io.icprules.scoring;

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
}

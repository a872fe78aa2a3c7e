package io.icprules.junit;

import io.icprules.cases.TestRuleset;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Event;
import io.icprules.result.Decision;
import io.icprules.result.FitResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static io.icprules.junit.IcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fluent assertions pass on what the real engine decides, and fail with the ledger otherwise. */
class FitResultAssertTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    @TempDir
    static Path dir;

    private static FitEngine engine;
    private static FitResult fit;
    private static FitResult excluded;
    private static FitResult disqualified;
    private static FitResult insufficient;

    @BeforeAll
    static void evaluate() throws IOException {
        engine = IcpRules.fromDirectory(TestRuleset.write(dir));
        fit = engine.evaluate(AccountFacts.of(
                Account.builder("fit-1").industry("Retail").employees(200).attribute("hourly_share", 0.9).build(),
                List.of(Event.builder("funding_round", AS_OF.minusDays(40)).build()), List.of()), AS_OF);
        excluded = engine.evaluate(AccountFacts.of(Account.builder("excl-1").industry("Retail").employees(20).build()), AS_OF);
        disqualified = engine.evaluate(AccountFacts.of(Account.builder("dq-1").industry("Retail").employees(200)
                .technology("CompetitorX").build()), AS_OF);
        insufficient = engine.evaluate(AccountFacts.of(Account.builder("in-1").employees(200).build()), AS_OF);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void passesOnWhatTheEngineDecided() {
        assertThat(fit).isFit().hasDecision(Decision.FIT).hasTier("C").hasScore("52.6").hasScore(new BigDecimal("52.60"))
                .hasScoreBetween("50", "60").fired("Core vertical", "Hourly share 80%+", "Recent funding")
                .didNotFire("Uses competitor").hasPoints("Recent funding", "12.6");
        assertThat(excluded).isExcluded().hasUnmetHardFilter("Mid-market headcount");
        assertThat(disqualified).isDisqualifiedBy("Uses competitor").isDisqualified();
        assertThat(insufficient).hasInsufficientData().hasMissingField("industry");
    }

    @Test
    void failuresSayWhatWasExpectedAndShowTheLedger() {
        assertThatThrownBy(() -> assertThat(excluded).isFit())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected decision FIT but was EXCLUDED (unmet hard filter: Mid-market headcount: "
                        + "Headcount 20 within 100-500)")
                .hasMessageContaining("excl-1: EXCLUDED, score 30.0, tier D (t@1");
        assertThatThrownBy(() -> assertThat(fit).hasTier("A"))
                .hasMessageContaining("Expected tier A but was C (score 52.6)");
        assertThatThrownBy(() -> assertThat(fit).hasScore("52.5"))
                .hasMessageContaining("Expected score 52.5 but was 52.6")
                .hasMessageContaining("+10.0 Hourly share 80%+ (soft)");
        assertThatThrownBy(() -> assertThat(fit).hasScoreBetween("60", "80"))
                .hasMessageContaining("Expected a score between 60 and 80 but was 52.6");
        assertThatThrownBy(() -> assertThat(excluded).fired("Core vertical", "Recent funding", "Hourly share 80%+"))
                .hasMessageContaining("Expected 'Recent funding', 'Hourly share 80%+' to fire, but they did not");
        assertThatThrownBy(() -> assertThat(fit).didNotFire("Core vertical"))
                .hasMessageContaining("Expected 'Core vertical' not to fire, but it did");
        assertThatThrownBy(() -> assertThat(fit).hasPoints("Recent funding", "20"))
                .hasMessageContaining("Expected 'Recent funding' to add 20 points, but it added 12.6");
        assertThatThrownBy(() -> assertThat(excluded).hasPoints("Recent funding", "20"))
                .hasMessageContaining("but it did not fire");
        assertThatThrownBy(() -> assertThat(fit).hasUnmetHardFilter("Mid-market headcount"))
                .hasMessageContaining("Expected unmet hard filters to include 'Mid-market headcount' but they were []");
        assertThatThrownBy(() -> assertThat(fit).isDisqualifiedBy("Uses competitor"))
                .hasMessageContaining("Expected decision DISQUALIFIED but was FIT");
        assertThatThrownBy(() -> assertThat(disqualified).isDisqualifiedBy("Other"))
                .hasMessageContaining("no rule named 'Other' in ruleset t");
        assertThatThrownBy(() -> assertThat(fit).hasMissingField("country"))
                .hasMessageContaining("Expected missing fields to include [country] but they were []");
        assertThatThrownBy(() -> assertThat(fit).isExcluded()).hasMessageContaining("Expected decision EXCLUDED but was FIT");
        assertThatThrownBy(() -> assertThat(fit).isDisqualified()).hasMessageContaining("DISQUALIFIED");
        assertThatThrownBy(() -> assertThat(fit).hasInsufficientData()).hasMessageContaining("INSUFFICIENT_DATA");
        assertThatThrownBy(() -> assertThat((FitResult) null).isFit()).isInstanceOf(AssertionError.class);
    }

    @Test
    void aDescriptionGivenWithAsLeadsTheMessage() {
        assertThatThrownBy(() -> assertThat(fit).as("account %s", "fit-1").hasTier("A"))
                .hasMessageStartingWith("[account fit-1] Expected tier A");
    }

    @Test
    void aNameThatIsNoRuleOfTheRulesetFailsEveryRuleAssertion() {
        assertThatThrownBy(() -> assertThat(fit).didNotFire("New VP Sale"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no rule named 'New VP Sale' in ruleset t")
                .hasMessageContaining("a rule that does not exist never fires");
        assertThatThrownBy(() -> assertThat(fit).fired("core vertical"))
                .hasMessageContaining("no rule named 'core vertical'")
                .hasMessageContaining("did you mean 'Core vertical'?");
        assertThatThrownBy(() -> assertThat(fit).hasPoints("Core Vertical ", "30"))
                .hasMessageContaining("did you mean 'Core vertical'?");
        assertThatThrownBy(() -> assertThat(excluded).hasUnmetHardFilter("Midmarket headcount"))
                .hasMessageContaining("no rule named 'Midmarket headcount'");
        assertThatThrownBy(() -> assertThat(disqualified).isDisqualifiedBy("Uses competitors"))
                .hasMessageContaining("no rule named 'Uses competitors'");
        // Real names, and the scorer's own lines, still pass.
        assertThat(fit).didNotFire("Uses competitor").fired("Core vertical").didNotFire("clamp");
    }

    @Test
    void theResultNamesEveryRuleOfItsRuleset() {
        org.assertj.core.api.Assertions.assertThat(fit.ruleset().ruleNames()).containsExactly(
                "Mid-market headcount", "Core vertical", "Hourly share 80%+", "Recent funding", "Uses competitor");
    }
}

package io.icprules.result;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FitResultTest {

    static FitResult.Builder base() {
        return FitResult.builder().accountId("a").tier("C").ruleset(RulesetInfo.of("r", "1", "ab".repeat(32)))
                .asOf(LocalDate.of(2026, 11, 1));
    }

    @Test
    void scoreIsTheExactSumOfTheLedger() {
        FitResult r = base().decision(Decision.FIT)
                .addLine(LedgerLine.of("x", RuleKind.SOFT, new BigDecimal("0.1"), BigDecimal.ONE, "x", null))
                .addLine(LedgerLine.of("y", RuleKind.SOFT, new BigDecimal("0.2"), BigDecimal.ONE, "y", null))
                .addLine(LedgerLine.of("z", RuleKind.SOFT, new BigDecimal("40.04"), BigDecimal.ONE, "z", null)).build();
        assertThat(r.score()).isEqualTo(new BigDecimal("40.3"));
        assertThat(r.explain()).contains("a: FIT, score 40.3, tier C").contains("+0.1 x (soft): x");
    }

    @Test
    void rejectsInconsistentResults() {
        assertThatThrownBy(() -> base().decision(Decision.FIT)
                .addLine(LedgerLine.of("x", RuleKind.SOFT, new BigDecimal("101"), BigDecimal.ONE, "x", null)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("within 0..100");
        assertThatThrownBy(() -> base().decision(Decision.DISQUALIFIED).build()).hasMessageContaining("disqualifiers");
        assertThatThrownBy(() -> base().decision(Decision.EXCLUDED).build()).hasMessageContaining("hard filters");
        assertThatThrownBy(() -> base().decision(Decision.INSUFFICIENT_DATA).build()).hasMessageContaining("missing fields");
    }

    @Test
    void ruleKindParsesMetadata() {
        assertThat(RuleKind.fromMetadata(" Soft ")).contains(RuleKind.SOFT);
        assertThat(RuleKind.fromMetadata("adjustment")).isEmpty();
        assertThat(RuleKind.TRIGGER.label()).isEqualTo("trigger");
    }
}

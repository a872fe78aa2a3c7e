package io.icprules.io;

import io.icprules.result.Decision;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import io.icprules.result.RuleKind;
import io.icprules.result.RuleNote;
import io.icprules.result.RulesetInfo;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Results built by hand, so that writers can be tested without an engine. */
final class Results {

    static final RulesetInfo RULESET = RulesetInfo.of("retail", "3", "ab".repeat(32));
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private Results() {
    }

    /** FIT, tier B, score 40.0: a soft line, a decayed trigger, a cap adjustment and a hard filter. */
    static FitResult fit() {
        return FitResult.builder().accountId("acme").tier("B").decision(Decision.FIT).ruleset(RULESET).asOf(AS_OF)
                .addLine(LedgerLine.of("Core vertical", RuleKind.SOFT, new BigDecimal("30"), new BigDecimal("30"),
                        "Industry retail is a core vertical", "vertical"))
                .addLine(LedgerLine.trigger("Recent funding", new BigDecimal("13.3"), new BigDecimal("20"),
                        "Funding round 40 days ago", null, "funding_round", LocalDate.of(2026, 9, 22)))
                .addLine(LedgerLine.adjustment("cap: tech", new BigDecimal("-3.3"), "group tech capped at 10"))
                .addLine(LedgerLine.of("Mid-market headcount", RuleKind.HARD, BigDecimal.ZERO, BigDecimal.ZERO,
                        "Headcount 240 within 100-500", null))
                .build();
    }

    /** DISQUALIFIED with an id and reasons that a spreadsheet would run as formulas. */
    static FitResult hostile() {
        return FitResult.builder().accountId("=HYPERLINK(\"http://x\")").tier("D").decision(Decision.DISQUALIFIED)
                .ruleset(RULESET).asOf(AS_OF)
                .addLine(LedgerLine.of("-Negative start", RuleKind.SOFT, new BigDecimal("5"), new BigDecimal("5"),
                        "+1", null))
                .addDisqualifier(RuleNote.of("Uses competitor", "@SUM(A1:A2)"))
                .addUnmetHardFilter(RuleNote.of("Mid-market headcount", "-2 employees"))
                .addMissingField("employees")
                .build();
    }
}

package io.icprules.evidence;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.evidence.report.HtmlReports;
import io.icprules.evidence.report.ReportJson;
import io.icprules.testing.TinyRuleset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Net revenue retention, gross margin, CAC payback and the sales cycle from dates, worked out by hand. */
class UnitEconomicsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 1, 1);

    @TempDir
    Path dir;

    private static Deal deal(DealOutcome outcome, String amount, String expansion, String churned, String margin,
                             String cost) {
        return new Deal(null, "a", DAY, outcome, null, amount == null ? null : new BigDecimal(amount), null, null,
                expansion == null ? null : new BigDecimal(expansion), churned == null ? null : new BigDecimal(churned),
                margin == null ? null : new BigDecimal(margin), cost == null ? null : new BigDecimal(cost));
    }

    @Test
    void eachFigureUsesTheDealsThatHaveItsCells() {
        UnitEconomics e = UnitEconomics.of(List.of(
                deal(DealOutcome.WON, "12000", "3000", "0", "0.80", "4000"),
                deal(DealOutcome.CHURNED, "6000", "0", "6000", "0.50", "2000"),
                deal(DealOutcome.WON, "10000", null, null, "0.70", null),   // margin only
                deal(DealOutcome.LOST, "9000", null, null, null, "1500"),   // its cost counts against the wins
                deal(DealOutcome.LOST, "9000", null, null, null, null),
                deal(DealOutcome.OPEN, "5000", null, null, "0.9", "700"))); // open: not counted

        // NRR: (12000 + 3000 - 0 + 6000 + 0 - 6000) / 18000
        assertThat(e.netRevenueRetention()).isCloseTo(15_000.0 / 18_000, within(1e-12));
        assertThat(e.retentionDeals()).isEqualTo(2);
        // margin: (12000*0.8 + 6000*0.5 + 10000*0.7) / 28000
        assertThat(e.grossMargin()).isCloseTo(19_600.0 / 28_000, within(1e-12));
        assertThat(e.marginDeals()).isEqualTo(3);
        // payback: (4000 + 2000 + 1500) / ((12000*0.8 + 6000*0.5) / 12) = 7500 / 1050
        assertThat(e.cacPaybackMonths()).isCloseTo(7_500.0 / 1_050, within(1e-12));
        assertThat(e.paybackWins()).isEqualTo(2);
        assertThat(e.paybackLost()).isEqualTo(1);
    }

    @Test
    void withoutTheCellsThereAreNoFiguresRatherThanZeros() {
        assertThat(UnitEconomics.of(List.of(deal(DealOutcome.WON, "12000", "3000", null, null, "900"),
                deal(DealOutcome.LOST, "5000", null, null, null, "300")))).isNull();
        UnitEconomics marginOnly = UnitEconomics.of(List.of(deal(DealOutcome.WON, "12000", null, null, "0.6", null)));
        assertThat(marginOnly.netRevenueRetention()).isNull();
        assertThat(marginOnly.cacPaybackMonths()).isNull();
        assertThat(ReportJson.toJson(marginOnly)).contains("\"gross_margin\"").doesNotContain("cac_payback_months")
                .doesNotContain("net_revenue_retention");
        assertThat(UnitEconomics.of(List.of(deal(DealOutcome.WON, "12000", null, null, "-0.1", "500"))).cacPaybackMonths())
                .as("no gross profit: no payback").isNull();
    }

    @Test
    void theCycleComesFromTheDatesWhenCycleDaysIsAbsent() throws IOException {
        Path outcomes = Fixtures.write(dir, "outcomes.csv", """
                account_id,entered_pipeline,outcome,close_date,cycle_days,amount,gross_margin,acquisition_cost
                fit-1,2025-01-01,won,2025-03-02,,10000,0.75,3000
                fit-2,2025-01-01,won,2025-02-01,,20000,0.5,2000
                fit-3,2025-01-01,won,2025-12-31,10,30000,,
                sw-1,2025-01-01,lost,2025-02-01,,5000,,800
                """);
        try (FitEngine engine = IcpRules.fromDirectory(TinyRuleset.write(dir))) {
            BacktestReport r = Backtest.run(engine, Fixtures.accounts(dir), OutcomesReader.read(outcomes));
            SegmentStats in = r.segment(BacktestReport.IN_ICP).orElseThrow();
            // 60 days and 31 days from the dates, 10 as given: the median is 31.
            assertThat(in.cycleDays().median()).isEqualTo(31.0);
            assertThat(in.economics().grossMargin()).isCloseTo(17_500.0 / 30_000, within(1e-12));
            assertThat(in.economics().cacPaybackMonths()).isCloseTo(5_000.0 / (17_500.0 / 12), within(1e-12));
            SegmentStats out = r.segment(BacktestReport.OUT_OF_ICP).orElseThrow();
            assertThat(out.economics()).as("a lost deal's cost alone gives no payback").isNull();
            assertThat(HtmlReports.backtest(r)).contains("Unit economics by group").contains("58.3%");
        }
    }
}

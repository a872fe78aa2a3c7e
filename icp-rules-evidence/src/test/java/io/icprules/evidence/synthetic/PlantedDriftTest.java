package io.icprules.evidence.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.evidence.AccountBook;
import io.icprules.evidence.Backtest;
import io.icprules.evidence.BacktestReport;
import io.icprules.evidence.DealRecord;
import io.icprules.evidence.Drift;
import io.icprules.evidence.Period;
import io.icprules.evidence.PeriodStats;
import io.icprules.evidence.report.HtmlReports;
import io.icprules.evidence.report.ReportJson;
import io.icprules.evidence.report.TextReports;
import io.icprules.io.AccountRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A history whose in-ICP edge fades to nothing ({@code drift = 1}) must be called drifting, and the
 * same history without the fading must not. 8,000 deals: each quarter then holds about 90 closed
 * in-ICP deals, enough to see the edge fall from about 2.6x to 1x over six quarters.
 */
class PlantedDriftTest {

    private static final LocalDate ANCHOR = LocalDate.of(2026, 11, 1);
    private static final int DEALS = 8000;
    private static final long SEED = 2;

    private static FitEngine engine;
    private static BacktestReport drifting;
    private static BacktestReport steady;
    private static List<SyntheticHistory.HistoryDeal> withoutDrift;

    @BeforeAll
    static void generate() throws IOException {
        engine = IcpRules.fromDirectory(Path.of("../icp-rules-examples/rulesets/workforce-scheduling"));
        drifting = backtest(SyntheticHistory.generate(engine, DEALS, SEED, ANCHOR, 1.0));
        withoutDrift = SyntheticHistory.generate(engine, DEALS, SEED, ANCHOR, 0.0);
        steady = backtest(withoutDrift);
    }

    private static BacktestReport backtest(List<SyntheticHistory.HistoryDeal> history) {
        List<AccountRecord> accounts = new ArrayList<>();
        List<DealRecord> deals = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            accounts.add(AccountRecord.ok(i + 2, history.get(i).facts()));
            deals.add(DealRecord.ok(i + 2, history.get(i).deal()));
        }
        return Backtest.run(engine, AccountBook.of("accounts.csv", accounts, List.of()), deals, Period.QUARTER);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aFadingEdgeIsCalledDrift() {
        Drift d = drifting.drift();
        assertThat(d.kind()).as(d.text()).isEqualTo(Drift.Kind.FALLING);
        assertThat(d.text()).startsWith("the in-ICP advantage fell from ").contains(" in 2025-Q1 to ")
                .endsWith("the profile is drifting away from who wins; revisit it");
        assertThat(d.perPeriodHigh()).isLessThan(1);
        // The planted edge at the end is nil: the last counted quarter's interval holds 1.
        PeriodStats last = d.counted().get(d.counted().size() - 1);
        assertThat(last.ratio().low()).isLessThan(1);
        assertThat(d.counted().get(0).ratio().low()).isGreaterThan(1);
    }

    @Test
    void aSteadyEdgeIsNotCalledDrift() {
        Drift d = steady.drift();
        assertThat(d.kind()).as(d.text()).isEqualTo(Drift.Kind.STABLE);
        assertThat(d.text()).startsWith("no material drift: the in-ICP advantage was ");
        assertThat(d.perPeriodLow()).isLessThan(1);
        assertThat(d.perPeriodHigh()).isGreaterThan(1);
        assertThat(d.counted()).allSatisfy(p -> assertThat(p.ratio().low()).isGreaterThan(1));
    }

    @Test
    void theYoungestQuartersWithMostlyOpenDealsDoNotCount() {
        List<PeriodStats> periods = steady.drift().periods();
        assertThat(periods).extracting(PeriodStats::period).startsWith("2025-Q1").endsWith("2026-Q4");
        PeriodStats young = periods.get(periods.size() - 2); // 2026-Q3: most of its deals are still open
        assertThat(young.open()).isGreaterThan(young.deals() / 4);
        assertThat(young.enough()).isFalse();
        assertThat(young.note()).isEqualTo("too many deals still open");
        assertThat(steady.drift().counted()).hasSize(6);
    }

    @Test
    void noDriftIsTheHistoryWithoutTheOption() {
        List<SyntheticHistory.HistoryDeal> plain = SyntheticHistory.generate(engine, 300, SEED, ANCHOR);
        assertThat(plain).extracting(SyntheticHistory.HistoryDeal::deal)
                .containsExactlyElementsOf(withoutDrift.subList(0, 300).stream()
                        .map(SyntheticHistory.HistoryDeal::deal).toList());
    }

    @Test
    void theReportsShowTheDriftAsTextJsonAndAChart() throws IOException {
        String text = TextReports.backtest(drifting);
        assertThat(text).contains("Drift by quarter: the in-ICP advantage fell from ")
                .contains("By quarter of entered_pipeline").contains("2025-Q1 ").contains("too many deals still open");
        JsonNode json = ReportJson.mapper().readTree(ReportJson.toJson(drifting));
        assertThat(json.get("drift").get("kind").asText()).isEqualTo("FALLING");
        assertThat(json.get("drift").get("by").asText()).isEqualTo("QUARTER");
        assertThat(json.get("drift").get("periods").get(0).get("from").asText()).isEqualTo("2025-01-01");
        assertThat(json.get("drift").get("periods").get(0).get("ratio").get("low").asDouble()).isGreaterThan(1);
        String html = HtmlReports.backtest(drifting);
        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"bt-drift\"")
                .contains("class=\"point\"").contains("class=\"trend\"").contains("Drift over time, by quarter")
                .contains("verdict verdict-FALLING");
        // Six counted quarters are drawn filled with whiskers; the two young ones hollow.
        assertThat(html.split("class=\"point\"", -1)).hasSize(7);
        assertThat(html.split("class=\"point few\"", -1)).hasSize(2);
    }
}

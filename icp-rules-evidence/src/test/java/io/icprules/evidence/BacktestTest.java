package io.icprules.evidence;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.testing.TinyRuleset;
import io.icprules.evidence.stats.Rate;
import io.icprules.result.Decision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The backtest with the real engine on small files whose figures are worked out by hand. */
class BacktestTest {

    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    private FitEngine engine;

    @BeforeEach
    void engine() throws IOException {
        engine = IcpRules.fromDirectory(TinyRuleset.write(dir));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private List<DealRecord> outcomes(String csv) throws IOException {
        return OutcomesReader.read(Fixtures.write(dir, "outcomes.csv", csv));
    }

    @Test
    void eachDealIsScoredAsOfTheDayItEnteredThePipeline() throws IOException {
        // funded-1 raised a round on 2026-03-01: a deal that entered before it cannot have seen it; one
        // that entered that day gets the full 20 trigger points, one that entered 60 days later half.
        List<DealRecord> deals = outcomes("""
                account_id,entered_pipeline,outcome
                funded-1,2026-02-01,lost
                funded-1,2026-03-01,won
                funded-1,2026-04-30,won
                """);
        List<ScoredDeal> scored = PointInTimeScorer.score(engine, Fixtures.accounts(dir), deals);
        assertThat(scored).extracting(s -> s.result().asOf().toString())
                .containsExactly("2026-02-01", "2026-03-01", "2026-04-30");
        assertThat(scored).extracting(s -> s.result().score())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("30.0"), new BigDecimal("50.0"), new BigDecimal("40.0"));
        assertThat(scored.get(0).result().line("Recent funding")).isEmpty();
        assertThat(scored.get(1).result().line("Recent funding")).isPresent();
        assertThat(scored).extracting(s -> s.result().tier()).containsExactly("D", "C", "C");
    }

    @Test
    void dealsThatCannotBeScoredAreErrorRecordsWithTheirLine() throws IOException {
        List<DealRecord> deals = outcomes("""
                account_id,entered_pipeline,outcome
                fit-1,2026-01-01,won
                nobody,2026-01-01,won
                bad-1,2026-01-01,lost
                fit-2,2026-01-01,maybe
                """);
        BacktestReport r = Backtest.run(engine, Fixtures.accounts(dir), deals);
        assertThat(r.dealRows()).isEqualTo(4);
        assertThat(r.scored()).isEqualTo(1);
        assertThat(r.errorCount()).isEqualTo(3);
        assertThat(r.errors()).extracting(RecordError::line).containsExactly(3L, 4L, 5L);
        assertThat(r.errors().get(0).error()).isEqualTo("account nobody is not in accounts.csv");
        assertThat(r.errors().get(1).error()).startsWith("the account's row in accounts.csv is unusable: line 10 (account bad-1): employees: '12a'");
        assertThat(r.errors().get(2).error()).contains("outcome: 'maybe'");
        // fit-3, sw-*, dq-1, insuf-1 and funded-1 have no deal; bad-1 and fit-2 are named by a row.
        assertThat(r.accountsWithoutDeals()).isEqualTo(7);
    }

    @Test
    void figuresByGroupMatchTheHandCount() throws IOException {
        List<DealRecord> deals = outcomes("""
                account_id,entered_pipeline,outcome,close_date,amount,cycle_days,retained_12m,expansion_amount
                fit-1,2025-01-01,won,2025-02-01,1000,30,true,100
                fit-2,2025-01-01,churned,2025-03-01,3000,50,false,0
                fit-3,2025-01-01,lost,2025-02-10,2000,40,,
                sw-1,2025-01-01,won,2025-04-01,5000,90,true,500
                sw-2,2025-01-01,lost,,,,,
                sw-3,2025-01-01,open,,7000,,,
                dq-1,2025-01-01,lost,,,,,
                """);
        BacktestReport r = Backtest.run(engine, Fixtures.accounts(dir), deals);
        assertThat(r.errors()).isEmpty();

        // In-ICP: fit-1..3, all tier D (score 30): 2 wins of 3 closed.
        SegmentStats in = r.segment(BacktestReport.IN_ICP).orElseThrow();
        assertThat(in.deals()).isEqualTo(3);
        assertThat(in.won()).isEqualTo(2);
        assertThat(in.churned()).isEqualTo(1);
        assertThat(in.winRate().value()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(in.lift()).isCloseTo((2.0 / 3) / 0.5, within(EPS)); // all deals: 3 wins of 6 closed
        assertThat(in.cycleDays().median()).isEqualTo(40.0);           // wins: 30 and 50
        assertThat(in.acv().median()).isEqualTo(2000.0);               // wins: 1000 and 3000
        assertThat(in.acvTotal()).isEqualByComparingTo("4000");
        assertThat(in.retention12m().successes()).isEqualTo(1);
        assertThat(in.retention12m().trials()).isEqualTo(2);
        assertThat(in.expansionTotal()).isEqualByComparingTo("100");
        assertThat(in.expansionRate()).isCloseTo(100.0 / 4000, within(EPS));
        assertThat(r.tiers()).extracting(SegmentStats::name).containsExactly("D");

        // Out-of-ICP: sw-1..3 (EXCLUDED) and dq-1 (DISQUALIFIED): 1 win of 3 closed, 1 open.
        SegmentStats out = r.segment(BacktestReport.OUT_OF_ICP).orElseThrow();
        assertThat(out.deals()).isEqualTo(4);
        assertThat(out.open()).isEqualTo(1);
        assertThat(out.closed()).isEqualTo(3);
        assertThat(out.winRate().value()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(out.lift()).isCloseTo((1.0 / 3) / 0.5, within(EPS));
        assertThat(out.acvTotal()).isEqualByComparingTo("5000"); // the open deal's 7000 is not booked
        assertThat(r.segment(Decision.EXCLUDED.name()).orElseThrow().deals()).isEqualTo(3);
        assertThat(r.segment(Decision.DISQUALIFIED.name()).orElseThrow().lost()).isEqualTo(1);
        assertThat(r.segment(Decision.INSUFFICIENT_DATA.name())).isEmpty();
        SegmentStats all = r.segment(BacktestReport.ALL).orElseThrow();
        assertThat(all.winRate().successes()).isEqualTo(3);
        assertThat(all.winRate().trials()).isEqualTo(6);
        assertThat(all.lift()).isEqualTo(1.0);

        // Scores: fit-* and dq-1 30 (band 30-40), sw-* 0 (band 0-10).
        ScoreBin low = r.scoreHistogram().get(0);
        ScoreBin thirty = r.scoreHistogram().get(3);
        assertThat(List.of(low.deals(), low.won(), low.lost(), low.open())).containsExactly(3L, 1L, 1L, 1L);
        assertThat(List.of(thirty.deals(), thirty.won(), thirty.lost(), thirty.open())).containsExactly(4L, 2L, 2L, 0L);
        assertThat(r.scoreHistogram()).hasSize(10);

        // "Core vertical" fired for fit-1 (won), fit-2 (won), fit-3 (lost) and dq-1 (lost); not for sw-1 (won)
        // or sw-2 (lost): win rate 2/4 with, 1/2 without, ratio 1.0; se = sqrt(1/2 - 1/4 + 1 - 1/2).
        RuleSignal core = r.rules().stream().filter(s -> s.rule().equals("Core vertical")).findFirst().orElseThrow();
        assertThat(core.kind()).isEqualTo("soft");
        assertThat(core.wonWith()).isEqualTo(2);
        assertThat(core.lostWith()).isEqualTo(2);
        assertThat(core.shareOfWon()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(core.shareOfLost()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(core.ratio().value()).isCloseTo(1.0, within(EPS));
        assertThat(core.ratio().high()).isCloseTo(Math.exp(1.96 * Math.sqrt(0.75)), within(1e-9));
        assertThat(core.reading()).isEqualTo(RuleSignal.TOO_FEW);
        RuleSignal competitor = r.rules().stream().filter(s -> s.rule().equals("Uses competitor")).findFirst().orElseThrow();
        assertThat(competitor.kind()).isEqualTo("disqualifier");
        assertThat(competitor.lostWith()).isEqualTo(1);

        assertThat(r.verdict().kind()).isEqualTo(Verdict.Kind.NOT_ENOUGH_DATA);
        assertThat(r.verdict().text()).isEqualTo("not enough closed deals to judge: 3 in-ICP and 3 out-of-ICP; "
                + "at least 10 on each side are needed");
    }

    @Test
    void theVerdictSaysWhichWayTheEvidencePoints() {
        Verdict better = Verdict.judge(Rate.wilson(30, 100), Rate.wilson(15, 100));
        assertThat(better.kind()).isEqualTo(Verdict.Kind.OUTPERFORMS);
        assertThat(better.text()).isEqualTo("in-ICP wins 2.0x more often than out-of-ICP (95% CI 1.15x-3.48x; "
                + "won 30.0% of 100 closed in-ICP deals vs 15.0% of 100)");
        // 2.0x, but the interval reaches below 1: not material.
        Verdict unsure = Verdict.judge(Rate.wilson(4, 10), Rate.wilson(2, 10));
        assertThat(unsure.kind()).isEqualTo(Verdict.Kind.NO_MATERIAL_DIFFERENCE);
        assertThat(unsure.text()).startsWith("no material difference: in-ICP wins 2.0x as often as out-of-ICP")
                .endsWith("revisit the profile");
        // The interval is above 1 but the gain is under 25%: not material either.
        Verdict small = Verdict.judge(Rate.wilson(5500, 10000), Rate.wilson(5000, 10000));
        assertThat(small.ratio().low()).isGreaterThan(1);
        assertThat(small.kind()).isEqualTo(Verdict.Kind.NO_MATERIAL_DIFFERENCE);
        Verdict worse = Verdict.judge(Rate.wilson(10, 100), Rate.wilson(30, 100));
        assertThat(worse.kind()).isEqualTo(Verdict.Kind.UNDERPERFORMS);
        assertThat(worse.text()).contains("points away from winners");
        assertThat(Verdict.judge(Rate.wilson(5, 9), Rate.wilson(1, 50)).kind()).isEqualTo(Verdict.Kind.NOT_ENOUGH_DATA);
    }
}

package io.icprules.evidence;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.evidence.stats.Trend;
import io.icprules.testing.TinyRuleset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Periods, the weighted trend, and the drift verdict on small files. */
class DriftTest {

    @TempDir
    Path dir;

    @Test
    void periodsAreCalendarMonthsQuartersAndYearsWithConsecutiveNumbers() {
        LocalDate day = LocalDate.of(2025, 5, 31);
        assertThat(Period.QUARTER.name(Period.QUARTER.index(day))).isEqualTo("2025-Q2");
        assertThat(Period.QUARTER.start(Period.QUARTER.index(day))).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(Period.QUARTER.end(Period.QUARTER.index(day))).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(Period.MONTH.name(Period.MONTH.index(day))).isEqualTo("2025-05");
        assertThat(Period.YEAR.name(Period.YEAR.index(day))).isEqualTo("2025");
        assertThat(Period.QUARTER.index(LocalDate.of(2026, 1, 1)) - Period.QUARTER.index(LocalDate.of(2025, 12, 31)))
                .isEqualTo(1);
        assertThat(Period.MONTH.index(LocalDate.of(2026, 1, 1)) - Period.MONTH.index(LocalDate.of(2025, 12, 31)))
                .isEqualTo(1);
        assertThat(Period.QUARTER.name(Period.QUARTER.index(LocalDate.of(2025, 12, 31)))).isEqualTo("2025-Q4");
        assertThat(Period.parse(" Quarter ")).contains(Period.QUARTER);
        assertThat(Period.parse("week")).isEmpty();
    }

    @Test
    void theTrendOfPointsOnALineIsThatLineWithTheIntervalTheirErrorsGive() {
        Trend t = Trend.fit(new double[] {0, 1, 2, 3, 4}, new double[] {1, 0.5, 0, -0.5, -1},
                new double[] {0.1, 0.1, 0.1, 0.1, 0.1});
        assertThat(t.slope()).isCloseTo(-0.5, within(1e-12));
        assertThat(t.intercept()).isCloseTo(1, within(1e-12));
        assertThat(t.dispersion()).isEqualTo(1);
        // Σw(x-x̄)² = 100 × 10: the half-width is 1.96 × sqrt(1/1000).
        assertThat(t.slopeHigh() - t.slope()).isCloseTo(1.96 * Math.sqrt(0.001), within(1e-12));
        assertThat(t.at(2)).isCloseTo(0, within(1e-12));
    }

    @Test
    void theTrendWeighsPointsByTheirPrecisionAndWidensForScatter() {
        // Worked by hand: w = 1, 1, 4; x̄ = 1.5, ȳ = 2; Σw(x-x̄)² = 3.5, Σw(x-x̄)(y-ȳ) = 6; b = 12/7,
        // a = -4/7; Q = 12/7 over 1 degree of freedom, so the variance is scaled by 12/7.
        Trend t = Trend.fit(new double[] {0, 1, 2}, new double[] {0, 0, 3}, new double[] {1, 1, 0.5});
        assertThat(t.slope()).isCloseTo(12.0 / 7, within(1e-12));
        assertThat(t.intercept()).isCloseTo(-4.0 / 7, within(1e-12));
        assertThat(t.dispersion()).isCloseTo(12.0 / 7, within(1e-12));
        assertThat(t.slopeLow()).isCloseTo(12.0 / 7 - 1.96 * Math.sqrt(12.0 / 7 / 3.5), within(1e-12));
        assertThat(t.points()).isEqualTo(3);
        assertThatThrownBy(() -> Trend.fit(new double[] {1, 1}, new double[] {0, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFewDealsGiveNoTrendAndSaySo() throws IOException {
        try (FitEngine engine = IcpRules.fromDirectory(TinyRuleset.write(dir))) {
            List<DealRecord> deals = OutcomesReader.read(Fixtures.write(dir, "outcomes.csv", """
                    account_id,entered_pipeline,outcome
                    fit-1,2025-01-10,won
                    sw-1,2025-02-10,lost
                    fit-2,2025-07-01,lost
                    sw-2,2025-08-01,open
                    """));
            BacktestReport r = Backtest.run(engine, Fixtures.accounts(dir), deals, Period.QUARTER);
            Drift d = r.drift();
            assertThat(d.kind()).isEqualTo(Drift.Kind.NOT_ENOUGH_DATA);
            assertThat(d.text()).isEqualTo("too few deals per quarter to judge a trend: 0 of 3 quarters have at "
                    + "least 10 closed in-ICP and 10 closed out-of-ICP deals and at most a quarter still open; at "
                    + "least 3 such quarters are needed (longer periods pool more deals: try --by year)");
            // Every quarter from the first deal's to the last deal's, the empty one too.
            assertThat(d.periods()).extracting(PeriodStats::period).containsExactly("2025-Q1", "2025-Q2", "2025-Q3");
            PeriodStats q1 = d.periods().get(0);
            assertThat(q1.deals()).isEqualTo(2);
            assertThat(q1.inIcp().successes()).isEqualTo(1);
            assertThat(q1.inIcp().trials()).isEqualTo(1);
            assertThat(q1.outOfIcp().trials()).isEqualTo(1);
            assertThat(q1.ratio()).isNotNull();
            assertThat(q1.note()).isEqualTo("too few closed deals");
            assertThat(d.periods().get(1).deals()).isZero();
            assertThat(d.periods().get(2).open()).isEqualTo(1);
            assertThat(d.periods().get(2).ratio()).isNull(); // no closed out-of-ICP deal
            assertThat(Backtest.run(engine, Fixtures.accounts(dir), deals).drift()).isNull();
        }
    }
}

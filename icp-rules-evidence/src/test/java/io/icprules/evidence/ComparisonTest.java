package io.icprules.evidence;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.testing.TinyRuleset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Comparing two versions of the tiny ruleset with the real engine: the matrix and the movers by hand. */
class ComparisonTest {

    /** Version 2: headcount from 50, the core vertical worth 40, the competitor no longer disqualifies. */
    static final String V2 = """
            package icp.test;
            import io.icprules.fact.Account;
            import io.icprules.fact.Event;

            rule "Mid-market headcount" @kind(hard) @reason("Headcount {employees} within 50-500")
            when Account( employees >= 50, employees <= 500 ) then end

            rule "Core vertical" @kind(soft) @points(40) @reason("Industry {industry} is a core vertical")
            when Account( industry == "Retail" ) then end

            rule "Recent funding" @kind(trigger) @points(20) @halfLife("P60D")
            when Event( type == "funding_round", daysAgo <= 180 ) then end
            """;

    static final String ACCOUNTS = """
            id,name,industry,employees,country,technologies
            fit-1,One,Retail,200,US,
            small-1,Two,Retail,80,US,
            dq-1,Three,Retail,200,US,CompetitorX
            sw-1,Four,Software,300,US,
            insuf-1,Five,,200,US,
            bad-1,Six,Retail,12a,US,
            """;

    @TempDir
    Path dir;

    private FitEngine v1;
    private FitEngine v2;

    @BeforeEach
    void engines() throws IOException {
        v1 = IcpRules.fromDirectory(TinyRuleset.write(dir.resolve("v1")));
        Path second = TinyRuleset.write(dir.resolve("v2"), V2);
        Files.writeString(second.resolve("ruleset.properties"), TinyRuleset.MANIFEST.replace("version=1", "version=2"));
        v2 = IcpRules.fromDirectory(second);
    }

    @AfterEach
    void close() {
        v1.close();
        v2.close();
    }

    private AccountBook accounts() throws IOException {
        return AccountBook.load(Fixtures.write(dir, "accounts.csv", ACCOUNTS), null, null);
    }

    @Test
    void theTransitionMatrixCountsEveryAccountOnce() throws IOException {
        ComparisonReport r = Comparison.run(v1, v2, accounts(), LocalDate.of(2026, 11, 1), null, 20);

        assertThat(r.before().version()).isEqualTo("1");
        assertThat(r.after().version()).isEqualTo("2");
        assertThat(r.states()).containsExactly("FIT C", "FIT D", "EXCLUDED", "DISQUALIFIED", "INSUFFICIENT_DATA",
                ComparisonReport.ERROR);
        assertThat(r.transitions()).containsExactly(
                List.of(0L, 0L, 0L, 0L, 0L, 0L),   // FIT C: nobody was there before
                List.of(1L, 1L, 0L, 0L, 0L, 0L),   // FIT D: fit-1 moves up, sw-1 stays
                List.of(1L, 0L, 0L, 0L, 0L, 0L),   // EXCLUDED: small-1 now fits
                List.of(1L, 0L, 0L, 0L, 0L, 0L),   // DISQUALIFIED: dq-1 now fits
                List.of(0L, 0L, 0L, 0L, 1L, 0L),   // INSUFFICIENT_DATA stays
                List.of(0L, 0L, 0L, 0L, 0L, 1L));  // the unreadable row stays an error
        assertThat(r.transitions("EXCLUDED", "FIT C")).isEqualTo(1);
        assertThat(r.accounts()).isEqualTo(6);
        assertThat(r.decisionChanged()).isEqualTo(2);
        assertThat(r.tierChanged()).isEqualTo(1);
        assertThat(r.scoreChanged()).isEqualTo(3);
        assertThat(r.unchanged()).isEqualTo(2);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.accountId()).isEqualTo("bad-1");
            assertThat(e.error()).contains("employees: '12a' is not a whole number");
        });
    }

    @Test
    void moversShowTheLedgerLinesThatChanged() throws IOException {
        ComparisonReport r = Comparison.run(v1, v2, accounts(), LocalDate.of(2026, 11, 1), null, 20);

        // All three moved from one state to another by +10 points: in file order.
        assertThat(r.movers()).extracting(Mover::accountId).containsExactly("fit-1", "small-1", "dq-1");
        Mover small = r.movers().get(1);
        assertThat(small.line()).isEqualTo(3);
        assertThat(small.before()).isEqualTo("EXCLUDED");
        assertThat(small.after()).isEqualTo("FIT C");
        assertThat(small.scoreBefore()).isEqualByComparingTo("30");
        assertThat(small.scoreAfter()).isEqualByComparingTo("40");
        assertThat(small.change()).isEqualByComparingTo("10");
        assertThat(small.changes()).containsExactly(
                new LedgerChange("Mid-market headcount", "hard", LedgerChange.ADDED, null, new BigDecimal("0.0"),
                        "Headcount 80 within 50-500"),
                new LedgerChange("Core vertical", "soft", LedgerChange.POINTS, new BigDecimal("30.0"),
                        new BigDecimal("40.0"), "Industry Retail is a core vertical"));
        Mover dq = r.movers().get(2);
        assertThat(dq.changes()).extracting(LedgerChange::rule, LedgerChange::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Core vertical", LedgerChange.POINTS),
                org.assertj.core.groups.Tuple.tuple("Uses competitor", LedgerChange.REMOVED));

        ComparisonReport two = Comparison.run(v1, v2, accounts(), LocalDate.of(2026, 11, 1), null, 2);
        assertThat(two.movers()).extracting(Mover::accountId).containsExactly("fit-1", "small-1");
    }

    @Test
    void withOutcomesBothVersionsAreBacktestedOnTheSameDeals() throws IOException {
        List<DealRecord> deals = OutcomesReader.read(Fixtures.write(dir, "outcomes.csv", """
                account_id,entered_pipeline,outcome
                fit-1,2026-01-01,won
                small-1,2026-01-01,won
                dq-1,2026-01-01,lost
                sw-1,2026-01-01,lost
                """));
        ComparisonReport r = Comparison.run(v1, v2, accounts(), LocalDate.of(2026, 11, 1), deals, 20);
        // Old: in-ICP fit-1 (won) and sw-1 (lost); new: fit-1, small-1, dq-1 and sw-1 are all fits.
        assertThat(r.backtestBefore().segment(BacktestReport.IN_ICP).orElseThrow().winRate().successes()).isEqualTo(1);
        assertThat(r.backtestBefore().segment(BacktestReport.IN_ICP).orElseThrow().closed()).isEqualTo(2);
        assertThat(r.backtestAfter().segment(BacktestReport.IN_ICP).orElseThrow().winRate().successes()).isEqualTo(2);
        assertThat(r.backtestAfter().segment(BacktestReport.IN_ICP).orElseThrow().closed()).isEqualTo(4);
        assertThat(r.backtestBefore().ruleset()).isEqualTo(r.before());
        assertThat(r.backtestAfter().ruleset()).isEqualTo(r.after());
    }
}

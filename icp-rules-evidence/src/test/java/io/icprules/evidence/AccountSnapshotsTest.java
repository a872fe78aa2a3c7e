package io.icprules.evidence;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.io.AccountRecord;
import io.icprules.result.Decision;
import io.icprules.testing.TinyRuleset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts files with a {@code valid_from} column: each deal is scored with the account as it was on
 * its entry date. The tiny ruleset's hard filter wants 100-500 employees; {@code grow-1} had 80 until
 * mid-2025 and 150 from then on.
 */
class AccountSnapshotsTest {

    private static final String SNAPSHOTS = """
            id,valid_from,name,industry,employees,country
            grow-1,2025-01-01,Grow,Retail,80,US
            steady-1,2024-06-01,Steady,Retail,200,US
            grow-1,2025-07-01,Grow,Retail,150,US
            steady-1,2025-13-01,Steady,Retail,9000,US
            steady-1,,Steady,Retail,9000,US
            twice-1,2025-01-01,Twice,Retail,200,US
            twice-1,2025-01-01,Twice,Retail,300,US
            broken-1,2025-01-01,Broken,Retail,12a,US
            broken-1,2025-06-01,Broken,Retail,200,US
            """;

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

    private AccountBook book() throws IOException {
        return AccountBook.load(Fixtures.write(dir, "accounts.csv", SNAPSHOTS), null, null);
    }

    private List<DealRecord> outcomes(String csv) throws IOException {
        return OutcomesReader.read(Fixtures.write(dir, "outcomes.csv", csv));
    }

    @Test
    void anAccountThatGrewAcrossTheHeadcountThresholdIsScoredAsItWasOnEachDealsDate() throws IOException {
        List<ScoredDeal> scored = PointInTimeScorer.score(engine, book(), outcomes("""
                account_id,entered_pipeline,outcome
                grow-1,2025-03-01,lost
                grow-1,2025-06-30,lost
                grow-1,2025-07-01,won
                grow-1,2026-02-01,won
                """));
        assertThat(scored).noneMatch(ScoredDeal::isError);
        assertThat(scored).extracting(s -> s.result().decision())
                .containsExactly(Decision.EXCLUDED, Decision.EXCLUDED, Decision.FIT, Decision.FIT);
        assertThat(scored.get(2).result().score()).isEqualByComparingTo(new BigDecimal("30.0"));
        assertThat(scored.get(0).result().unmetHardFilters()).extracting(n -> n.rule())
                .containsExactly("Mid-market headcount");
        assertThat(scored.get(3).result().unmetHardFilters()).isEmpty();
    }

    @Test
    void theSameAccountsWithoutSnapshotsGiveTheLateHeadcountToEveryDeal() throws IOException {
        // The bias snapshots remove: the file as it is today makes the early deal a fit too.
        AccountBook today = AccountBook.load(Fixtures.write(dir, "today.csv", """
                id,name,industry,employees,country
                grow-1,Grow,Retail,150,US
                """), null, null);
        List<ScoredDeal> scored = PointInTimeScorer.score(engine, today, outcomes("""
                account_id,entered_pipeline,outcome
                grow-1,2025-03-01,lost
                """));
        assertThat(scored.get(0).result().decision()).isEqualTo(Decision.FIT);
        assertThat(today.hasSnapshots()).isFalse();
        assertThat(today.find("grow-1", LocalDate.of(1990, 1, 1))).isEqualTo(today.find("grow-1"));
        assertThat(today.firstSnapshot("grow-1")).isEmpty();
    }

    @Test
    void aDealBeforeTheEarliestSnapshotIsLeftOutRatherThanScoredWithItsFuture() throws IOException {
        AccountBook book = book();
        BacktestReport r = Backtest.run(engine, book, outcomes("""
                account_id,entered_pipeline,outcome
                grow-1,2024-12-31,lost
                grow-1,2025-08-01,won
                """));
        assertThat(r.scored()).isEqualTo(1);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.error()).isEqualTo("entered the pipeline on 2024-12-31, before the earliest snapshot of "
                    + "account grow-1 in accounts.csv (valid from 2025-01-01): left out rather than scored with "
                    + "facts from after it");
        });
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).startsWith("1 deal entered the pipeline before the "
                + "earliest snapshot of its account in accounts.csv and is left out"));
        assertThat(r.scoredAsOf()).isEqualTo("the date it entered the pipeline (entered_pipeline), with the "
                + "account's snapshot valid on that date (7 snapshots of 4 accounts)");
        assertThat(book.firstSnapshot("grow-1")).contains(LocalDate.of(2025, 1, 1));
        assertThat(book.find("grow-1", LocalDate.of(2024, 12, 31))).get().satisfies(a -> {
            assertThat(a.isError()).isTrue();
            assertThat(a.error()).contains("no snapshot of account grow-1 in accounts.csv is valid on 2024-12-31");
        });
    }

    @Test
    void aRowWithABadValidFromCostsThatRowOnlyAndIsReportedWithItsLine() throws IOException {
        AccountBook book = book();
        assertThat(book.rowsLeftOut()).containsExactly(
                "accounts.csv line 5 (account steady-1): valid_from: '2025-13-01' is not a valid date",
                "accounts.csv line 6 (account steady-1): valid_from: is required in a snapshot file (the first day "
                        + "the row describes the account, yyyy-MM-dd)");
        // steady-1's good snapshot still serves every date from 2024-06-01: the 9,000-employee rows are gone.
        AccountRecord steady = book.find("steady-1", LocalDate.of(2026, 6, 1)).orElseThrow();
        assertThat(steady.isError()).isFalse();
        assertThat(steady.facts().account().getEmployees()).isEqualTo(200);
        assertThat(book.find("steady-1")).contains(steady);

        BacktestReport r = Backtest.run(engine, book, outcomes("""
                account_id,entered_pipeline,outcome
                steady-1,2026-01-01,won
                """));
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("2 rows of accounts.csv left out for want of a usable valid_from")
                .contains("line 5 (account steady-1): valid_from: '2025-13-01' is not a valid date"));
    }

    @Test
    void twoRowsOfOneAccountWithTheSameDateAndABadSnapshotAreErrorsForTheirPeriodOnly() throws IOException {
        AccountBook book = book();
        assertThat(book.find("twice-1", LocalDate.of(2025, 5, 1))).get().satisfies(a ->
                assertThat(a.error()).isEqualTo("account twice-1 has 2 rows valid from 2025-01-01 (lines 7, 8 of "
                        + "accounts.csv); keep one row per account and date"));
        List<ScoredDeal> scored = PointInTimeScorer.score(engine, book, outcomes("""
                account_id,entered_pipeline,outcome
                broken-1,2025-02-01,lost
                broken-1,2025-06-01,won
                """));
        assertThat(scored.get(0).error()).startsWith("the account's row in accounts.csv is unusable: line 9 "
                + "(account broken-1): employees: '12a' is not a whole number");
        assertThat(scored.get(1).isError()).isFalse();
        assertThat(scored.get(1).result().decision()).isEqualTo(Decision.FIT);
    }

    @Test
    void compareAndAuditTakeEachAccountAsItWasOnTheirDate() throws IOException {
        AccountBook book = book();
        List<AccountRecord> early = book.recordsAsOf(LocalDate.of(2025, 3, 1));
        // One record per account in order of first appearance, and each undated row at its own line.
        assertThat(early).extracting(AccountRecord::line).containsExactly(2L, 3L, 5L, 6L, 7L, 9L);
        assertThat(early.get(0).facts().account().getEmployees()).isEqualTo(80);
        assertThat(book.recordsAsOf(LocalDate.of(2025, 8, 1)).get(0).facts().account().getEmployees())
                .isEqualTo(150);
        assertThat(book.recordsAsOf(LocalDate.of(2024, 1, 1)).get(0).error())
                .contains("is valid on 2024-01-01: the earliest is valid from 2025-01-01");

        ComparisonReport c = Comparison.run(engine, engine, book, LocalDate.of(2025, 3, 1), null, 5);
        assertThat(c.accounts()).isEqualTo(6);
        assertThat(c.errors()).extracting(RecordError::line).containsExactly(5L, 6L, 7L, 9L);
        assertThat(c.states()).contains("EXCLUDED"); // grow-1 with 80 employees

        List<PipelineRecord> pipeline = PipelineReader.read(Fixtures.write(dir, "pipeline.csv", """
                deal_id,account_id,stage,amount
                P-1,grow-1,demo,1000
                P-2,steady-1,demo,2000
                """));
        AuditReport before = Audit.run(engine, book, pipeline, LocalDate.of(2025, 3, 1));
        assertThat(before.flagged()).isEqualTo(1);
        assertThat(before.groups()).singleElement().satisfies(g -> assertThat(g.items())
                .extracting(AuditDeal::dealId).containsExactly("P-1"));
        assertThat(before.warnings()).anySatisfy(w -> assertThat(w).contains("left out for want of a usable valid_from"));
        AuditReport after = Audit.run(engine, book, pipeline, LocalDate.of(2025, 8, 1));
        assertThat(after.flagged()).isZero();
        AuditReport tooEarly = Audit.run(engine, book, pipeline, LocalDate.of(2024, 12, 1));
        assertThat(tooEarly.errors()).extracting(RecordError::error).containsExactly(
                "deal P-1: the earliest snapshot of account grow-1 in accounts.csv is valid from 2025-01-01, "
                        + "after 2024-12-01");
    }

    @Test
    void aSnapshotFileCarriesEventsToEverySnapshot() throws IOException {
        AccountBook book = AccountBook.load(Fixtures.write(dir, "accounts.csv", SNAPSHOTS),
                Fixtures.write(dir, "events.csv", """
                        account_id,type,date,details
                        grow-1,funding_round,2025-08-01,round=A
                        """), null);
        assertThat(book.orphans()).isEmpty();
        List<ScoredDeal> scored = PointInTimeScorer.score(engine, book, outcomes("""
                account_id,entered_pipeline,outcome
                grow-1,2025-08-01,won
                """));
        assertThat(scored.get(0).result().score()).isEqualByComparingTo(new BigDecimal("50.0"));
    }
}

package io.icprules.evidence.synthetic;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.evidence.AccountBook;
import io.icprules.evidence.Backtest;
import io.icprules.evidence.BacktestReport;
import io.icprules.evidence.Deal;
import io.icprules.evidence.DealOutcome;
import io.icprules.evidence.DealRecord;
import io.icprules.evidence.OutcomesReader;
import io.icprules.evidence.PipelineReader;
import io.icprules.evidence.PipelineRecord;
import io.icprules.evidence.PointInTimeScorer;
import io.icprules.evidence.ScoredDeal;
import io.icprules.evidence.SegmentStats;
import io.icprules.evidence.Verdict;
import io.icprules.io.AccountRecord;
import io.icprules.evidence.stats.Rate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic history plants a known effect of the example workforce-scheduling profile; the
 * backtest must find it, and must find none once the outcomes are shuffled among the deals.
 */
class SyntheticHistoryTest {

    private static final LocalDate ANCHOR = LocalDate.of(2026, 11, 1);
    private static final int DEALS = 2000;
    private static final long SEED = 11;

    private static FitEngine engine;
    private static List<SyntheticHistory.HistoryDeal> history;
    private static AccountBook accounts;

    @BeforeAll
    static void generate() throws IOException {
        engine = IcpRules.fromDirectory(Path.of("../icp-rules-examples/rulesets/workforce-scheduling"));
        history = SyntheticHistory.generate(engine, DEALS, SEED, ANCHOR);
        List<AccountRecord> records = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            records.add(AccountRecord.ok(i + 2, history.get(i).facts()));
        }
        accounts = AccountBook.of("accounts.csv", records, List.of());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static List<DealRecord> deals(List<Deal> deals) {
        List<DealRecord> out = new ArrayList<>();
        for (int i = 0; i < deals.size(); i++) {
            out.add(DealRecord.ok(i + 2, deals.get(i)));
        }
        return out;
    }

    @Test
    void theBacktestRecoversThePlantedEffect() {
        BacktestReport r = Backtest.run(engine, accounts, deals(history.stream().map(SyntheticHistory.HistoryDeal::deal).toList()));
        assertThat(r.errors()).isEmpty();

        // What the generator planted: the mean win probability of the closed deals on each side.
        double expectedIn = history.stream().filter(h -> h.fitThen().isFit() && h.deal().outcome().isClosed())
                .mapToDouble(SyntheticHistory.HistoryDeal::winProbability).average().orElseThrow();
        Rate in = r.segment(BacktestReport.IN_ICP).orElseThrow().winRate();
        Rate out = r.segment(BacktestReport.OUT_OF_ICP).orElseThrow().winRate();
        assertThat(in.trials()).isGreaterThan(200);
        assertThat(expectedIn).isBetween(in.low(), in.high());
        assertThat(SyntheticHistory.WIN_BASE).isBetween(out.low(), out.high());
        assertThat(r.verdict().kind()).isEqualTo(Verdict.Kind.OUTPERFORMS);
        assertThat(r.verdict().text()).startsWith("in-ICP wins ").contains("x more often than out-of-ICP (95% CI ");
        assertThat(expectedIn / SyntheticHistory.WIN_BASE).isBetween(r.verdict().ratio().low(), r.verdict().ratio().high());

        // Fits win more often the better their score: the planted P(win) rises with it.
        List<SegmentStats> tiers = r.tiers();
        assertThat(tiers.size()).isGreaterThanOrEqualTo(3);
        assertThat(tiers.get(0).winRate().value()).isGreaterThan(tiers.get(tiers.size() - 1).winRate().value());
        // Retention was planted higher for fits too.
        assertThat(r.segment(BacktestReport.IN_ICP).orElseThrow().retention12m().value())
                .isGreaterThan(r.segment(BacktestReport.OUT_OF_ICP).orElseThrow().retention12m().value());
    }

    @Test
    void shuffledOutcomesShowNoMaterialEffect() {
        // Each deal keeps its account and entry date but takes another deal's result.
        List<Deal> originals = history.stream().map(SyntheticHistory.HistoryDeal::deal).toList();
        List<Deal> donors = new ArrayList<>(originals);
        Collections.shuffle(donors, new Random(SEED));
        List<Deal> shuffled = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            Deal d = originals.get(i);
            Deal o = donors.get(i);
            shuffled.add(new Deal(d.dealId(), d.accountId(), d.enteredPipeline(), o.outcome(), null, o.amount(),
                    o.cycleDays(), o.retained12m(), o.expansion()));
        }
        BacktestReport r = Backtest.run(engine, accounts, deals(shuffled));
        assertThat(r.verdict().kind()).isEqualTo(Verdict.Kind.NO_MATERIAL_DIFFERENCE);
        assertThat(r.verdict().text()).startsWith("no material difference");
        assertThat(1.0).isBetween(r.verdict().ratio().low(), r.verdict().ratio().high());
    }

    @Test
    void dealsAreScoredAsOfTheirEntryDateNotAsOfToday() {
        List<ScoredDeal> scored = PointInTimeScorer.score(engine, accounts,
                deals(history.stream().map(SyntheticHistory.HistoryDeal::deal).toList()));
        // The backtest sees exactly what the generator saw on each entry date...
        for (int i = 0; i < history.size(); i++) {
            assertThat(scored.get(i).result()).isEqualTo(history.get(i).fitThen());
        }
        // ...which differs from today's view wherever a trigger has aged or an event came later.
        long differ = history.stream()
                .filter(h -> engine.evaluate(h.facts(), ANCHOR).score().compareTo(h.fitThen().score()) != 0).count();
        assertThat(differ).isGreaterThan(DEALS / 20);
    }

    @Test
    void theSameArgumentsGiveByteIdenticalFilesThatReadBack(@TempDir Path dir) throws IOException {
        SyntheticHistory.Written first = SyntheticHistory.write(dir.resolve("a"), engine, 300, 5, ANCHOR);
        SyntheticHistory.write(dir.resolve("b"), engine, 300, 5, ANCHOR);
        assertThat(first.accounts()).isEqualTo(300);
        for (Path f : first.files()) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(f.getFileName()))).as("%s", f.getFileName())
                    .isEqualTo(Files.readAllBytes(f));
        }
        List<SyntheticHistory.HistoryDeal> same = SyntheticHistory.generate(engine, 300, 5, ANCHOR);
        List<DealRecord> read = OutcomesReader.read(dir.resolve("a/outcomes.csv"));
        assertThat(read).noneMatch(DealRecord::isError);
        assertThat(read).extracting(DealRecord::deal).containsExactlyElementsOf(same.stream().map(SyntheticHistory.HistoryDeal::deal).toList());
        List<PipelineRecord> pipeline = PipelineReader.read(dir.resolve("a/pipeline.csv"));
        assertThat(pipeline).hasSize((int) first.openDeals());
        assertThat(pipeline).allSatisfy(p -> assertThat(p.deal().stage()).isIn(SyntheticHistory.STAGES));
        assertThat(same.stream().filter(h -> h.deal().outcome() == DealOutcome.OPEN).count()).isEqualTo(first.openDeals());
        // The files read back as accounts the engine scores as the generator did.
        AccountBook book = AccountBook.load(dir.resolve("a/accounts.csv"), dir.resolve("a/events.csv"),
                dir.resolve("a/contacts.csv"));
        assertThat(book.records()).noneMatch(AccountRecord::isError);
        List<ScoredDeal> scored = PointInTimeScorer.score(engine, book, read);
        for (int i = 0; i < same.size(); i++) {
            assertThat(scored.get(i).result().score()).isEqualByComparingTo(same.get(i).fitThen().score());
        }
    }
}

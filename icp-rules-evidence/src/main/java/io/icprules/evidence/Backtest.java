package io.icprules.evidence;

import io.icprules.engine.FitEngine;
import io.icprules.io.AccountRecord;
import io.icprules.io.OrphanRows;
import io.icprules.evidence.stats.Median;
import io.icprules.evidence.stats.Rate;
import io.icprules.evidence.stats.Ratio;
import io.icprules.result.Decision;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import io.icprules.result.RulesetInfo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Tests a profile against what happened: scores every deal's account as of the day it entered the
 * pipeline ({@link PointInTimeScorer}) and compares the outcomes of the groups the profile makes.
 *
 * <p>The figures are those of {@link BacktestReport}; the verdict is {@link Verdict#judge} on the
 * in-ICP ({@code FIT}) and out-of-ICP win rates. Rows that cannot be used are listed in the report's
 * errors and left out of every figure.
 */
public final class Backtest {

    /** Width of a score band of the histogram, in points. */
    public static final int BAND = 10;

    /** How deals are dated for scoring, as the reports say it. */
    private static final String ENTRY_DATE = "the date it entered the pipeline (entered_pipeline)";

    private Backtest() {
    }

    /**
     * Scores the deals and computes the report.
     *
     * @param engine   the profile, never null
     * @param accounts the accounts with their events and contacts, never null
     * @param deals    the outcomes file's records, never null
     * @return the report
     */
    public static BacktestReport run(FitEngine engine, AccountBook accounts, List<DealRecord> deals) {
        return run(engine, accounts, deals, null);
    }

    /**
     * Scores the deals and computes the report, with the in-ICP advantage period by period
     * ({@link Drift}).
     *
     * @param engine   the profile, never null
     * @param accounts the accounts with their events and contacts, never null
     * @param deals    the outcomes file's records, never null
     * @param by       the period to follow the advantage by, or null for none
     * @return the report
     */
    public static BacktestReport run(FitEngine engine, AccountBook accounts, List<DealRecord> deals, Period by) {
        List<ScoredDeal> scored = PointInTimeScorer.score(engine, accounts, deals);
        Set<String> named = deals.stream().map(DealRecord::accountId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        long withoutDeals = accounts.records().stream().map(AccountRecord::accountId)
                .filter(id -> id != null && !named.contains(id)).distinct().count();
        List<String> warnings = new ArrayList<>(accounts.orphans().stream().map(OrphanRows::describe).toList());
        accounts.rowsLeftOutWarning().ifPresent(warnings::add);
        long predating = deals.stream().filter(d -> !d.isError() && PointInTimeScorer.predates(accounts, d.deal()))
                .count();
        if (predating > 0) {
            warnings.add(String.format(Locale.ROOT, "%,d %s entered the pipeline before the earliest snapshot of "
                    + "%s account in %s and %s left out (listed with the rows left out): a later snapshot would let "
                    + "facts from after the deal into the backtest. To score such deals with a snapshot anyway, "
                    + "give it an earlier valid_from", predating, predating == 1 ? "deal" : "deals",
                    predating == 1 ? "its" : "their", accounts.fileName(), predating == 1 ? "is" : "are"));
        }
        String asOf = accounts.describeSnapshots().map(s -> ENTRY_DATE + ", with the account's snapshot valid on "
                + "that date (" + s + ")").orElse(ENTRY_DATE);
        return report(engine.ruleset(), scored, withoutDeals, warnings, asOf, by);
    }

    /**
     * Computes the report from deals already scored.
     *
     * @param ruleset              the ruleset they were scored with, never null
     * @param deals                the scored deals, error records included, never null
     * @param accountsWithoutDeals accounts that no deal names
     * @param warnings             remarks to carry into the report, never null
     * @return the report
     */
    public static BacktestReport report(RulesetInfo ruleset, List<ScoredDeal> deals, long accountsWithoutDeals,
                                        List<String> warnings) {
        return report(ruleset, deals, accountsWithoutDeals, warnings, ENTRY_DATE, null);
    }

    private static BacktestReport report(RulesetInfo ruleset, List<ScoredDeal> deals, long accountsWithoutDeals,
                                         List<String> warnings, String scoredAsOf, Period by) {
        List<ScoredDeal> ok = deals.stream().filter(d -> !d.isError()).toList();
        List<RecordError> errors = deals.stream().filter(ScoredDeal::isError)
                .map(d -> new RecordError(d.line(), d.accountId(), d.error())).toList();

        Rate baseline = winRate(ok);
        List<SegmentStats> segments = new ArrayList<>();
        for (String tier : tiersBestFirst(ok)) {
            segments.add(segment(tier, "tier", filter(ok, d -> isFit(d) && tier.equals(d.result().tier())), baseline));
        }
        for (Decision decision : Decision.values()) {
            if (decision != Decision.FIT) {
                List<ScoredDeal> in = filter(ok, d -> d.result().decision() == decision);
                if (!in.isEmpty()) {
                    segments.add(segment(decision.name(), "decision", in, baseline));
                }
            }
        }
        List<ScoredDeal> fits = filter(ok, Backtest::isFit);
        List<ScoredDeal> others = filter(ok, d -> !isFit(d));
        segments.add(segment(BacktestReport.IN_ICP, "fit", fits, baseline));
        segments.add(segment(BacktestReport.OUT_OF_ICP, "fit", others, baseline));
        segments.add(segment(BacktestReport.ALL, "all", ok, baseline));

        Verdict verdict = Verdict.judge(winRate(fits), winRate(others));
        return new BacktestReport(RulesetRef.of(ruleset), scoredAsOf, deals.size(),
                ok.size(), errors.size(), accountsWithoutDeals, verdict, segments, histogram(ok), rules(ok), errors,
                warnings, by == null ? null : Drift.measure(ok, by));
    }

    private static boolean isFit(ScoredDeal d) {
        return d.result().decision() == Decision.FIT;
    }

    private static List<ScoredDeal> filter(List<ScoredDeal> deals, Predicate<ScoredDeal> p) {
        return deals.stream().filter(p).toList();
    }

    /** Tiers of the fits, ordered by the best score seen in each: the ruleset's cutoffs are not exposed. */
    private static List<String> tiersBestFirst(List<ScoredDeal> deals) {
        Map<String, BigDecimal> best = new HashMap<>();
        for (ScoredDeal d : deals) {
            if (isFit(d)) {
                best.merge(d.result().tier(), d.result().score(), BigDecimal::max);
            }
        }
        return best.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    private static Rate winRate(List<ScoredDeal> deals) {
        long closed = deals.stream().filter(d -> d.deal().outcome().isClosed()).count();
        long won = deals.stream().filter(d -> d.deal().outcome().isWin()).count();
        return Rate.wilson(won, closed);
    }

    static SegmentStats segment(String name, String kind, List<ScoredDeal> deals, Rate baseline) {
        List<Deal> all = deals.stream().map(ScoredDeal::deal).toList();
        List<Deal> wins = all.stream().filter(d -> d.outcome().isWin()).toList();
        long open = all.stream().filter(d -> !d.outcome().isClosed()).count();
        long lost = all.stream().filter(d -> d.outcome() == DealOutcome.LOST).count();
        long churned = all.stream().filter(d -> d.outcome() == DealOutcome.CHURNED).count();
        Rate winRate = Rate.wilson(wins.size(), wins.size() + lost);
        Double lift = winRate.isKnown() && baseline.isKnown() && baseline.value() > 0
                ? winRate.value() / baseline.value() : null;

        List<BigDecimal> amounts = wins.stream().map(Deal::amount).filter(Objects::nonNull).toList();
        List<BigDecimal> expansions = wins.stream().map(Deal::expansion).filter(Objects::nonNull).toList();
        long retained = wins.stream().filter(d -> Boolean.TRUE.equals(d.retained12m())).count();
        long retentionKnown = wins.stream().filter(d -> d.retained12m() != null).count();
        BigDecimal expandedBase = BigDecimal.ZERO;
        BigDecimal expandedBy = BigDecimal.ZERO;
        for (Deal d : wins) {
            if (d.amount() != null && d.expansion() != null) {
                expandedBase = expandedBase.add(d.amount());
                expandedBy = expandedBy.add(d.expansion());
            }
        }
        Double expansionRate = expandedBase.signum() > 0
                ? expandedBy.divide(expandedBase, MathContext.DECIMAL64).doubleValue() : null;
        return new SegmentStats(name, kind, all.size(), open, wins.size() + lost, wins.size(), lost, churned,
                winRate, lift,
                Median.of(wins.stream().map(Deal::salesCycleDays).filter(Objects::nonNull).toList()),
                Median.of(amounts), sum(amounts),
                Rate.wilson(retained, retentionKnown),
                Median.of(expansions), sum(expansions), expansionRate, UnitEconomics.of(all));
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<ScoreBin> histogram(List<ScoredDeal> deals) {
        int bands = 100 / BAND;
        long[][] counts = new long[bands][3]; // won, lost, open
        for (ScoredDeal d : deals) {
            int band = Math.min(bands - 1, Math.max(0, d.result().score().intValue() / BAND));
            DealOutcome o = d.deal().outcome();
            counts[band][o.isWin() ? 0 : o == DealOutcome.LOST ? 1 : 2]++;
        }
        List<ScoreBin> out = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            long[] c = counts[b];
            out.add(new ScoreBin(b * BAND, (b + 1) * BAND, c[0] + c[1] + c[2], c[0], c[1], c[2],
                    Rate.wilson(c[0], c[0] + c[1])));
        }
        return out;
    }

    private static List<RuleSignal> rules(List<ScoredDeal> deals) {
        List<ScoredDeal> closed = filter(deals, d -> d.deal().outcome().isClosed());
        long won = closed.stream().filter(d -> d.deal().outcome().isWin()).count();
        long lost = closed.size() - won;
        Map<String, String> kinds = new LinkedHashMap<>();
        Map<String, long[]> with = new HashMap<>(); // won, lost
        for (ScoredDeal d : closed) {
            Set<String> seen = new HashSet<>();
            for (LedgerLine line : d.result().ledger()) {
                if (line.kind().isRule() && seen.add(line.rule())) {
                    kinds.putIfAbsent(line.rule(), line.kind().label());
                    with.computeIfAbsent(line.rule(), k -> new long[2])[d.deal().outcome().isWin() ? 0 : 1]++;
                }
            }
        }
        List<RuleSignal> out = new ArrayList<>();
        kinds.forEach((rule, kind) -> {
            long[] c = with.get(rule);
            long wonWith = c[0];
            long lostWith = c[1];
            long withTotal = wonWith + lostWith;
            long withoutTotal = closed.size() - withTotal;
            Ratio ratio = withTotal > 0 && withoutTotal > 0
                    ? Ratio.katz(wonWith, withTotal, won - wonWith, withoutTotal) : null;
            String reading = withTotal < RuleSignal.MIN_DEALS || withoutTotal < RuleSignal.MIN_DEALS || ratio == null
                    ? RuleSignal.TOO_FEW
                    : ratio.low() > 1 ? RuleSignal.PREDICTS_WINNING
                    : ratio.high() < 1 ? RuleSignal.PREDICTS_LOSING : RuleSignal.NO_CLEAR_EFFECT;
            out.add(new RuleSignal(rule, kind, wonWith, lostWith,
                    won > 0 ? (double) wonWith / won : null, lost > 0 ? (double) lostWith / lost : null,
                    Rate.wilson(wonWith, withTotal), Rate.wilson(won - wonWith, withoutTotal), ratio, reading));
        });
        // Most predictive of winning first, most predictive of losing last; unrated rules at the end.
        out.sort(Comparator.comparing((RuleSignal s) -> s.ratio() == null)
                .thenComparing(s -> s.ratio() == null ? 0 : -s.ratio().value())
                .thenComparing(RuleSignal::rule));
        return out;
    }
}

package io.icprules.evidence;

import io.icprules.engine.FitEngine;
import io.icprules.io.OrphanRows;
import io.icprules.io.ScoredRecord;
import io.icprules.io.score.RecordScorer;
import io.icprules.result.Decision;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Previews the impact of a new ruleset version: scores the same accounts with the old and the new
 * version as of one date and reports what moves ({@link ComparisonReport}); with outcomes, also
 * backtests both versions on the same deals. With account snapshots ({@link AccountBook}), each
 * account is taken as its snapshot valid on that date, and a row without a usable {@code valid_from}
 * is an account that could not be compared.
 */
public final class Comparison {

    /** How many movers a report lists unless told otherwise. */
    public static final int DEFAULT_MOVERS = 20;

    private Comparison() {
    }

    /**
     * Compares two versions.
     *
     * @param before   the old version, never null
     * @param after    the new version, never null
     * @param accounts the accounts with their events and contacts, never null
     * @param asOf     the evaluation date, never null
     * @param deals    the outcomes file's records for a side-by-side backtest, or null for none
     * @param movers   how many movers to list, 0 or more
     * @return the report
     */
    public static ComparisonReport run(FitEngine before, FitEngine after, AccountBook accounts, LocalDate asOf,
                                       List<DealRecord> deals, int movers) {
        Objects.requireNonNull(asOf, "asOf");
        List<ScoredRecord> old = score(before, accounts, asOf);
        List<ScoredRecord> now = score(after, accounts, asOf);

        List<String> states = states(old, now);
        long[][] matrix = new long[states.size()][states.size()];
        long decisionChanged = 0;
        long tierChanged = 0;
        long scoreChanged = 0;
        long unchanged = 0;
        List<Mover> moved = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            ScoredRecord o = old.get(i);
            ScoredRecord n = now.get(i);
            String from = state(o);
            String to = state(n);
            matrix[states.indexOf(from)][states.indexOf(to)]++;
            if (o.isError() || n.isError()) {
                errors.add(new RecordError(o.line(), o.accountId(), o.isError() && n.isError() && o.error().equals(n.error())
                        ? o.error()
                        : (o.isError() ? "old version: " + o.error() : "")
                        + (o.isError() && n.isError() ? "; " : "")
                        + (n.isError() ? "new version: " + n.error() : "")));
                continue;
            }
            FitResult a = o.result();
            FitResult b = n.result();
            boolean decision = a.decision() != b.decision();
            boolean tier = !decision && a.decision() == Decision.FIT && !a.tier().equals(b.tier());
            boolean score = a.score().compareTo(b.score()) != 0;
            decisionChanged += decision ? 1 : 0;
            tierChanged += tier ? 1 : 0;
            scoreChanged += score ? 1 : 0;
            List<LedgerChange> changes = ledgerChanges(a, b);
            if (!decision && !tier && !score) {
                unchanged++;
            }
            if (!from.equals(to) || score || !changes.isEmpty()) {
                moved.add(new Mover(o.line(), o.accountId(), from, to, a.score(), b.score(),
                        b.score().subtract(a.score()), changes));
            }
        }
        moved.sort(Comparator.comparing((Mover m) -> m.before().equals(m.after()))
                .thenComparing(m -> m.change().abs(), Comparator.reverseOrder())
                .thenComparingLong(Mover::line));

        List<List<Long>> transitions = new ArrayList<>();
        for (long[] row : matrix) {
            transitions.add(Stream.of(row).flatMapToLong(java.util.Arrays::stream).boxed().toList());
        }
        BacktestReport backtestBefore = deals == null ? null : Backtest.run(before, accounts, deals);
        BacktestReport backtestAfter = deals == null ? null : Backtest.run(after, accounts, deals);
        List<String> warnings = accounts.orphans().stream().map(OrphanRows::describe).toList();
        return new ComparisonReport(RulesetRef.of(before.ruleset()), RulesetRef.of(after.ruleset()), asOf.toString(),
                old.size(), decisionChanged, tierChanged, scoreChanged, unchanged, states, transitions,
                moved.subList(0, Math.min(Math.max(0, movers), moved.size())), errors, backtestBefore, backtestAfter,
                warnings);
    }

    private static List<ScoredRecord> score(FitEngine engine, AccountBook accounts, LocalDate asOf) {
        try (Stream<ScoredRecord> s = RecordScorer.score(engine, accounts.recordsAsOf(asOf).stream(), asOf)) {
            return s.toList();
        }
    }

    /** @return {@code FIT A}, a decision's name, or {@code ERROR} */
    static String state(ScoredRecord r) {
        if (r.isError()) {
            return ComparisonReport.ERROR;
        }
        FitResult f = r.result();
        return f.decision() == Decision.FIT ? "FIT " + f.tier() : f.decision().name();
    }

    /** Fit states best first (by the best score seen in each), then the other decisions, then errors. */
    private static List<String> states(List<ScoredRecord> old, List<ScoredRecord> now) {
        Map<String, BigDecimal> best = new HashMap<>();
        boolean[] seen = new boolean[Decision.values().length];
        boolean errors = false;
        for (ScoredRecord r : Stream.concat(old.stream(), now.stream()).toList()) {
            if (r.isError()) {
                errors = true;
            } else if (r.result().decision() == Decision.FIT) {
                best.merge(state(r), r.result().score(), BigDecimal::max);
            } else {
                seen[r.result().decision().ordinal()] = true;
            }
        }
        List<String> out = new ArrayList<>(best.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList());
        for (Decision d : Decision.values()) {
            if (d != Decision.FIT && seen[d.ordinal()]) {
                out.add(d.name());
            }
        }
        if (errors) {
            out.add(ComparisonReport.ERROR);
        }
        return out;
    }

    /** A rule's lines summed (a {@code @perEvent} trigger may have several), in ledger order. */
    private static Map<String, LedgerLine> byRule(FitResult r, Map<String, BigDecimal> points) {
        Map<String, LedgerLine> first = new LinkedHashMap<>();
        for (LedgerLine l : r.ledger()) {
            first.putIfAbsent(l.rule(), l);
            points.merge(l.rule(), l.points(), BigDecimal::add);
        }
        return first;
    }

    private static List<LedgerChange> ledgerChanges(FitResult before, FitResult after) {
        Map<String, BigDecimal> oldPoints = new HashMap<>();
        Map<String, BigDecimal> newPoints = new HashMap<>();
        Map<String, LedgerLine> old = byRule(before, oldPoints);
        Map<String, LedgerLine> now = byRule(after, newPoints);
        List<LedgerChange> out = new ArrayList<>();
        now.forEach((rule, line) -> {
            if (!old.containsKey(rule)) {
                out.add(new LedgerChange(rule, line.kind().label(), LedgerChange.ADDED, null, newPoints.get(rule),
                        line.reason()));
            } else if (oldPoints.get(rule).compareTo(newPoints.get(rule)) != 0) {
                out.add(new LedgerChange(rule, line.kind().label(), LedgerChange.POINTS, oldPoints.get(rule),
                        newPoints.get(rule), line.reason()));
            }
        });
        old.forEach((rule, line) -> {
            if (!now.containsKey(rule)) {
                out.add(new LedgerChange(rule, line.kind().label(), LedgerChange.REMOVED, oldPoints.get(rule), null,
                        line.reason()));
            }
        });
        return out;
    }
}

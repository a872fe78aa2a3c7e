package io.icprules.evidence.discover;

import io.icprules.engine.FitEngine;
import io.icprules.evidence.AccountBook;
import io.icprules.evidence.DealRecord;
import io.icprules.evidence.PointInTimeScorer;
import io.icprules.evidence.RecordError;
import io.icprules.evidence.RulesetRef;
import io.icprules.evidence.ScoredDeal;
import io.icprules.evidence.stats.BenjaminiHochberg;
import io.icprules.evidence.stats.MantelHaenszel;
import io.icprules.evidence.stats.Rate;
import io.icprules.fact.AccountFacts;
import io.icprules.io.AccountRecord;
import io.icprules.io.OrphanRows;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import io.icprules.result.RulesetInfo;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the rules the data suggests: patterns of closed deals (values of account fields and
 * attributes, technologies, bands of numbers, event types shortly before the deal entered the
 * pipeline) that no rule of the profile covers and that go with winning or losing more often than
 * the profile's own score explains.
 *
 * <p>Each deal's account is scored as of the day it entered the pipeline ({@link PointInTimeScorer}).
 * Closed deals are split by account into a discovery part and a holdout ({@link HoldoutSplit}).
 * In the discovery part, every pattern seen that no rule covers ({@link Coverage}, or a rule that
 * fires for nearly the same deals: a Jaccard index of at least {@value #SAME_DEALS}) and that has
 * enough deals with it and without it is tested with the Cochran-Mantel-Haenszel test, deals
 * grouped by the profile's decision and 10-point score band ({@link MantelHaenszel}); the p-values
 * are adjusted for the number of patterns (Benjamini-Hochberg). A significant pattern is tested again,
 * one-sided in the direction found, on the holdout (adjusted over the significant patterns): only
 * when it holds there is a rule suggested ({@link SuggestedRules}).
 */
public final class Discovery {

    /** A rule that fires for deals this similar (Jaccard index) to a pattern's covers it. */
    public static final double SAME_DEALS = 0.9;

    private static final String COVERS = "conditions on it";
    private static final String SAME = "fires for the same deals";

    private Discovery() {
    }

    /**
     * Scores the deals and searches.
     *
     * @param engine   the profile, never null
     * @param accounts the accounts with their events and contacts, never null
     * @param deals    the outcomes file's records, never null
     * @param coverage what the profile's rules condition on, never null
     * @param options  how to search, never null
     * @return the report
     */
    public static DiscoveryReport run(FitEngine engine, AccountBook accounts, List<DealRecord> deals,
                                      Coverage coverage, DiscoveryOptions options) {
        List<ScoredDeal> scored = PointInTimeScorer.score(engine, accounts, deals);
        List<String> warnings = new ArrayList<>(accounts.orphans().stream().map(OrphanRows::describe).toList());
        accounts.rowsLeftOutWarning().ifPresent(warnings::add);
        return report(engine.ruleset(), scored, accounts, coverage, options, warnings);
    }

    /**
     * Searches deals already scored.
     *
     * @param ruleset  the ruleset they were scored with, never null
     * @param deals    the scored deals, error records included, never null
     * @param accounts the accounts the deals name, never null
     * @param coverage what the profile's rules condition on, never null
     * @param options  how to search, never null
     * @param warnings remarks to carry into the report, never null
     * @return the report
     */
    public static DiscoveryReport report(RulesetInfo ruleset, List<ScoredDeal> deals, AccountBook accounts,
                                         Coverage coverage, DiscoveryOptions options, List<String> warnings) {
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(options, "options");
        List<RecordError> errors = deals.stream().filter(ScoredDeal::isError)
                .map(d -> new RecordError(d.line(), d.accountId(), d.error())).toList();
        List<DealView> views = new ArrayList<>();
        for (ScoredDeal d : deals) {
            if (d.isError() || !d.deal().outcome().isClosed()) {
                continue;
            }
            // The account as it was when the deal entered the pipeline (its snapshot then, when there are snapshots).
            Optional<AccountRecord> account = accounts.find(d.accountId(), d.deal().enteredPipeline());
            if (account.isEmpty() || account.get().isError()) {
                continue; // the scorer made it an error record already
            }
            AccountFacts facts = account.get().facts();
            views.add(new DealView(facts.account(), facts.events(), d.deal().enteredPipeline(),
                    d.deal().outcome().isWin(), stratum(d.result()), fired(d.result()),
                    HoldoutSplit.isHoldout(d.accountId(), options.holdoutShare())));
        }
        List<DealView> discovery = views.stream().filter(v -> !v.holdout()).toList();
        List<DealView> holdout = views.stream().filter(DealView::holdout).toList();

        List<Candidate> candidates = CandidateFinder.find(discovery, options.windowDays());
        Map<String, BitSet> ruleDeals = ruleDeals(discovery);
        List<DiscoveryReport.CoveredPattern> covered = new ArrayList<>();
        List<Candidate> tested = new ArrayList<>();
        List<PartFigures> figures = new ArrayList<>();
        long tooFew = 0;
        for (Candidate c : candidates) {
            Optional<String> rule = coverage.coveringRule(c.field(), c.value());
            if (rule.isPresent()) {
                covered.add(new DiscoveryReport.CoveredPattern(c.label(), rule.get(), COVERS));
                continue;
            }
            BitSet with = new BitSet(discovery.size());
            for (int i = 0; i < discovery.size(); i++) {
                with.set(i, discovery.get(i).has(c));
            }
            if (with.cardinality() < options.minDeals() || discovery.size() - with.cardinality() < options.minDeals()) {
                tooFew++;
                continue;
            }
            Optional<String> same = sameDeals(with, ruleDeals);
            if (same.isPresent()) {
                covered.add(new DiscoveryReport.CoveredPattern(c.label(), same.get(), SAME));
                continue;
            }
            tested.add(c);
            figures.add(figures(discovery, c, null));
        }

        double[] q = BenjaminiHochberg.adjust(figures.stream().mapToDouble(PartFigures::p).toArray());
        List<Integer> significant = new ArrayList<>();
        List<PartFigures> held = new ArrayList<>();
        for (int i = 0; i < tested.size(); i++) {
            figures.set(i, figures.get(i).withQ(q[i]));
            boolean more = more(figures.get(i));
            held.add(figures(holdout, tested.get(i), more));
            if (q[i] <= options.fdr()) {
                significant.add(i);
            }
        }
        double[] heldQ = BenjaminiHochberg.adjust(significant.stream().mapToDouble(i -> held.get(i).p()).toArray());
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < tested.size(); i++) {
            Candidate c = tested.get(i);
            PartFigures d = figures.get(i);
            PartFigures h = held.get(i);
            String status = Finding.NOT_SIGNIFICANT;
            Suggestion suggestion = null;
            int s = significant.indexOf(i);
            if (s >= 0) {
                h = h.withQ(heldQ[s]);
                boolean confirmed = heldQ[s] <= options.fdr() && h.closedWith() > 0;
                status = confirmed ? Finding.CONFIRMED : Finding.NOT_CONFIRMED;
                if (confirmed) {
                    List<long[]> pooled = new ArrayList<>(strata(discovery, c).values());
                    pooled.addAll(strata(holdout, c).values());
                    suggestion = SuggestedRules.suggest(c, MantelHaenszel.of(pooled).rateRatio(), d, h);
                }
            }
            findings.add(new Finding(c.label(), c, more(d) ? Finding.MORE : Finding.FEWER, d, h, status, suggestion));
        }
        findings.sort(Comparator.comparingInt((Finding f) -> rank(f.status()))
                .thenComparingDouble(f -> f.discovery().q())
                .thenComparing(Finding::pattern));

        String method = "Deals with each pattern are compared with deals without it that the profile rated alike "
                + "(same decision and 10-point score band as of entered_pipeline): Cochran-Mantel-Haenszel test, "
                + "Benjamini-Hochberg false discovery rate " + percent(options.fdr())
                + "; a significant pattern is tested again, one-sided, on the holdout";
        String split = String.format(Locale.ROOT, "by account: the SHA-256 of the account id holds out %s of "
                        + "accounts; %,d closed deals to discover patterns, %,d to confirm them",
                percent(options.holdoutShare()), discovery.size(), holdout.size());
        return new DiscoveryReport(RulesetRef.of(ruleset), method, split, options, deals.size(), views.size(),
                discovery.size(), holdout.size(), candidates.size(), tooFew, covered, tested.size(), findings, errors,
                warnings);
    }

    private static int rank(String status) {
        return switch (status) {
            case Finding.CONFIRMED -> 0;
            case Finding.NOT_CONFIRMED -> 1;
            default -> 2;
        };
    }

    private static boolean more(PartFigures f) {
        return f.observedWins() >= f.expectedWins();
    }

    private static String percent(double x) {
        return java.math.BigDecimal.valueOf(100 * x).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString() + "%";
    }

    /** The profile's verdict on a deal that patterns are compared within. */
    private static String stratum(FitResult r) {
        return r.decision().name() + ":" + Math.min(9, Math.max(0, r.score().intValue() / 10));
    }

    private static Set<String> fired(FitResult r) {
        Set<String> out = new LinkedHashSet<>();
        for (LedgerLine l : r.ledger()) {
            if (l.kind().isRule()) {
                out.add(l.rule());
            }
        }
        return out;
    }

    private static Map<String, BitSet> ruleDeals(List<DealView> deals) {
        Map<String, BitSet> out = new TreeMap<>();
        for (int i = 0; i < deals.size(); i++) {
            for (String rule : deals.get(i).fired()) {
                out.computeIfAbsent(rule, k -> new BitSet(deals.size())).set(i);
            }
        }
        return out;
    }

    private static Optional<String> sameDeals(BitSet with, Map<String, BitSet> ruleDeals) {
        for (Map.Entry<String, BitSet> r : ruleDeals.entrySet()) {
            BitSet both = (BitSet) with.clone();
            both.and(r.getValue());
            BitSet either = (BitSet) with.clone();
            either.or(r.getValue());
            if (either.cardinality() > 0 && (double) both.cardinality() / either.cardinality() >= SAME_DEALS) {
                return Optional.of(r.getKey());
            }
        }
        return Optional.empty();
    }

    /** One {@code {wins with, losses with, wins without, losses without}} table per stratum, in stratum order. */
    private static Map<String, long[]> strata(List<DealView> deals, Candidate c) {
        Map<String, long[]> out = new TreeMap<>();
        for (DealView d : deals) {
            long[] t = out.computeIfAbsent(d.stratum(), k -> new long[4]);
            t[(d.has(c) ? 0 : 2) + (d.won() ? 0 : 1)]++;
        }
        return out;
    }

    /**
     * @param more null for the discovery part (two-sided p), else the direction to test on the holdout
     */
    private static PartFigures figures(List<DealView> deals, Candidate c, Boolean more) {
        long[] total = new long[4];
        Map<String, long[]> strata = strata(deals, c);
        strata.values().forEach(t -> {
            for (int k = 0; k < 4; k++) {
                total[k] += t[k];
            }
        });
        MantelHaenszel mh = MantelHaenszel.of(List.copyOf(strata.values()));
        double p = more == null ? mh.pTwoSided() : mh.pOneSided(more);
        return new PartFigures(total[0] + total[1], total[2] + total[3], Rate.wilson(total[0], total[0] + total[1]),
                Rate.wilson(total[2], total[2] + total[3]), mh.observed(), mh.expected(), mh.rateRatio(), p, null);
    }
}

package io.icprules.evidence.report;

import io.icprules.evidence.AuditDeal;
import io.icprules.evidence.AuditGroup;
import io.icprules.evidence.AuditReport;
import io.icprules.evidence.BacktestReport;
import io.icprules.evidence.ComparisonReport;
import io.icprules.evidence.Drift;
import io.icprules.evidence.LedgerChange;
import io.icprules.evidence.Mover;
import io.icprules.evidence.PeriodStats;
import io.icprules.evidence.RecordError;
import io.icprules.evidence.RuleSignal;
import io.icprules.evidence.SegmentStats;
import io.icprules.evidence.UnitEconomics;
import io.icprules.evidence.stats.Rate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The plain-text summary of each report, as the commands print it: the verdict and the main table
 * first, then details; long lists are cut (the JSON and HTML reports hold everything).
 */
public final class TextReports {

    /** How many rules, movers, deals or errors a text summary lists before cutting the list. */
    public static final int SHOWN = 10;

    private TextReports() {
    }

    /**
     * Summarises a backtest.
     *
     * @param r the report, never null
     * @return the text, lines ending in {@code \n}
     */
    public static String backtest(BacktestReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Backtest of %s: %s deals, each scored as of %s; %s counted, %s left out%n",
                r.ruleset().label(), Format.count(r.dealRows()), r.scoredAsOf(), Format.count(r.scored()),
                Format.count(r.errorCount())));
        out.append("Verdict: ").append(r.verdict().text()).append('\n');
        if (r.drift() != null) {
            out.append("Drift by ").append(r.drift().by().label()).append(": ").append(r.drift().text()).append('\n');
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "%-20s %7s %7s %6s %-21s %6s %7s %10s %12s %-21s%n", "group", "deals",
                "closed", "won", "win rate (95% CI)", "lift", "cycle", "median ACV", "total ACV", "12-month retention"));
        for (SegmentStats s : r.segments()) {
            out.append(String.format(Locale.ROOT, "%-20s %7s %7s %6s %-21s %6s %7s %10s %12s %-21s%n",
                    (s.kind().equals("tier") ? "tier " : "") + s.name(), Format.count(s.deals()),
                    Format.count(s.closed()), Format.count(s.won()), Format.rate(s.winRate()),
                    Format.times(s.lift()), Format.number(s.cycleDays().median()), Format.number(s.acv().median()),
                    Format.money(s.acvTotal()), Format.rate(s.retention12m())));
        }
        economics(out, r.segments());
        if (r.drift() != null) {
            drift(out, r.drift());
        }
        List<RuleSignal> over = r.rules().stream().filter(s -> s.ratio() != null && s.ratio().value() > 1).toList();
        List<RuleSignal> under = r.rules().stream().filter(s -> s.ratio() != null && s.ratio().value() < 1).toList();
        out.append('\n').append("Rules most over-represented among won deals:").append('\n');
        rules(out, over.subList(0, Math.min(SHOWN / 2, over.size())));
        out.append("Rules most over-represented among lost deals:").append('\n');
        List<RuleSignal> worst = new ArrayList<>(under.subList(Math.max(0, under.size() - SHOWN / 2), under.size()));
        Collections.reverse(worst);
        rules(out, worst);
        errors(out, r.errors(), "Rows left out");
        r.warnings().forEach(w -> out.append("Warning: ").append(w).append('\n'));
        return out.toString();
    }

    /** Net revenue retention, gross margin and CAC payback by group, when some deals have their cells. */
    private static void economics(StringBuilder out, List<SegmentStats> segments) {
        if (segments.stream().noneMatch(s -> s.economics() != null)) {
            return;
        }
        out.append('\n').append(String.format(Locale.ROOT, "%-20s %-21s %-19s %-24s%n", "group",
                "net revenue retention", "gross margin", "CAC payback, months"));
        for (SegmentStats s : segments) {
            UnitEconomics e = s.economics();
            out.append(String.format(Locale.ROOT, "%-20s %-21s %-19s %-24s%n",
                    (s.kind().equals("tier") ? "tier " : "") + s.name(),
                    e == null || e.netRevenueRetention() == null ? Format.NONE
                            : Format.percent(e.netRevenueRetention()) + " (" + wins(e.retentionDeals()) + ")",
                    e == null || e.grossMargin() == null ? Format.NONE
                            : Format.percent(e.grossMargin()) + " (" + wins(e.marginDeals()) + ")",
                    e == null || e.cacPaybackMonths() == null ? Format.NONE
                            : Format.months(e.cacPaybackMonths()) + " (" + wins(e.paybackWins()) + ", "
                                    + Format.count(e.paybackLost()) + " lost)"));
        }
    }

    private static String wins(long n) {
        return Format.count(n) + (n == 1 ? " win" : " wins");
    }

    private static void drift(StringBuilder out, Drift d) {
        out.append('\n').append(String.format(Locale.ROOT, "By %s of %s (a %s counts in the trend with at least %d "
                + "closed in-ICP and %d closed out-of-ICP deals, and at most a quarter of its deals open):%n",
                d.by().label(), d.dateUsed(), d.by().label(), Drift.MIN_CLOSED, Drift.MIN_CLOSED));
        out.append(String.format(Locale.ROOT, "%-8s %7s %6s %-26s %-26s %-21s %s%n", d.by().label(), "deals", "open",
                "in-ICP won/closed, rate", "out-of-ICP won/closed, rate", "ratio (95% CI)", ""));
        for (PeriodStats p : d.periods()) {
            out.append(String.format(Locale.ROOT, "%-8s %7s %6s %-26s %-26s %-21s %s%n", p.period(),
                    Format.count(p.deals()), Format.count(p.open()), side(p.inIcp()), side(p.outOfIcp()),
                    Format.ratio(p.ratio()), p.enough() ? "" : p.note()));
        }
    }

    private static String side(Rate r) {
        return r.successes() + "/" + r.trials() + (r.isKnown() ? String.format(Locale.ROOT, ", %.1f%%", 100 * r.value())
                : "");
    }

    private static void rules(StringBuilder out, List<RuleSignal> rules) {
        if (rules.isEmpty()) {
            out.append("  (none)\n");
        }
        for (RuleSignal s : rules) {
            out.append(String.format(Locale.ROOT, "  %s (%s): fired for %s won and %s lost deals; win rate %s with, "
                            + "%s without; %s: %s%n", s.rule(), s.kind(), Format.count(s.wonWith()),
                    Format.count(s.lostWith()), Format.rate(s.winRateWith()), Format.rate(s.winRateWithout()),
                    Format.ratio(s.ratio()), s.reading()));
        }
    }

    /**
     * Summarises a comparison.
     *
     * @param r the report, never null
     * @return the text
     */
    public static String comparison(ComparisonReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Comparison of %s (old) and %s (new) on %s accounts as of %s%n",
                r.before().label(), r.after().label(), Format.count(r.accounts()), r.asOf()));
        out.append(String.format(Locale.ROOT, "%s change decision, %s fits change tier, %s change score, %s unchanged, "
                        + "%s could not be compared%n%n", Format.count(r.decisionChanged()), Format.count(r.tierChanged()),
                Format.count(r.scoreChanged()), Format.count(r.unchanged()), Format.count(r.errors().size())));
        int w = Math.max(10, r.states().stream().mapToInt(String::length).max().orElse(10));
        out.append(String.format(Locale.ROOT, "%-" + w + "s", "old \\ new"));
        r.states().forEach(s -> out.append(String.format(Locale.ROOT, " %" + w + "s", s)));
        out.append('\n');
        for (int i = 0; i < r.states().size(); i++) {
            out.append(String.format(Locale.ROOT, "%-" + w + "s", r.states().get(i)));
            for (long c : r.transitions().get(i)) {
                out.append(String.format(Locale.ROOT, " %" + w + "s", Format.count(c)));
            }
            out.append('\n');
        }
        out.append('\n').append("Biggest movers:").append('\n');
        if (r.movers().isEmpty()) {
            out.append("  (none)\n");
        }
        for (Mover m : r.movers().subList(0, Math.min(SHOWN, r.movers().size()))) {
            out.append(String.format(Locale.ROOT, "  line %d %s: %s -> %s, score %s -> %s (%s)%n", m.line(),
                    m.accountId(), m.before(), m.after(), Format.score(m.scoreBefore()), Format.score(m.scoreAfter()),
                    Format.points(m.change())));
            m.changes().forEach(c -> out.append("      ").append(describe(c)).append('\n'));
        }
        if (r.backtestBefore() != null) {
            out.append('\n').append("Backtest, old: ").append(r.backtestBefore().verdict().text()).append('\n');
            out.append("Backtest, new: ").append(r.backtestAfter().verdict().text()).append('\n');
        }
        errors(out, r.errors(), "Accounts that could not be compared");
        r.warnings().forEach(x -> out.append("Warning: ").append(x).append('\n'));
        return out.toString();
    }

    /**
     * Summarises a pipeline audit.
     *
     * @param r the report, never null
     * @return the text
     */
    public static String audit(AuditReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Audit of %s open deals as of %s with %s: %s checked%n",
                Format.count(r.deals()), r.asOf(), r.ruleset().label(), Format.count(r.checked())));
        if (r.flagged() == 0) {
            out.append("No open deal has an account the profile disqualifies or excludes.\n");
        } else {
            out.append(String.format(Locale.ROOT, "%s open %s worth %s %s an account the profile now disqualifies or "
                            + "excludes%s:%n", Format.count(r.flagged()), r.flagged() == 1 ? "deal" : "deals",
                    Format.money(r.amountAtStake()), r.flagged() == 1 ? "has" : "have",
                    r.flaggedWithoutAmount() > 0 ? " (" + r.flaggedWithoutAmount() + " without an amount)" : ""));
        }
        for (AuditGroup g : r.groups()) {
            out.append(String.format(Locale.ROOT, "  %s (%s): %s %s, %s%n", g.rule(), g.kind(),
                    Format.count(g.deals()), g.deals() == 1 ? "deal" : "deals", Format.money(g.amount())));
            deals(out, g.items());
        }
        if (!r.insufficientData().isEmpty()) {
            out.append(String.format(Locale.ROOT, "%s open deals cannot be judged: data the profile requires is missing%n",
                    Format.count(r.insufficientData().size())));
            deals(out, r.insufficientData());
        }
        errors(out, r.errors(), "Pipeline rows that could not be checked");
        r.warnings().forEach(x -> out.append("Warning: ").append(x).append('\n'));
        return out.toString();
    }

    private static void deals(StringBuilder out, List<AuditDeal> deals) {
        for (AuditDeal d : deals.subList(0, Math.min(SHOWN, deals.size()))) {
            out.append(String.format(Locale.ROOT, "    %s  %s  %s  %s  %s (line %d)%n", d.dealId(), d.accountId(),
                    d.stage() == null ? Format.NONE : d.stage(), Format.money(d.amount()), d.reason(), d.line()));
        }
        if (deals.size() > SHOWN) {
            out.append(String.format(Locale.ROOT, "    ... and %s more (all in the JSON and HTML reports)%n",
                    Format.count(deals.size() - SHOWN)));
        }
    }

    static void errors(StringBuilder out, List<RecordError> errors, String title) {
        if (errors.isEmpty()) {
            return;
        }
        out.append(String.format(Locale.ROOT, "%s: %s%s%n", title, Format.count(errors.size()),
                errors.size() > SHOWN ? " (the first " + SHOWN + "; all in the JSON and HTML reports)" : ""));
        for (RecordError e : errors.subList(0, Math.min(SHOWN, errors.size()))) {
            out.append("  line ").append(e.line()).append(e.accountId() == null ? "" : " (account " + e.accountId() + ")")
                    .append(": ").append(e.error()).append('\n');
        }
    }

    /**
     * Describes one ledger change.
     *
     * @param c the change, never null
     * @return such as {@code added: Chain of 10-40 locations +18.0 (soft)} or
     *         {@code points: Funding or PE investment +7.6 -> +9.1 (trigger)}
     */
    public static String describe(LedgerChange c) {
        return switch (c.change()) {
            case LedgerChange.ADDED -> "added: " + c.rule() + " " + Format.points(c.pointsAfter()) + " (" + c.kind()
                    + ") " + c.reason();
            case LedgerChange.REMOVED -> "removed: " + c.rule() + " " + Format.points(c.pointsBefore()) + " ("
                    + c.kind() + ")";
            default -> "points: " + c.rule() + " " + Format.points(c.pointsBefore()) + " -> "
                    + Format.points(c.pointsAfter()) + " (" + c.kind() + ")";
        };
    }
}

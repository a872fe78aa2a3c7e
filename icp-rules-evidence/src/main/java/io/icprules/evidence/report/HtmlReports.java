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
import io.icprules.evidence.ScoreBin;
import io.icprules.evidence.SegmentStats;
import io.icprules.evidence.UnitEconomics;
import io.icprules.evidence.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders each report as one self-contained HTML page: inline CSS and SVG, no script, no link to
 * anything outside the file, so that it opens offline and can be mailed or archived as it is.
 *
 * <p>A backtest page shows the verdict, three charts (win rate by group with 95% intervals against
 * the all-deals baseline, a histogram of scores split by outcome, 12-month retention by group),
 * the drift over time when asked for (the in-ICP advantage period by period, charted with its
 * intervals and trend), the outcome table by group, the rules that predict winning or losing, the
 * score bands and every row that was left out. A comparison page shows the transition matrix, the biggest movers with
 * their ledger changes and, with outcomes, both backtests. An audit page lists the flagged deals
 * by rule.
 */
public final class HtmlReports {

    // Page colours differ from the chart colours (Charts), so that a chart's colour found in a
    // screenshot can only come from that chart.
    private static final String CSS = """
            body{font-family:-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:24px auto;
            max-width:1280px;padding:0 16px;color:#1a202c;line-height:1.45}
            h1{font-size:1.5em;margin-bottom:4px}h2{font-size:1.2em;margin-top:32px;border-bottom:1px solid #e2e8f0}
            .meta{color:#4a5568}.verdict{font-size:1.15em;padding:12px 16px;border-radius:6px;border-left:6px solid}
            .verdict-OUTPERFORMS{background:#f0fff4;border-color:#38a169}
            .verdict-NO_MATERIAL_DIFFERENCE,.verdict-NOT_ENOUGH_DATA{background:#fffff0;border-color:#d69e2e}
            .verdict-UNDERPERFORMS,.verdict-FALLING{background:#fff5f5;border-color:#e53e3e}
            .verdict-STABLE,.verdict-RISING{background:#f0fff4;border-color:#38a169}
            .charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0;flex:0 0 auto}
            figcaption{max-width:400px;font-size:.85em;color:#4a5568}
            svg text{font-size:11px;fill:#2d3748}svg text.value{font-size:10px}
            table{border-collapse:collapse;margin:8px 0;font-size:.9em;display:block;overflow-x:auto;max-width:100%}
            th,td{border:1px solid #e2e8f0;padding:4px 8px;text-align:right;vertical-align:top;white-space:nowrap}
            td.l{white-space:normal}
            th{background:#f7fafc;white-space:normal}td.l,th.l{text-align:left}tr.sum td{font-weight:600;background:#f7fafc}
            .note{font-size:.85em;color:#4a5568;max-width:1000px}.good{color:#276749}.bad{color:#9b2c2c}
            .side{display:flex;flex-wrap:wrap;gap:24px}.side>section{flex:1 1 600px}
            td.diag{font-weight:600}ul.changes{margin:0;padding-left:16px;text-align:left}
            """;

    private HtmlReports() {
    }

    /**
     * Renders a backtest.
     *
     * @param report the report, never null
     * @return the page
     */
    public static String backtest(BacktestReport report) {
        Html h = page("Is my ICP right? Backtest of " + report.ruleset().label());
        backtestBody(h, report, "bt");
        return end(h);
    }

    /**
     * Renders a comparison of two ruleset versions.
     *
     * @param report the report, never null
     * @return the page
     */
    public static String comparison(ComparisonReport report) {
        Html h = page("Impact of " + report.after().label() + " against " + report.before().label());
        h.element("p", String.format(Locale.ROOT, "%s accounts scored as of %s with both versions: %s change "
                        + "decision, %s fits change tier, %s change score, %s are unchanged.",
                Format.count(report.accounts()), report.asOf(), Format.count(report.decisionChanged()),
                Format.count(report.tierChanged()), Format.count(report.scoreChanged()),
                Format.count(report.unchanged())), "class", "meta");
        h.element("h2", "Transition matrix");
        h.element("p", "Rows: state under the old version; columns: state under the new one. The diagonal "
                + "holds the accounts that stay where they were.", "class", "note");
        matrix(h, report);
        h.element("h2", "Biggest movers");
        movers(h, report.movers());
        if (report.backtestBefore() != null) {
            h.element("h2", "Backtest side by side");
            versus(h, report.backtestBefore(), report.backtestAfter());
            h.open("div", "class", "side");
            h.open("section").element("h2", "Old: " + report.before().label());
            backtestBody(h, report.backtestBefore(), "old");
            h.close("section");
            h.open("section").element("h2", "New: " + report.after().label());
            backtestBody(h, report.backtestAfter(), "new");
            h.close("section").close("div");
        }
        errors(h, report.errors(), "Accounts that could not be compared");
        warnings(h, report.warnings());
        return end(h);
    }

    /**
     * Renders a pipeline audit.
     *
     * @param report the report, never null
     * @return the page
     */
    public static String audit(AuditReport report) {
        Html h = page("Pipeline audit with " + report.ruleset().label());
        h.element("p", String.format(Locale.ROOT, "%s open deals, %s checked as of %s.", Format.count(report.deals()),
                Format.count(report.checked()), report.asOf()), "class", "meta");
        String verdict = report.flagged() == 0 ? "No open deal has an account the profile disqualifies or excludes."
                : String.format(Locale.ROOT, "%s open %s worth %s %s an account the profile now disqualifies or "
                        + "excludes%s.", Format.count(report.flagged()), report.flagged() == 1 ? "deal" : "deals",
                Format.money(report.amountAtStake()), report.flagged() == 1 ? "has" : "have",
                report.flaggedWithoutAmount() > 0 ? " (" + report.flaggedWithoutAmount() + " without an amount)" : "");
        h.element("p", verdict, "class", "verdict verdict-" + (report.flagged() == 0 ? "OUTPERFORMS" : "UNDERPERFORMS"));
        for (AuditGroup g : report.groups()) {
            h.element("h2", g.rule() + " (" + g.kind() + "): " + g.deals() + (g.deals() == 1 ? " deal, " : " deals, ")
                    + Format.money(g.amount()));
            auditDeals(h, g.items());
        }
        if (!report.insufficientData().isEmpty()) {
            h.element("h2", "Cannot be judged: data the profile requires is missing");
            auditDeals(h, report.insufficientData());
        }
        errors(h, report.errors(), "Pipeline rows that could not be checked");
        warnings(h, report.warnings());
        return end(h);
    }

    /**
     * Writes a page to a file, replacing it.
     *
     * @param html the page, never null
     * @param file the file, never null
     * @throws IOException when it cannot be written
     */
    public static void write(String html, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(html);
        }
    }

    static Html page(String title) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>").newline().open("html", "lang", "en").open("head")
                .empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", title).open("style").raw(CSS).close("style").close("head").newline()
                .open("body").element("h1", title).newline();
        return h;
    }

    static String end(Html h) {
        return h.close("body").close("html").newline().toString();
    }

    private static void backtestBody(Html h, BacktestReport r, String id) {
        h.element("p", String.format(Locale.ROOT, "%s deals in the outcomes file, each scored as of %s; %s counted, "
                        + "%s left out (listed below). %s accounts of the accounts file have no deal.",
                Format.count(r.dealRows()), r.scoredAsOf(), Format.count(r.scored()), Format.count(r.errorCount()),
                Format.count(r.accountsWithoutDeals())), "class", "meta");
        h.open("p", "class", "verdict verdict-" + r.verdict().kind().name())
                .element("strong", "Verdict: ").text(r.verdict().text()).close("p").newline();

        List<Charts.Bar> wins = new ArrayList<>();
        List<Charts.Bar> retention = new ArrayList<>();
        for (SegmentStats s : chartSegments(r)) {
            wins.add(new Charts.Bar(s.name(), s.winRate()));
            retention.add(new Charts.Bar(s.name(), s.retention12m()));
        }
        SegmentStats all = r.segment(BacktestReport.ALL).orElseThrow();
        h.open("div", "class", "charts");
        h.open("figure");
        Charts.rates(h, id + "-win-rate", "Win rate by tier", wins, all.winRate().value(), "all deals",
                Charts.WIN_RATE);
        h.element("figcaption", "Win rate (won or churned, over closed deals) of the fits of each tier, of all "
                + "in-ICP and of all out-of-ICP deals. Whiskers: 95% Wilson interval. Dashed: all deals.");
        h.close("figure");
        h.open("figure");
        List<Charts.Stack> bins = new ArrayList<>();
        for (ScoreBin b : r.scoreHistogram()) {
            bins.add(new Charts.Stack(String.valueOf(b.from()), new long[] {b.won(), b.lost(), b.open()}));
        }
        Charts.stacked(h, id + "-score-histogram", "Score histogram", bins, List.of("won", "lost", "open"),
                List.of(Charts.WON, Charts.LOST, Charts.OPEN));
        h.element("figcaption", "Deals by the score their account had when it entered the pipeline, in bands of "
                + "10 points (the label is the band's lower end), split by outcome. A working profile puts "
                + "more green to the right.");
        h.close("figure");
        h.open("figure");
        Charts.rates(h, id + "-retention", "12-month retention by tier", retention, all.retention12m().value(),
                "all wins", Charts.RETENTION);
        h.element("figcaption", "Share of won customers still customers 12 months later, where the outcomes file "
                + "says. Whiskers: 95% Wilson interval. Dashed: all wins.");
        h.close("figure");
        h.close("div").newline();
        if (r.drift() != null) {
            drift(h, r.drift(), id);
        }

        h.element("h3", "Outcomes by group");
        segments(h, r.segments());
        h.element("p", "Tiers are those of the fits (decision FIT); the other decisions follow. Win rate: won or "
                + "churned over closed deals, with its 95% Wilson interval. Lift: the group's win rate over the "
                + "win rate of all deals. Cycle, contract value (ACV), retention and expansion are those of the "
                + "wins where the outcomes file gives them; medians come with a 95% interval when there are at "
                + "least 8 values. Expansion rate: expansion over ACV, summed over wins that have both.",
                "class", "note");
        economics(h, r.segments());
        h.element("h3", "Which signals predict winning");
        rules(h, r.rules());
        h.element("p", "For each rule that fired for a closed deal (as of its entry date): how many won and lost "
                + "deals it fired for, its share of all won and of all lost deals, and the win rate of closed "
                + "deals with and without it. Ratio: win rate with over win rate without, 95% Katz interval. A "
                + "rule over-represented among wins sits at the top; one over-represented among losses at the "
                + "bottom.", "class", "note");
        h.element("h3", "Score bands");
        bands(h, r.scoreHistogram());
        errors(h, r.errors(), "Rows left out of the figures");
        warnings(h, r.warnings());
    }

    private static void drift(Html h, Drift d, String id) {
        h.element("h3", "Drift over time, by " + d.by().label());
        h.open("p", "class", "verdict verdict-" + d.kind().name()).element("strong", "Trend: ").text(d.text())
                .close("p").newline();
        List<Charts.Point> points = new ArrayList<>();
        for (int i = 0; i < d.periods().size(); i++) {
            PeriodStats p = d.periods().get(i);
            boolean inTrend = d.trend() != null && i >= d.firstCounted()
                    && i <= d.firstCounted() + lastCounted(d);
            points.add(new Charts.Point(p.period(), p.ratio(), p.enough(),
                    inTrend ? Math.exp(d.trend().at(i - d.firstCounted())) : null));
        }
        h.open("figure");
        Charts.ratios(h, id + "-drift", "In-ICP over out-of-ICP win rate by " + d.by().label(), points);
        h.element("figcaption", "The in-ICP win rate over the out-of-ICP one for the deals that entered the "
                + "pipeline in each " + d.by().label() + " (log scale). Whiskers: 95% Katz interval. Hollow: left "
                + "out of the trend (fewer than " + Drift.MIN_CLOSED + " closed deals on a side, or over a quarter of "
                + "the deals still open). Dotted: the fitted "
                + "trend. Dashed: no advantage.");
        h.close("figure");
        h.open("table").open("tr");
        for (String c : List.of(d.by().label(), "deals", "open", "in-ICP closed", "in-ICP win rate (95% CI)",
                "out-of-ICP closed", "out-of-ICP win rate (95% CI)", "ratio (95% CI)", "counts in the trend")) {
            h.element("th", c, "class", c.equals(d.by().label()) ? "l" : null);
        }
        h.close("tr");
        for (PeriodStats p : d.periods()) {
            h.open("tr").element("td", p.period()).element("td", Format.count(p.deals()))
                    .element("td", Format.count(p.open())).element("td", Format.count(p.inIcp().trials()))
                    .element("td", Format.rate(p.inIcp())).element("td", Format.count(p.outOfIcp().trials()))
                    .element("td", Format.rate(p.outOfIcp())).element("td", Format.ratio(p.ratio()))
                    .element("td", p.enough() ? "yes" : "no: " + p.note()).close("tr").newline();
        }
        h.close("table");
        h.element("p", "Deals are placed by their " + d.dateUsed() + " date, the date they were scored as of. A "
                + d.by().label() + " counts in the trend when it has at least " + Drift.MIN_CLOSED + " closed in-ICP "
                + "and " + Drift.MIN_CLOSED + " closed out-of-ICP deals, and at most a quarter of its deals are "
                + "still open. The trend is a weighted least-squares line "
                + "through the logarithms of the counted ratios, each weighted by the inverse of its variance; it "
                + "is called drift when the whole 95% interval of its change per " + d.by().label() + " is on one "
                + "side of 1 and the fitted ratio moves by at least a factor of 1.25 from the first counted "
                + d.by().label() + " to the last. The latest " + d.by().plural() + " hold many open deals, and "
                + "their closed deals are the quick ones: that is why a " + d.by().label() + " with many open deals "
                + "does not count.", "class", "note");
    }

    /** @return how many periods after the first counted one the last counted one is */
    private static int lastCounted(Drift d) {
        int last = d.firstCounted();
        for (int i = 0; i < d.periods().size(); i++) {
            if (d.periods().get(i).enough()) {
                last = i;
            }
        }
        return last - d.firstCounted();
    }

    /** Tiers of the fits, then in-ICP and out-of-ICP: what the rate charts show. */
    private static List<SegmentStats> chartSegments(BacktestReport r) {
        List<SegmentStats> out = new ArrayList<>(r.tiers());
        r.segment(BacktestReport.IN_ICP).ifPresent(out::add);
        r.segment(BacktestReport.OUT_OF_ICP).ifPresent(out::add);
        return out;
    }

    private static void segments(Html h, List<SegmentStats> segments) {
        h.open("table").open("tr");
        for (String c : List.of("group", "deals", "open", "closed", "won", "win rate (95% CI)", "lift",
                "median cycle, days", "median ACV", "total ACV", "12-month retention", "expansion", "expansion rate")) {
            h.element("th", c, "class", c.equals("group") ? "l" : null);
        }
        h.close("tr");
        for (SegmentStats s : segments) {
            h.open("tr", "class", s.kind().equals("fit") || s.kind().equals("all") ? "sum" : null);
            h.element("td", (s.kind().equals("tier") ? "tier " : "") + s.name(), "class", "l");
            h.element("td", Format.count(s.deals())).element("td", Format.count(s.open()))
                    .element("td", Format.count(s.closed())).element("td", Format.count(s.won()))
                    .element("td", Format.rate(s.winRate())).element("td", Format.times(s.lift()))
                    .element("td", Format.median(s.cycleDays())).element("td", Format.median(s.acv()))
                    .element("td", Format.money(s.acvTotal())).element("td", Format.rate(s.retention12m()))
                    .element("td", Format.money(s.expansionTotal())).element("td", Format.percent(s.expansionRate()));
            h.close("tr").newline();
        }
        h.close("table");
    }

    /** Net revenue retention, gross margin and CAC payback by group; the section is left out when no deal has their cells. */
    private static void economics(Html h, List<SegmentStats> segments) {
        if (segments.stream().noneMatch(s -> s.economics() != null)) {
            return;
        }
        h.element("h3", "Unit economics by group");
        h.open("table").open("tr");
        for (String c : List.of("group", "net revenue retention", "wins", "gross margin", "wins", "CAC payback, months",
                "wins + lost")) {
            h.element("th", c, "class", c.equals("group") ? "l" : null);
        }
        h.close("tr");
        for (SegmentStats s : segments) {
            UnitEconomics e = s.economics();
            h.open("tr", "class", s.kind().equals("fit") || s.kind().equals("all") ? "sum" : null);
            h.element("td", (s.kind().equals("tier") ? "tier " : "") + s.name(), "class", "l");
            h.element("td", e == null ? Format.NONE : Format.percent(e.netRevenueRetention()))
                    .element("td", e == null || e.netRevenueRetention() == null ? Format.NONE : Format.count(e.retentionDeals()))
                    .element("td", e == null ? Format.NONE : Format.percent(e.grossMargin()))
                    .element("td", e == null || e.grossMargin() == null ? Format.NONE : Format.count(e.marginDeals()))
                    .element("td", e == null ? Format.NONE : Format.months(e.cacPaybackMonths()))
                    .element("td", e == null || e.cacPaybackMonths() == null ? Format.NONE
                            : Format.count(e.paybackWins()) + " + " + Format.count(e.paybackLost()));
            h.close("tr").newline();
        }
        h.close("table");
        h.element("p", "Over the wins whose cells the outcomes file gives. Net revenue retention: (ACV + expansion - "
                + "churned ACV) / ACV, summed. Gross margin: the ACV-weighted mean. CAC payback: the acquisition cost "
                + "of those wins and of the lost deals that have one, over the wins' monthly gross profit (ACV / 12 x "
                + "gross margin).", "class", "note");
    }

    private static void rules(Html h, List<RuleSignal> rules) {
        if (rules.isEmpty()) {
            h.element("p", "No rule fired for a closed deal.");
            return;
        }
        h.open("table").open("tr");
        for (String c : List.of("rule", "kind", "won with", "lost with", "share of won", "share of lost",
                "win rate with", "win rate without", "ratio (95% CI)", "reading")) {
            h.element("th", c, "class", c.equals("rule") || c.equals("kind") || c.equals("reading") ? "l" : null);
        }
        h.close("tr");
        for (RuleSignal s : rules) {
            String tone = s.reading().equals(RuleSignal.PREDICTS_WINNING) ? "l good"
                    : s.reading().equals(RuleSignal.PREDICTS_LOSING) ? "l bad" : "l";
            h.open("tr").element("td", s.rule(), "class", "l").element("td", s.kind(), "class", "l")
                    .element("td", Format.count(s.wonWith())).element("td", Format.count(s.lostWith()))
                    .element("td", Format.percent(s.shareOfWon())).element("td", Format.percent(s.shareOfLost()))
                    .element("td", Format.rate(s.winRateWith())).element("td", Format.rate(s.winRateWithout()))
                    .element("td", Format.ratio(s.ratio())).element("td", s.reading(), "class", tone)
                    .close("tr").newline();
        }
        h.close("table");
    }

    private static void bands(Html h, List<ScoreBin> bins) {
        h.open("table").open("tr");
        for (String c : List.of("score", "deals", "won", "lost", "open", "win rate (95% CI)")) {
            h.element("th", c, "class", c.equals("score") ? "l" : null);
        }
        h.close("tr");
        for (ScoreBin b : bins) {
            h.open("tr").element("td", b.from() + "-" + (b.to() == 100 ? "100" : "<" + b.to()), "class", "l")
                    .element("td", Format.count(b.deals())).element("td", Format.count(b.won()))
                    .element("td", Format.count(b.lost())).element("td", Format.count(b.open()))
                    .element("td", Format.rate(b.winRate())).close("tr");
        }
        h.close("table");
    }

    private static void versus(Html h, BacktestReport before, BacktestReport after) {
        h.open("table").open("tr").element("th", "", "class", "l").element("th", "old: " + before.ruleset().label())
                .element("th", "new: " + after.ruleset().label()).close("tr");
        row(h, "verdict", before.verdict().text(), after.verdict().text());
        row(h, "in-ICP over out-of-ICP win rate", ratio(before.verdict()), ratio(after.verdict()));
        for (String s : List.of(BacktestReport.IN_ICP, BacktestReport.OUT_OF_ICP)) {
            row(h, s + " deals", before.segment(s).map(x -> Format.count(x.deals())).orElse(Format.NONE),
                    after.segment(s).map(x -> Format.count(x.deals())).orElse(Format.NONE));
            row(h, s + " win rate", before.segment(s).map(x -> Format.rate(x.winRate())).orElse(Format.NONE),
                    after.segment(s).map(x -> Format.rate(x.winRate())).orElse(Format.NONE));
            row(h, s + " 12-month retention",
                    before.segment(s).map(x -> Format.rate(x.retention12m())).orElse(Format.NONE),
                    after.segment(s).map(x -> Format.rate(x.retention12m())).orElse(Format.NONE));
        }
        h.close("table");
    }

    private static String ratio(Verdict v) {
        return Format.ratio(v.ratio());
    }

    private static void row(Html h, String name, String a, String b) {
        h.open("tr").element("td", name, "class", "l").element("td", a, "class", "l").element("td", b, "class", "l")
                .close("tr");
    }

    private static void matrix(Html h, ComparisonReport r) {
        long max = 1;
        for (List<Long> row : r.transitions()) {
            for (long c : row) {
                max = Math.max(max, c);
            }
        }
        h.open("table", "id", "transition-matrix").open("tr").element("th", "old \\ new", "class", "l");
        r.states().forEach(s -> h.element("th", s));
        h.element("th", "total").close("tr");
        for (int i = 0; i < r.states().size(); i++) {
            h.open("tr").element("th", r.states().get(i), "class", "l");
            long total = 0;
            for (int j = 0; j < r.states().size(); j++) {
                long c = r.transitions().get(i).get(j);
                total += c;
                String shade = c == 0 ? null : String.format(Locale.ROOT, "background:rgba(43,108,176,%.2f)",
                        0.08 + 0.5 * c / max);
                h.element("td", c == 0 ? "" : Format.count(c), "class", i == j ? "diag" : null, "style", shade);
            }
            h.element("td", Format.count(total)).close("tr").newline();
        }
        h.close("table");
    }

    private static void movers(Html h, List<Mover> movers) {
        if (movers.isEmpty()) {
            h.element("p", "No account changes.");
            return;
        }
        h.open("table").open("tr");
        for (String c : List.of("line", "account", "old", "new", "old score", "new score", "change",
                "ledger lines that changed")) {
            h.element("th", c, "class", c.equals("account") || c.startsWith("ledger") ? "l" : null);
        }
        h.close("tr");
        for (Mover m : movers) {
            h.open("tr").element("td", String.valueOf(m.line())).element("td", m.accountId(), "class", "l")
                    .element("td", m.before()).element("td", m.after()).element("td", Format.score(m.scoreBefore()))
                    .element("td", Format.score(m.scoreAfter())).element("td", Format.points(m.change()));
            h.open("td", "class", "l").open("ul", "class", "changes");
            for (LedgerChange c : m.changes()) {
                h.element("li", TextReports.describe(c));
            }
            h.close("ul").close("td").close("tr").newline();
        }
        h.close("table");
    }

    private static void auditDeals(Html h, List<AuditDeal> deals) {
        h.open("table").open("tr");
        for (String c : List.of("line", "deal", "account", "stage", "amount", "decision", "score", "why")) {
            h.element("th", c, "class", c.equals("deal") || c.equals("account") || c.equals("stage")
                    || c.equals("decision") || c.equals("why") ? "l" : null);
        }
        h.close("tr");
        for (AuditDeal d : deals) {
            h.open("tr").element("td", String.valueOf(d.line())).element("td", d.dealId(), "class", "l")
                    .element("td", d.accountId(), "class", "l")
                    .element("td", d.stage() == null ? Format.NONE : d.stage(), "class", "l")
                    .element("td", Format.money(d.amount())).element("td", d.decision(), "class", "l")
                    .element("td", Format.score(d.score())).element("td", d.reason(), "class", "l")
                    .close("tr").newline();
        }
        h.close("table");
    }

    static void errors(Html h, List<RecordError> errors, String title) {
        if (errors.isEmpty()) {
            return;
        }
        h.element("h3", title + " (" + errors.size() + ")");
        h.open("table").open("tr").element("th", "line").element("th", "account", "class", "l")
                .element("th", "problem", "class", "l").close("tr");
        for (RecordError e : errors) {
            h.open("tr").element("td", String.valueOf(e.line()))
                    .element("td", e.accountId() == null ? Format.NONE : e.accountId(), "class", "l")
                    .element("td", e.error(), "class", "l").close("tr").newline();
        }
        h.close("table");
    }

    static void warnings(Html h, List<String> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        h.element("h3", "Warnings");
        h.open("ul");
        warnings.forEach(w -> h.element("li", w));
        h.close("ul");
    }
}

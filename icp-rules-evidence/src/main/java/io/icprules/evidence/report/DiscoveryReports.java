package io.icprules.evidence.report;

import io.icprules.evidence.discover.DiscoveryReport;
import io.icprules.evidence.discover.Finding;
import io.icprules.evidence.discover.PartFigures;

import java.util.List;
import java.util.Locale;

/**
 * Renders what {@code icp discover} found, as the text the command prints and as one
 * self-contained HTML page: the ranked patterns that no rule covers, significant in the discovery
 * part, confirmed or not on the holdout, then the rules suggested for the confirmed ones.
 */
public final class DiscoveryReports {

    /** How many of the strongest non-significant patterns the text lists when none is significant. */
    public static final int CLOSEST = 5;

    private static final String ROW = "%3s  %-44s %-24s %6s %-21s %7s %-8s %-22s %-8s %-12s %s%n";

    private DiscoveryReports() {
    }

    /**
     * Summarises a discovery.
     *
     * @param r the report, never null
     * @return the text, lines ending in {@code \n}
     */
    public static String text(DiscoveryReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Rules the data suggests for %s: %s closed deals of %s rows%n",
                r.ruleset().label(), Format.count(r.closedDeals()), Format.count(r.dealRows())));
        out.append("Split: ").append(r.split()).append('\n');
        out.append("Method: ").append(r.method()).append('\n');
        out.append(summary(r)).append('\n').append('\n');
        List<Finding> shown = r.significant();
        if (shown.isEmpty()) {
            out.append(String.format(Locale.ROOT, "No pattern that no rule covers is significant at a %s false "
                    + "discovery rate: nothing to suggest.%n", percent(r.options().fdr())));
            shown = r.findings().subList(0, Math.min(CLOSEST, r.findings().size()));
            if (!shown.isEmpty()) {
                out.append("The closest ones:\n");
            }
        }
        if (!shown.isEmpty()) {
            out.append(String.format(Locale.ROOT, ROW, "#", "pattern", "status", "with", "win rate (95% CI)",
                    "without", "win rate", "lift vs alike (95% CI)", "q", "holdout lift", "holdout p"));
            int i = 1;
            for (Finding f : shown) {
                PartFigures d = f.discovery();
                PartFigures h = f.holdout();
                out.append(String.format(Locale.ROOT, ROW, i++, cut(f.pattern(), 44), f.status(),
                        Format.count(d.closedWith()), Format.rate(d.winRateWith()), Format.count(d.closedWithout()),
                        Format.percent(d.winRateWithout().value()), Format.ratio(d.lift()), p(d.q()),
                        h.lift() == null ? Format.NONE : Format.times(h.lift().value()),
                        f.significant() ? p(h.p()) : Format.NONE));
            }
        }
        List<Finding> suggested = r.suggestions();
        if (!suggested.isEmpty()) {
            out.append('\n').append("Suggested rules: paste them into a .drl file of the ruleset (which imports "
                    + "io.icprules.fact.Account and io.icprules.fact.Event), then run icp validate and icp backtest.\n");
            for (Finding f : suggested) {
                out.append('\n').append(f.suggestion().drl());
            }
        }
        TextReports.errors(out, r.errors(), "Rows left out");
        r.warnings().forEach(w -> out.append("Warning: ").append(w).append('\n'));
        return out.toString();
    }

    /**
     * Renders a discovery as a page.
     *
     * @param r the report, never null
     * @return the page
     */
    public static String html(DiscoveryReport r) {
        Html h = HtmlReports.page("Rules the data suggests for " + r.ruleset().label());
        h.element("p", Format.count(r.closedDeals()) + " closed deals of " + Format.count(r.dealRows())
                + " rows. Split " + r.split() + ".", "class", "meta");
        h.element("p", r.method() + ".", "class", "note");
        h.element("p", summary(r), "class", "meta");
        h.element("h2", "Patterns no rule covers, ranked");
        h.open("table").open("tr");
        for (String col : List.of("#", "pattern", "status", "direction", "closed with", "win rate with (95% CI)",
                "closed without", "win rate without (95% CI)", "lift vs alike (95% CI)", "p", "q", "holdout with",
                "holdout lift (95% CI)", "holdout p", "holdout q")) {
            h.element("th", col, "class", col.equals("pattern") || col.equals("status") ? "l" : null);
        }
        h.close("tr");
        int i = 1;
        for (Finding f : r.findings()) {
            PartFigures d = f.discovery();
            PartFigures o = f.holdout();
            h.open("tr").element("td", String.valueOf(i++)).element("td", f.pattern(), "class", "l")
                    .element("td", f.status(), "class", "l " + (f.status().equals(Finding.CONFIRMED) ? "good" : ""))
                    .element("td", f.direction()).element("td", Format.count(d.closedWith()))
                    .element("td", Format.rate(d.winRateWith())).element("td", Format.count(d.closedWithout()))
                    .element("td", Format.rate(d.winRateWithout())).element("td", Format.ratio(d.lift()))
                    .element("td", p(d.p())).element("td", p(d.q())).element("td", Format.count(o.closedWith()))
                    .element("td", Format.ratio(o.lift())).element("td", f.significant() ? p(o.p()) : Format.NONE)
                    .element("td", p(o.q())).close("tr").newline();
        }
        h.close("table");
        if (!r.suggestions().isEmpty()) {
            h.element("h2", "Suggested rules");
            h.element("p", "Paste them into a .drl file of the ruleset (which imports io.icprules.fact.Account and "
                    + "io.icprules.fact.Event), then run icp validate and icp backtest.", "class", "note");
            for (Finding f : r.suggestions()) {
                h.element("pre", f.suggestion().drl());
            }
        }
        if (!r.covered().isEmpty()) {
            h.element("h2", "Patterns a rule already covers (not tested)");
            h.open("table").open("tr").element("th", "pattern", "class", "l").element("th", "rule", "class", "l")
                    .element("th", "how", "class", "l").close("tr");
            for (DiscoveryReport.CoveredPattern c : r.covered()) {
                h.open("tr").element("td", c.pattern(), "class", "l").element("td", c.rule(), "class", "l")
                        .element("td", c.how(), "class", "l").close("tr").newline();
            }
            h.close("table");
        }
        HtmlReports.errors(h, r.errors(), "Rows left out");
        HtmlReports.warnings(h, r.warnings());
        return HtmlReports.end(h);
    }

    private static String summary(DiscoveryReport r) {
        long confirmed = r.suggestions().size();
        return String.format(Locale.ROOT, "Patterns: %s seen, %s covered by a rule, %s with fewer than %d closed "
                        + "deals with or without them, %s tested; %s significant (q <= %s), %s confirmed on the holdout.",
                Format.count(r.candidates()), Format.count(r.covered().size()), Format.count(r.tooFew()),
                r.options().minDeals(), Format.count(r.tested()), Format.count(r.significant().size()),
                r.options().fdr(), Format.count(confirmed));
    }

    private static String percent(double x) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * x);
    }

    private static String p(Double p) {
        if (p == null) {
            return Format.NONE;
        }
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}

package io.icprules.evidence.report;

import io.icprules.evidence.stats.Rate;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG bar charts, drawn to a fixed size so that a page needs no script to lay them out.
 * Each chart is an {@code <svg>} whose bars are {@code <rect class="bar">} elements.
 */
final class Charts {

    /** Win-rate bars. */
    static final String WIN_RATE = "#2b6cb0";
    /** Retention bars. */
    static final String RETENTION = "#6b46c1";
    /** Won deals in the histogram. */
    static final String WON = "#2f855a";
    /** Lost deals in the histogram. */
    static final String LOST = "#c53030";
    /** Open deals in the histogram. */
    static final String OPEN = "#a0aec0";
    /** The dashed baseline. */
    static final String BASELINE = "#dd6b20";

    static final int WIDTH = 400;
    static final int HEIGHT = 260;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 34;
    private static final int BOTTOM = 44;
    private static final int PLOT_W = WIDTH - LEFT - RIGHT;
    private static final int PLOT_H = HEIGHT - TOP - BOTTOM;

    private Charts() {
    }

    /**
     * One bar of a rate chart.
     *
     * @param label the label under the bar
     * @param rate  the rate; its interval is drawn as a whisker
     */
    record Bar(String label, Rate rate) {
    }

    /**
     * One stacked bar of a count chart.
     *
     * @param label the label under the bar
     * @param parts the counts, bottom first
     */
    record Stack(String label, long[] parts) {
    }

    /** Draws rates as bars with their 95% interval as whiskers, and an optional dashed baseline. */
    static void rates(Html h, String id, String title, List<Bar> bars, Double baseline, String baselineLabel,
                      String colour) {
        double max = baseline == null ? 0 : baseline;
        for (Bar b : bars) {
            if (b.rate().isKnown()) {
                max = Math.max(max, b.rate().high());
            }
        }
        double step = percentStep(max / 4);
        double top = Math.min(1, step * Math.max(1, Math.ceil(max / step - 1e-9)));
        start(h, id, title);
        for (double v = 0; v <= top + 1e-9; v += step) {
            axisLine(h, y(v, top), String.format(Locale.ROOT, "%.0f%%", 100 * v));
        }
        double band = (double) PLOT_W / Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double cx = LEFT + band * (i + 0.5);
            double w = Math.min(48, band * 0.6);
            label(h, cx, b.label());
            Rate r = b.rate();
            if (!r.isKnown()) {
                h.element("text", "n/a", "x", n(cx), "y", n(TOP + PLOT_H - 4), "text-anchor", "middle", "class", "na");
                continue;
            }
            double yv = y(r.value(), top);
            h.open("rect", "class", "bar", "x", n(cx - w / 2), "y", n(yv), "width", n(w),
                    "height", n(Math.max(0, TOP + PLOT_H - yv)), "fill", colour);
            h.element("title", b.label() + ": " + Format.rate(r) + ", " + r.successes() + " of " + r.trials());
            h.close("rect");
            double lo = y(r.low(), top);
            double hi = y(r.high(), top);
            h.empty("line", "class", "whisker", "x1", n(cx), "x2", n(cx), "y1", n(lo), "y2", n(hi), "stroke", "#1a202c",
                    "stroke-width", "1.5");
            h.empty("line", "class", "whisker", "x1", n(cx - 6), "x2", n(cx + 6), "y1", n(lo), "y2", n(lo),
                    "stroke", "#1a202c", "stroke-width", "1.5");
            h.empty("line", "class", "whisker", "x1", n(cx - 6), "x2", n(cx + 6), "y1", n(hi), "y2", n(hi),
                    "stroke", "#1a202c", "stroke-width", "1.5");
            h.element("text", String.format(Locale.ROOT, "%.0f%%", 100 * r.value()), "x", n(cx),
                    "y", n(hi - 4), "text-anchor", "middle", "class", "value");
        }
        if (baseline != null) {
            double yb = y(baseline, top);
            h.empty("line", "class", "baseline", "x1", n(LEFT), "x2", n(LEFT + PLOT_W), "y1", n(yb), "y2", n(yb),
                    "stroke", BASELINE, "stroke-width", "2", "stroke-dasharray", "6 4");
            // Named in the legend row above the plot, where no bar or whisker label can cover it.
            h.empty("line", "x1", n(LEFT + 4), "x2", n(LEFT + 24), "y1", "11", "y2", "11", "stroke", BASELINE,
                    "stroke-width", "2", "stroke-dasharray", "6 4");
            h.element("text", baselineLabel + " " + Format.percent(baseline), "x", n(LEFT + 28), "y", "15",
                    "class", "baseline-label");
        }
        h.close("svg");
    }

    /** Draws counts as stacked bars with a legend. */
    static void stacked(Html h, String id, String title, List<Stack> stacks, List<String> names, List<String> colours) {
        long max = 0;
        for (Stack s : stacks) {
            long total = 0;
            for (long p : s.parts()) {
                total += p;
            }
            max = Math.max(max, total);
        }
        long step = niceStep(Math.max(1, max) / 4.0);
        long top = Math.max(step, step * (long) Math.ceil((double) max / step));
        start(h, id, title);
        for (long v = 0; v <= top; v += step) {
            axisLine(h, y(v, top), String.format(Locale.ROOT, "%,d", v));
        }
        double band = (double) PLOT_W / Math.max(1, stacks.size());
        for (int i = 0; i < stacks.size(); i++) {
            Stack s = stacks.get(i);
            double cx = LEFT + band * (i + 0.5);
            double w = band * 0.8;
            label(h, cx, s.label());
            long below = 0;
            for (int p = 0; p < s.parts().length; p++) {
                long c = s.parts()[p];
                if (c == 0) {
                    continue;
                }
                double y1 = y(below + c, top);
                double y0 = y(below, top);
                h.open("rect", "class", "bar", "x", n(cx - w / 2), "y", n(y1), "width", n(w), "height", n(y0 - y1),
                        "fill", colours.get(p));
                h.element("title", s.label() + ": " + c + " " + names.get(p));
                h.close("rect");
                below += c;
            }
        }
        double lx = LEFT + PLOT_W - 70.0 * names.size();
        for (int p = 0; p < names.size(); p++) {
            h.empty("rect", "class", "legend", "x", n(lx + 70 * p), "y", "6", "width", "10", "height", "10",
                    "fill", colours.get(p));
            h.element("text", names.get(p), "x", n(lx + 70 * p + 14), "y", "15", "class", "legend-label");
        }
        h.close("svg");
    }

    private static void start(Html h, String id, String title) {
        h.open("svg", "xmlns", "http://www.w3.org/2000/svg", "id", id, "class", "chart", "role", "img",
                "aria-label", title, "width", String.valueOf(WIDTH), "height", String.valueOf(HEIGHT),
                "viewBox", "0 0 " + WIDTH + " " + HEIGHT);
        h.element("title", title);
        h.empty("line", "x1", n(LEFT), "x2", n(LEFT), "y1", n(TOP), "y2", n(TOP + PLOT_H), "stroke", "#4a5568");
    }

    private static void axisLine(Html h, double y, String label) {
        h.empty("line", "class", "grid", "x1", n(LEFT), "x2", n(LEFT + PLOT_W), "y1", n(y), "y2", n(y),
                "stroke", "#e2e8f0");
        h.element("text", label, "x", n(LEFT - 6), "y", n(y + 4), "text-anchor", "end", "class", "tick");
    }

    private static void label(Html h, double cx, String text) {
        h.element("text", text, "x", n(cx), "y", n(TOP + PLOT_H + 16), "text-anchor", "middle", "class", "label");
    }

    private static double y(double value, double top) {
        return TOP + PLOT_H - PLOT_H * value / top;
    }

    /** A step of 1, 2, 5, 10, 20 or 25 percent, the smallest at least {@code rough}. */
    static double percentStep(double rough) {
        for (double step : new double[] {0.01, 0.02, 0.05, 0.1, 0.2, 0.25}) {
            if (step >= rough) {
                return step;
            }
        }
        return 0.25;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static long niceStep(double rough) {
        long p = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * p >= rough) {
                    return m * p;
                }
            }
            p *= 10;
        }
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}

package io.icprules.evidence.report;

import io.icprules.evidence.stats.Rate;
import io.icprules.evidence.stats.Ratio;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts, drawn to a fixed size so that a page needs no script to lay them out.
 * Each chart is an {@code <svg>}; the bars of bar charts are {@code <rect class="bar">} elements, the
 * points of the ratio chart {@code <circle class="point">} elements.
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

    /** Ratio points and whiskers of the drift chart. */
    static final String RATIO = "#2c7a7b";
    /** The fitted trend of the drift chart. */
    static final String TREND = "#975a16";

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

    /**
     * One point of a ratio chart.
     *
     * @param label  the label under the point
     * @param ratio  the ratio with its interval, or null when there is none
     * @param strong true when the point counts (drawn filled with its whisker), false for a point drawn
     *               hollow, without whisker, as too uncertain to read
     * @param trend  the fitted value at this point, or null where no trend is drawn
     */
    record Point(String label, Ratio ratio, boolean strong, Double trend) {
    }

    /**
     * Draws ratios on a logarithmic scale (1x in the middle of its range), with their 95% interval as
     * whiskers, a dashed line at 1x and an optional fitted trend; as wide as the points need.
     */
    static void ratios(Html h, String id, String title, List<Point> points) {
        double lo = 1;
        double hi = 1;
        for (Point p : points) {
            if (p.ratio() != null && p.strong()) {
                lo = Math.min(lo, p.ratio().low());
                hi = Math.max(hi, p.ratio().high());
            }
            if (p.trend() != null) {
                lo = Math.min(lo, p.trend());
                hi = Math.max(hi, p.trend());
            }
        }
        // Powers of two from 1/8x to 32x at most: a ratio beyond is drawn at the edge.
        int bottom = Math.max(-3, (int) Math.floor(log2(lo) - 1e-9));
        int top = Math.min(5, (int) Math.ceil(log2(hi) + 1e-9));
        if (top - bottom < 2) {
            bottom = Math.min(bottom, -1);
            top = Math.max(top, 1);
        }
        int width = Math.max(WIDTH, Math.min(1200, LEFT + RIGHT + 40 * points.size()));
        int plotW = width - LEFT - RIGHT;
        start(h, id, title, width);
        for (int k = bottom; k <= top; k++) {
            double v = Math.pow(2, k);
            h.empty("line", "class", "grid", "x1", n(LEFT), "x2", n(LEFT + plotW), "y1", n(logY(v, bottom, top)),
                    "y2", n(logY(v, bottom, top)), "stroke", "#e2e8f0");
            h.element("text", (v >= 1 ? String.format(Locale.ROOT, "%.0fx", v) : String.format(Locale.ROOT, "%sx",
                    Double.toString(v).replaceAll("0+$", ""))), "x", n(LEFT - 6), "y", n(logY(v, bottom, top) + 4),
                    "text-anchor", "end", "class", "tick");
        }
        double one = logY(1, bottom, top);
        h.empty("line", "class", "baseline", "x1", n(LEFT), "x2", n(LEFT + plotW), "y1", n(one), "y2", n(one),
                "stroke", BASELINE, "stroke-width", "2", "stroke-dasharray", "6 4");
        h.empty("line", "x1", n(LEFT + 4), "x2", n(LEFT + 24), "y1", "11", "y2", "11", "stroke", BASELINE,
                "stroke-width", "2", "stroke-dasharray", "6 4");
        h.element("text", "1x: no advantage", "x", n(LEFT + 28), "y", "15", "class", "baseline-label");
        double band = (double) plotW / Math.max(1, points.size());
        int every = Math.max(1, (int) Math.ceil(points.size() / (plotW / 48.0)));
        StringBuilder trend = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double cx = LEFT + band * (i + 0.5);
            if (i % every == 0) {
                label(h, cx, p.label());
            }
            if (p.trend() != null) {
                trend.append(trend.length() == 0 ? "" : " ").append(n(cx)).append(',')
                        .append(n(logY(p.trend(), bottom, top)));
            }
            Ratio r = p.ratio();
            if (r == null) {
                continue;
            }
            double cy = logY(r.value(), bottom, top);
            String tip = p.label() + ": " + Format.ratio(r) + (p.strong() ? "" : ", not counted in the trend");
            if (p.strong()) {
                double y1 = logY(r.low(), bottom, top);
                double y2 = logY(r.high(), bottom, top);
                h.empty("line", "class", "whisker", "x1", n(cx), "x2", n(cx), "y1", n(y1), "y2", n(y2),
                        "stroke", RATIO, "stroke-width", "1.5");
                h.empty("line", "class", "whisker", "x1", n(cx - 5), "x2", n(cx + 5), "y1", n(y1), "y2", n(y1),
                        "stroke", RATIO, "stroke-width", "1.5");
                h.empty("line", "class", "whisker", "x1", n(cx - 5), "x2", n(cx + 5), "y1", n(y2), "y2", n(y2),
                        "stroke", RATIO, "stroke-width", "1.5");
                h.open("circle", "class", "point", "cx", n(cx), "cy", n(cy), "r", "4.5", "fill", RATIO);
            } else {
                h.open("circle", "class", "point few", "cx", n(cx), "cy", n(cy), "r", "4", "fill", "none",
                        "stroke", OPEN, "stroke-width", "1.5");
            }
            h.element("title", tip).close("circle");
        }
        if (trend.length() > 0) {
            h.empty("polyline", "class", "trend", "points", trend.toString(), "fill", "none", "stroke", TREND,
                    "stroke-width", "2", "stroke-dasharray", "2 3");
            h.empty("line", "x1", n(LEFT + 150), "x2", n(LEFT + 170), "y1", "11", "y2", "11", "stroke", TREND,
                    "stroke-width", "2", "stroke-dasharray", "2 3");
            h.element("text", "fitted trend", "x", n(LEFT + 174), "y", "15", "class", "legend-label");
        }
        h.close("svg");
    }

    private static double log2(double v) {
        return Math.log(Math.max(v, 1e-9)) / Math.log(2);
    }

    private static double logY(double value, int bottom, int top) {
        double k = Math.max(bottom, Math.min(top, log2(value)));
        return TOP + PLOT_H - PLOT_H * (k - bottom) / (top - bottom);
    }

    private static void start(Html h, String id, String title) {
        start(h, id, title, WIDTH);
    }

    private static void start(Html h, String id, String title, int width) {
        h.open("svg", "xmlns", "http://www.w3.org/2000/svg", "id", id, "class", "chart", "role", "img",
                "aria-label", title, "width", String.valueOf(width), "height", String.valueOf(HEIGHT),
                "viewBox", "0 0 " + width + " " + HEIGHT);
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

package io.icprules.evidence;

import io.icprules.evidence.stats.Confidence;
import io.icprules.evidence.stats.Rate;
import io.icprules.evidence.stats.Ratio;
import io.icprules.evidence.stats.Trend;
import io.icprules.result.Decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Whether a profile's advantage holds over time: the in-ICP over out-of-ICP win-rate ratio of the
 * deals that entered the pipeline in each period, and a verdict on its trend.
 *
 * <p><b>Periods</b> are those of each deal's {@code entered_pipeline} date, the date its account was
 * scored as of: a period holds the profile's calls of that time and how they turned out. (By close
 * date, a period would mix calls made months apart, and a change in cycle length would look like a
 * change in win rate.) Every period from the first deal's to the last deal's is listed, empty ones
 * too.
 *
 * <p><b>The trend.</b> A period counts when both sides have at least {@value #MIN_CLOSED} closed
 * deals, as for the backtest's own verdict, and at most a quarter ({@value #MAX_OPEN_SHARE}) of its
 * deals are still open. Over the counted periods, the logarithm of the ratio is
 * fitted against time (periods since the first counted one) by weighted least squares, each period
 * weighted by the inverse square of the standard error of its log ratio (the Katz one), with the
 * interval widened when periods scatter more than their errors explain ({@link Trend}). The verdict
 * is
 * <ul>
 *   <li>{@link Kind#FALLING} when the whole 95% interval of the change per period is below 1 and the
 *       fitted ratio fell by at least a factor of {@value Verdict#MATERIAL_RATIO} from the first counted
 *       period to the last;</li>
 *   <li>{@link Kind#RISING} the same way up;</li>
 *   <li>{@link Kind#STABLE} otherwise;</li>
 *   <li>{@link Kind#NOT_ENOUGH_DATA} while fewer than {@value #MIN_PERIODS} periods count.</li>
 * </ul>
 *
 * @param by        the period deals are grouped by
 * @param dateUsed  which date of a deal places it in a period
 * @param periods   every period from the first deal's to the last deal's, in order
 * @param kind      the verdict
 * @param text      the verdict as one sentence, with the first and last counted periods' ratios
 * @param trend     the fitted line through the counted periods' log ratios (x: periods since the first
 *                  counted one), or null when too few periods count
 * @param firstCounted the index in {@code periods} of the first counted period, or -1
 * @param perPeriod the fitted change of the ratio per period ({@code exp(slope)}), or null
 * @param perPeriodLow  the lower bound of its 95% interval, or null
 * @param perPeriodHigh the upper bound of its 95% interval, or null
 */
public record Drift(Period by, String dateUsed, List<PeriodStats> periods, Kind kind, String text, Trend trend,
                    int firstCounted, Double perPeriod, Double perPeriodLow, Double perPeriodHigh) {

    /** The fewest closed deals each side of a period needs for the period to count. */
    public static final int MIN_CLOSED = Verdict.MIN_CLOSED;
    /**
     * The largest share of a period's deals that may still be open for the period to count: the closed
     * deals of a young period are the quick ones, whose win rates need not be those of the rest.
     */
    public static final double MAX_OPEN_SHARE = 0.25;
    /** The fewest counted periods a trend needs. */
    public static final int MIN_PERIODS = 3;

    /** The possible verdicts. */
    public enum Kind {
        /** The in-ICP advantage shrinks: the profile drifts away from who wins. */
        FALLING,
        /** The in-ICP advantage grows. */
        RISING,
        /** No material trend either way. */
        STABLE,
        /** Too few periods with enough closed deals on both sides. */
        NOT_ENOUGH_DATA
    }

    /**
     * Copies the list.
     *
     * @param by            the period
     * @param dateUsed      the date used
     * @param periods       the periods, never null
     * @param kind          the verdict
     * @param text          the sentence
     * @param trend         the line, or null
     * @param firstCounted  the first counted period, or -1
     * @param perPeriod     the change per period, or null
     * @param perPeriodLow  its lower bound, or null
     * @param perPeriodHigh its upper bound, or null
     */
    public Drift {
        periods = List.copyOf(periods);
    }

    /**
     * Groups scored deals by period and judges the trend.
     *
     * @param deals the deals, scored (error records are skipped), never null
     * @param by    the period, never null
     * @return the drift
     */
    public static Drift measure(List<ScoredDeal> deals, Period by) {
        TreeMap<Long, List<ScoredDeal>> grouped = new TreeMap<>();
        for (ScoredDeal d : deals) {
            if (!d.isError()) {
                grouped.computeIfAbsent(by.index(d.deal().enteredPipeline()), k -> new ArrayList<>()).add(d);
            }
        }
        String dateUsed = "entered_pipeline";
        List<PeriodStats> periods = new ArrayList<>();
        if (grouped.isEmpty()) {
            return new Drift(by, dateUsed, periods, Kind.NOT_ENOUGH_DATA, "no deals to follow over time", null, -1,
                    null, null, null);
        }
        for (long i = grouped.firstKey(); i <= grouped.lastKey(); i++) {
            periods.add(stats(by, i, grouped.getOrDefault(i, List.of())));
        }
        List<Integer> counted = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            if (periods.get(i).enough()) {
                counted.add(i);
            }
        }
        if (counted.size() < MIN_PERIODS) {
            return new Drift(by, dateUsed, periods, Kind.NOT_ENOUGH_DATA, String.format(Locale.ROOT,
                    "too few deals per %s to judge a trend: %d of %d %s %s at least %d closed in-ICP and %d closed "
                            + "out-of-ICP deals and at most a quarter still open; at least %d such %s are needed%s",
                    by.label(), counted.size(),
                    periods.size(), by.plural(), counted.size() == 1 ? "has" : "have", MIN_CLOSED, MIN_CLOSED,
                    MIN_PERIODS, by.plural(), by == Period.YEAR ? "" : " (longer periods pool more deals: try --by "
                            + (by == Period.MONTH ? "quarter" : "year") + ")"), null, counted.isEmpty() ? -1
                    : counted.get(0), null, null, null);
        }
        int first = counted.get(0);
        int last = counted.get(counted.size() - 1);
        double[] x = new double[counted.size()];
        double[] y = new double[counted.size()];
        double[] se = new double[counted.size()];
        for (int j = 0; j < counted.size(); j++) {
            Ratio r = periods.get(counted.get(j)).ratio();
            x[j] = counted.get(j) - first;
            y[j] = Math.log(r.value());
            // The Katz interval is symmetric on the log scale: its half-width is z times the standard error.
            se[j] = (Math.log(r.high()) - Math.log(r.low())) / (2 * Confidence.Z95);
        }
        Trend trend = Trend.fit(x, y, se);
        double change = Math.exp(trend.slope() * (last - first));
        double per = Math.exp(trend.slope());
        double low = Math.exp(trend.slopeLow());
        double high = Math.exp(trend.slopeHigh());
        Kind kind = high < 1 && change <= 1 / Verdict.MATERIAL_RATIO ? Kind.FALLING
                : low > 1 && change >= Verdict.MATERIAL_RATIO ? Kind.RISING : Kind.STABLE;
        PeriodStats a = periods.get(first);
        PeriodStats b = periods.get(last);
        String trendText = String.format(Locale.ROOT, "a factor of %s per %s (95%% CI %s-%s) over %d %s with "
                        + "enough deals, %sx from first to last", two(per), by.label(), two(low), two(high),
                counted.size(), by.plural(), two(change));
        String text = switch (kind) {
            case FALLING -> "the in-ICP advantage fell from " + ratio(a) + " in " + a.period() + " to " + ratio(b)
                    + " in " + b.period() + "; the trend is " + trendText
                    + ": the profile is drifting away from who wins; revisit it";
            case RISING -> "the in-ICP advantage rose from " + ratio(a) + " in " + a.period() + " to " + ratio(b)
                    + " in " + b.period() + "; the trend is " + trendText;
            default -> "no material drift: the in-ICP advantage was " + ratio(a) + " in " + a.period() + " and "
                    + ratio(b) + " in " + b.period() + "; the trend is " + trendText;
        };
        return new Drift(by, dateUsed, periods, kind, text, trend, first, per, low, high);
    }

    private static PeriodStats stats(Period by, long index, List<ScoredDeal> deals) {
        long[] in = new long[2]; // won, closed
        long[] out = new long[2];
        long open = 0;
        for (ScoredDeal d : deals) {
            if (!d.deal().outcome().isClosed()) {
                open++;
                continue;
            }
            long[] side = d.result().decision() == Decision.FIT ? in : out;
            side[1]++;
            if (d.deal().outcome().isWin()) {
                side[0]++;
            }
        }
        Ratio ratio = in[1] > 0 && out[1] > 0 ? Ratio.katz(in[0], in[1], out[0], out[1]) : null;
        String note = in[1] < MIN_CLOSED || out[1] < MIN_CLOSED ? "too few closed deals"
                : open > MAX_OPEN_SHARE * deals.size() ? "too many deals still open" : null;
        return new PeriodStats(by.name(index), by.start(index).toString(), by.end(index).toString(), deals.size(),
                open, Rate.wilson(in[0], in[1]), Rate.wilson(out[0], out[1]), ratio, note == null, note);
    }

    /** {@code 2.4x (1.9-3.0)}. */
    private static String ratio(PeriodStats p) {
        Ratio r = p.ratio();
        return String.format(Locale.ROOT, "%sx (%s-%s)", one(r.value()), one(r.low()), one(r.high()));
    }

    private static String one(double v) {
        return String.format(Locale.ROOT, v >= 10 ? "%.0f" : "%.1f", v);
    }

    private static String two(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** @return the counted periods, in order */
    public List<PeriodStats> counted() {
        return periods.stream().filter(PeriodStats::enough).toList();
    }
}

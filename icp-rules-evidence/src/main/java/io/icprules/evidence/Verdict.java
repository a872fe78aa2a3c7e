package io.icprules.evidence;

import io.icprules.evidence.stats.Rate;
import io.icprules.evidence.stats.Ratio;

import java.util.Locale;

/**
 * The plain answer to "is my ICP right?": whether deals the profile calls a fit (decision
 * {@code FIT}) were won materially more often than the others.
 *
 * <p>Material means the in-ICP win rate is at least {@value #MATERIAL_RATIO} times the
 * out-of-ICP one and the whole 95% interval of that ratio (Katz) is above 1. A verdict needs at
 * least {@value #MIN_CLOSED} closed deals on each side.
 *
 * @param kind     the answer
 * @param text     the answer as one sentence, with the ratio, its interval and both win rates
 * @param inIcp    the win rate of in-ICP deals
 * @param outOfIcp the win rate of out-of-ICP deals
 * @param ratio    in-ICP over out-of-ICP win rate, or null when there are not enough deals
 */
public record Verdict(Kind kind, String text, Rate inIcp, Rate outOfIcp, Ratio ratio) {

    /** The smallest ratio of win rates that counts as a material difference. */
    public static final double MATERIAL_RATIO = 1.25;
    /** The fewest closed deals each side needs for a verdict. */
    public static final int MIN_CLOSED = 10;

    /** The possible answers. */
    public enum Kind {
        /** In-ICP deals win materially more often: the profile separates winners from the rest. */
        OUTPERFORMS,
        /** No material difference either way: the profile does not separate winners. */
        NO_MATERIAL_DIFFERENCE,
        /** In-ICP deals win less often: the profile points away from winners. */
        UNDERPERFORMS,
        /** Too few closed deals on one side to say. */
        NOT_ENOUGH_DATA
    }

    /**
     * Judges two win rates.
     *
     * @param inIcp    wins over closed deals of in-ICP deals, never null
     * @param outOfIcp wins over closed deals of out-of-ICP deals, never null
     * @return the verdict
     */
    public static Verdict judge(Rate inIcp, Rate outOfIcp) {
        if (inIcp.trials() < MIN_CLOSED || outOfIcp.trials() < MIN_CLOSED) {
            return new Verdict(Kind.NOT_ENOUGH_DATA, String.format(Locale.ROOT,
                    "not enough closed deals to judge: %,d in-ICP and %,d out-of-ICP; at least %d on each side "
                            + "are needed", inIcp.trials(), outOfIcp.trials(), MIN_CLOSED), inIcp, outOfIcp, null);
        }
        Ratio r = Ratio.katz(inIcp.successes(), inIcp.trials(), outOfIcp.successes(), outOfIcp.trials());
        String figures = String.format(Locale.ROOT, "95%% CI %sx-%sx; won %s of %,d closed in-ICP deals vs %s of %,d",
                bound(r.low()), bound(r.high()), percent(inIcp.value()), inIcp.trials(),
                percent(outOfIcp.value()), outOfIcp.trials());
        if (r.value() >= MATERIAL_RATIO && r.low() > 1) {
            return new Verdict(Kind.OUTPERFORMS, "in-ICP wins " + times(r.value()) + "x more often than out-of-ICP ("
                    + figures + ")", inIcp, outOfIcp, r);
        }
        if (r.high() < 1) {
            return new Verdict(Kind.UNDERPERFORMS, "in-ICP wins less often than out-of-ICP, " + times(r.value())
                    + "x as often (" + figures + "): the profile points away from winners; revisit it",
                    inIcp, outOfIcp, r);
        }
        return new Verdict(Kind.NO_MATERIAL_DIFFERENCE, "no material difference: in-ICP wins " + times(r.value())
                + "x as often as out-of-ICP (" + figures + "); revisit the profile", inIcp, outOfIcp, r);
    }

    private static String times(double x) {
        return String.format(Locale.ROOT, x >= 10 ? "%.0f" : "%.1f", x);
    }

    private static String bound(double x) {
        return String.format(Locale.ROOT, x >= 10 ? "%.1f" : "%.2f", x);
    }

    private static String percent(double x) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }
}

package io.icprules.evidence.discover;

import io.icprules.evidence.stats.Rate;
import io.icprules.evidence.stats.Ratio;

/**
 * How deals with a pattern went against deals without it, in one part of the deals (discovery or
 * holdout).
 *
 * @param closedWith     closed deals with the pattern
 * @param closedWithout  closed deals without it
 * @param winRateWith    the win rate with it, with its 95% Wilson interval
 * @param winRateWithout the win rate without it, with its 95% Wilson interval
 * @param observedWins   wins with the pattern, in the strata (decision and 10-point score band) that
 *                       have deals with and without it
 * @param expectedWins   the wins those deals would have had, had they won as often as all deals of
 *                       their stratum
 * @param lift           the Mantel-Haenszel ratio of the win rate with the pattern to the win rate
 *                       without it among deals the profile rated alike, with its 95% interval; null
 *                       when no stratum has deals with and without it
 * @param p              the p-value: two-sided (Cochran-Mantel-Haenszel) on the discovery part,
 *                       one-sided in the direction found there on the holdout
 * @param q              the Benjamini-Hochberg adjusted p-value over the patterns tested in this part,
 *                       or null when the pattern was not tested here
 */
public record PartFigures(long closedWith, long closedWithout, Rate winRateWith, Rate winRateWithout,
                          long observedWins, double expectedWins, Ratio lift, double p, Double q) {

    /**
     * @param newQ the adjusted p-value
     * @return these figures with that q-value
     */
    PartFigures withQ(double newQ) {
        return new PartFigures(closedWith, closedWithout, winRateWith, winRateWithout, observedWins, expectedWins,
                lift, p, newQ);
    }
}

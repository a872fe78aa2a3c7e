package io.icprules.evidence;

import io.icprules.evidence.stats.Rate;

/**
 * How many deals scored within a band of scores, and how they went.
 *
 * @param from    the lowest score of the band (inclusive)
 * @param to      the highest score of the band (exclusive, except 100 in the last band)
 * @param deals   deals whose account scored within the band
 * @param won     of those, won or churned
 * @param lost    of those, lost
 * @param open    of those, still open
 * @param winRate wins over closed deals of the band
 */
public record ScoreBin(int from, int to, long deals, long won, long lost, long open, Rate winRate) {
}

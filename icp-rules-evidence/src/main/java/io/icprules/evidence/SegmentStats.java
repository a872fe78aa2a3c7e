package io.icprules.evidence;

import io.icprules.evidence.stats.Median;
import io.icprules.evidence.stats.Rate;

import java.math.BigDecimal;

/**
 * The outcome figures of one group of deals: a tier, a decision, in-ICP, out-of-ICP, or all of them.
 *
 * <p>Wins are deals that are {@code won} or {@code churned}; the win rate is wins over closed deals
 * (open deals count in {@code deals} only). Cycle, contract value, retention and expansion are taken
 * over the wins whose cell is given.
 *
 * @param name           the group's name: a tier ({@code A}), a decision ({@code EXCLUDED}),
 *                       {@code in-ICP}, {@code out-of-ICP} or {@code all}
 * @param kind           {@code tier} (fits of that tier), {@code decision}, {@code fit} or {@code all}
 * @param deals          deals in the group, open ones included
 * @param open           deals still open
 * @param closed         deals won, churned or lost
 * @param won            deals won or churned
 * @param lost           deals lost
 * @param churned        won deals whose customer has left
 * @param winRate        wins over closed deals, with its Wilson interval
 * @param lift           the win rate divided by the win rate of all deals, or null when either is unknown
 * @param cycleDays      the median sales cycle of wins, in days
 * @param acv            the median annual contract value of wins
 * @param acvTotal       the total annual contract value of wins
 * @param retention12m   wins still customers after 12 months, over wins where that is known
 * @param expansion      the median expansion amount of wins
 * @param expansionTotal the total expansion amount of wins
 * @param expansionRate  expansion over contract value, summed over wins where both are known, or
 *                       null when there are none
 */
public record SegmentStats(String name, String kind, long deals, long open, long closed, long won, long lost,
                           long churned, Rate winRate, Double lift, Median cycleDays, Median acv,
                           BigDecimal acvTotal, Rate retention12m, Median expansion, BigDecimal expansionTotal,
                           Double expansionRate) {
}

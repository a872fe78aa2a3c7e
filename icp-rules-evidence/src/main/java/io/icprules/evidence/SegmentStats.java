package io.icprules.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.icprules.evidence.stats.Median;
import io.icprules.evidence.stats.Rate;

import java.math.BigDecimal;

/**
 * The outcome figures of one group of deals: a tier, a decision, in-ICP, out-of-ICP, or all of them.
 *
 * <p>Wins are deals that are {@code won} or {@code churned}; the win rate is wins over closed deals
 * (open deals count in {@code deals} only). Cycle, contract value, retention and expansion are taken
 * over the wins whose cell is given; unit economics as {@link UnitEconomics} says.
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
 * @param cycleDays      the median sales cycle of wins, in days ({@link Deal#salesCycleDays()}: from the
 *                       dates when the file gives no cycle)
 * @param acv            the median annual contract value of wins
 * @param acvTotal       the total annual contract value of wins
 * @param retention12m   wins still customers after 12 months, over wins where that is known
 * @param expansion      the median expansion amount of wins
 * @param expansionTotal the total expansion amount of wins
 * @param expansionRate  expansion over contract value, summed over wins where both are known, or
 *                       null when there are none
 * @param economics      net revenue retention, gross margin and CAC payback, or null when the deals
 *                       have none of the cells they need (the JSON report then leaves it out)
 */
public record SegmentStats(String name, String kind, long deals, long open, long closed, long won, long lost,
                           long churned, Rate winRate, Double lift, Median cycleDays, Median acv,
                           BigDecimal acvTotal, Rate retention12m, Median expansion, BigDecimal expansionTotal,
                           Double expansionRate,
                           @JsonInclude(JsonInclude.Include.NON_NULL) UnitEconomics economics) {

    /**
     * A group without unit economics.
     *
     * @param name           the group's name
     * @param kind           the group's kind
     * @param deals          deals in the group
     * @param open           deals still open
     * @param closed         deals won, churned or lost
     * @param won            deals won or churned
     * @param lost           deals lost
     * @param churned        won deals whose customer has left
     * @param winRate        wins over closed deals
     * @param lift           the win rate over that of all deals, or null
     * @param cycleDays      the median sales cycle of wins
     * @param acv            the median contract value of wins
     * @param acvTotal       the total contract value of wins
     * @param retention12m   12-month retention of wins
     * @param expansion      the median expansion of wins
     * @param expansionTotal the total expansion of wins
     * @param expansionRate  expansion over contract value, or null
     */
    public SegmentStats(String name, String kind, long deals, long open, long closed, long won, long lost,
                        long churned, Rate winRate, Double lift, Median cycleDays, Median acv,
                        BigDecimal acvTotal, Rate retention12m, Median expansion, BigDecimal expansionTotal,
                        Double expansionRate) {
        this(name, kind, deals, open, closed, won, lost, churned, winRate, lift, cycleDays, acv, acvTotal,
                retention12m, expansion, expansionTotal, expansionRate, null);
    }
}

package io.icprules.evidence;

import io.icprules.evidence.stats.Rate;
import io.icprules.evidence.stats.Ratio;

/**
 * How one rule relates to winning: among closed deals, how often the rule had fired (it is in the
 * deal's ledger as of the entry date) for the won ones and for the lost ones, and the win rate with
 * and without it.
 *
 * @param rule           the rule's name
 * @param kind           {@code hard}, {@code soft}, {@code trigger} or {@code disqualifier}
 * @param wonWith        won deals where it fired
 * @param lostWith       lost deals where it fired
 * @param shareOfWon     wonWith over all won deals, or null without won deals
 * @param shareOfLost    lostWith over all lost deals, or null without lost deals
 * @param winRateWith    the win rate of closed deals where it fired
 * @param winRateWithout the win rate of closed deals where it did not
 * @param ratio          winRateWith over winRateWithout with its Katz interval, or null when either
 *                       side has no closed deals
 * @param reading        {@value #PREDICTS_WINNING}, {@value #PREDICTS_LOSING}, {@value #NO_CLEAR_EFFECT}
 *                       or {@value #TOO_FEW}
 */
public record RuleSignal(String rule, String kind, long wonWith, long lostWith, Double shareOfWon,
                         Double shareOfLost, Rate winRateWith, Rate winRateWithout, Ratio ratio, String reading) {

    /** The whole 95% interval of the ratio is above 1. */
    public static final String PREDICTS_WINNING = "predicts winning";
    /** The whole 95% interval of the ratio is below 1. */
    public static final String PREDICTS_LOSING = "predicts losing";
    /** The interval of the ratio includes 1. */
    public static final String NO_CLEAR_EFFECT = "no clear effect";
    /** Fewer than {@link #MIN_DEALS} closed deals with the rule, or without it. */
    public static final String TOO_FEW = "too few deals";
    /** The fewest closed deals with the rule, and without it, for a reading. */
    public static final int MIN_DEALS = 5;
}

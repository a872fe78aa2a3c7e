package io.icprules.evidence;

import io.icprules.evidence.stats.Rate;
import io.icprules.evidence.stats.Ratio;


/**
 * How the deals that entered the pipeline in one period went, in-ICP against out-of-ICP: one point
 * of a {@link Drift}.
 *
 * @param period   the period's name, such as {@code 2025-Q1}
 * @param from     its first day, {@code yyyy-MM-dd}
 * @param to       its last day, {@code yyyy-MM-dd}
 * @param deals    deals counted that entered the pipeline in it
 * @param open     of those, deals still open
 * @param inIcp    the win rate of its in-ICP ({@code FIT}) deals, won or churned over closed
 * @param outOfIcp the win rate of its other deals
 * @param ratio    in-ICP over out-of-ICP win rate with its 95% Katz interval, or null when a side has
 *                 no closed deal
 * @param enough   true when the period counts in the trend: both sides have at least
 *                 {@value Drift#MIN_CLOSED} closed deals, and at most a quarter of its deals are open
 * @param note     why the period does not count, or null when it does
 */
public record PeriodStats(String period, String from, String to, long deals, long open, Rate inIcp,
                          Rate outOfIcp, Ratio ratio, boolean enough, String note) {
}

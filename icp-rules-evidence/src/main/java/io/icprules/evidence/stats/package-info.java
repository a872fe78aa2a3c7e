/**
 * The few statistics an ICP backtest needs, each a closed formula at 95% confidence: a rate with
 * its Wilson score interval ({@link io.icprules.evidence.stats.Rate}), a ratio of two rates with the
 * Katz log interval ({@link io.icprules.evidence.stats.Ratio}) and a median with a distribution-free
 * interval from order statistics ({@link io.icprules.evidence.stats.Median}).
 */
package io.icprules.evidence.stats;

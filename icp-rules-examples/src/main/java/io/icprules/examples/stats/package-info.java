/**
 * The few statistics an ICP backtest needs, each a closed formula at 95% confidence: a rate with
 * its Wilson score interval ({@link io.icprules.examples.stats.Rate}), a ratio of two rates with the
 * Katz log interval ({@link io.icprules.examples.stats.Ratio}) and a median with a distribution-free
 * interval from order statistics ({@link io.icprules.examples.stats.Median}).
 */
package io.icprules.examples.stats;

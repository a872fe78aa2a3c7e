/**
 * The few statistics an ICP backtest needs, each a closed formula at 95% confidence: a rate with
 * its Wilson score interval ({@link io.icprules.evidence.stats.Rate}), a ratio of two rates with the
 * Katz log interval ({@link io.icprules.evidence.stats.Ratio}) and a median with a distribution-free
 * interval from order statistics ({@link io.icprules.evidence.stats.Median}); for {@code icp discover},
 * a stratified test and rate ratio ({@link io.icprules.evidence.stats.MantelHaenszel}, distributions
 * from commons-math3) and the Benjamini-Hochberg adjustment
 * ({@link io.icprules.evidence.stats.BenjaminiHochberg}).
 */
package io.icprules.evidence.stats;

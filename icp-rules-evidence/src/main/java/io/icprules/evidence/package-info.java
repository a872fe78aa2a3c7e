/**
 * The evidence loop: does the profile pick the accounts that win?
 *
 * <ul>
 *   <li>{@link io.icprules.evidence.Backtest} scores every closed and open deal's account as
 *       of the day it entered the pipeline and compares win rate, cycle, contract value, retention
 *       and expansion by tier and decision, with confidence intervals and a plain verdict; and on
 *       request the in-ICP advantage period by period with a verdict on its trend
 *       ({@link io.icprules.evidence.Drift});</li>
 *   <li>{@link io.icprules.evidence.Comparison} previews a new ruleset version: which
 *       accounts change decision or tier, why, and with outcomes, both backtests side by side;</li>
 *   <li>{@link io.icprules.evidence.Audit} finds open deals whose account the profile now
 *       disqualifies or excludes, with the amount at stake;</li>
 *   <li>{@link io.icprules.evidence.discover.Discovery} finds patterns of won and lost deals that no
 *       rule covers, confirmed on a holdout, with the rules to add.</li>
 * </ul>
 *
 * Accounts come from an {@link io.icprules.evidence.AccountBook}; an accounts CSV with a
 * {@code valid_from} column holds snapshots, so that each account is taken as it was on the date it
 * is scored as of. Outcomes and pipeline files are read by {@link io.icprules.evidence.OutcomesReader} and
 * {@link io.icprules.evidence.PipelineReader}; every bad row becomes an error record with
 * its line, listed in the reports and left out of the figures.
 */
package io.icprules.evidence;

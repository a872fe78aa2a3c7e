/**
 * What an evaluation returns: {@link io.icprules.result.FitResult} with its
 * {@link io.icprules.result.LedgerLine ledger}, {@link io.icprules.result.Decision decision} and
 * {@link io.icprules.result.RulesetInfo ruleset version}, and {@link io.icprules.result.Outcome} for
 * batches.
 */
package io.icprules.result;

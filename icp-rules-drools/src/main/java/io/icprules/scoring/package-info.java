/**
 * Scoring without a rule engine: the {@link io.icprules.scoring.RuleCatalog catalog} of rule
 * metadata, the {@link io.icprules.scoring.RuleMatch matches} an engine reports, and the
 * {@link io.icprules.scoring.Scorer} that turns them into a ledger, score, tier and decision.
 * Nothing here depends on Drools, so results are identical whichever way the matches were found.
 */
package io.icprules.scoring;

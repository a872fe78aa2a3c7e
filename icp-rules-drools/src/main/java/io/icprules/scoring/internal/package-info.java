/**
 * Scoring without a rule engine: the {@link io.icprules.scoring.internal.RuleCatalog catalog} of rule
 * metadata, the {@link io.icprules.scoring.internal.RuleMatch matches} an engine reports, and the
 * {@link io.icprules.scoring.internal.Scorer} that turns them into a ledger, score, tier and decision.
 * Nothing here depends on Drools, so results are identical whichever way the matches were found.
 *
 * <p><strong>Internal:</strong> public only so that the engine's other packages (and the project's
 * benchmarks) can reach it. Not part of the API: it may change or go in any release without notice;
 * applications use {@code io.icprules.engine.IcpRules} and the {@code icp-rules-api} types.
 */
package io.icprules.scoring.internal;

/**
 * Fit test cases as data: YAML files next to a ruleset, each case an account, an evaluation date
 * and the expected decision, tier, score and ledger. {@link io.icprules.cases.CaseFiles} reads them,
 * {@link io.icprules.cases.CaseRunner} runs them against an engine. Free of JUnit, so that the
 * command line runs the same cases; the test-support module
 * ({@code icp-rules-junit}, {@code FitCases}) turns them into JUnit tests.
 */
package io.icprules.cases;

/**
 * Deterministic synthetic accounts for demos, tests and benchmarks:
 * {@link io.icprules.examples.generate.SyntheticAccounts}.
 */
package io.icprules.examples.generate;

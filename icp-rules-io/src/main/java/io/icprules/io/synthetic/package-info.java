/**
 * Deterministic synthetic accounts for demos, tests and benchmarks:
 * {@link io.icprules.io.synthetic.SyntheticAccounts}.
 */
package io.icprules.io.synthetic;

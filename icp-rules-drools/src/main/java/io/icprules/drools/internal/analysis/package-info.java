/**
 * Reading rules as written: the patterns and constraints of each rule (the views the linter reads),
 * and why a rule did not fire for an account (the explainer behind {@code FitEngine.explain}).
 *
 * <p><strong>Internal:</strong> public only so that the engine's other packages (and the project's
 * benchmarks) can reach it. Not part of the API: it may change or go in any release without notice;
 * applications use {@code io.icprules.engine.IcpRules} and the {@code icp-rules-api} types.
 */
package io.icprules.drools.internal.analysis;

/**
 * Compiling a ruleset: the manifest, the rules' metadata and the DRL, with every problem reported as
 * a diagnostic with file, line and column.
 *
 * <p><strong>Internal:</strong> public only so that the engine's other packages (and the project's
 * benchmarks) can reach it. Not part of the API: it may change or go in any release without notice;
 * applications use {@code io.icprules.engine.IcpRules} and the {@code icp-rules-api} types.
 */
package io.icprules.drools.internal.compile;

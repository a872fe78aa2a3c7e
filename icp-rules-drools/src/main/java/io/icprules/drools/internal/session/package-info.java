/**
 * Running Drools for one account: the facts an account puts into a session, pooled sessions emptied
 * between accounts, and the listener that records which rules matched, with which events.
 *
 * <p><strong>Internal:</strong> public only so that the engine's other packages (and the project's
 * benchmarks) can reach it. Not part of the API: it may change or go in any release without notice;
 * applications use {@code io.icprules.engine.IcpRules} and the {@code icp-rules-api} types.
 */
package io.icprules.drools.internal.session;

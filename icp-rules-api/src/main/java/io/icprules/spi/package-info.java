/**
 * For engine implementers only: {@link io.icprules.spi.FitEngineProvider}, the interface an engine
 * jar registers with {@link java.util.ServiceLoader} (as {@code icp-rules-drools} does). Applications
 * never call it; they use {@link io.icprules.engine.IcpRules}.
 */
package io.icprules.spi;

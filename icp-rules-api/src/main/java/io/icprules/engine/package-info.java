/**
 * Compiling rulesets and evaluating accounts: {@link io.icprules.engine.IcpRules} builds a
 * {@link io.icprules.engine.FitEngine} from a {@link io.icprules.engine.RulesetSource}, using the
 * implementation that {@link java.util.ServiceLoader} finds through
 * {@link io.icprules.spi.FitEngineProvider}.
 */
package io.icprules.engine;


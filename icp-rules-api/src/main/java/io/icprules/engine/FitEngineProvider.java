package io.icprules.engine;

import io.icprules.error.RulesetException;

/**
 * Service-provider interface of engine implementations, found with {@link java.util.ServiceLoader}.
 * Applications do not call it; they use {@link IcpRules}. An implementation jar registers its
 * provider in {@code META-INF/services/io.icprules.engine.FitEngineProvider}.
 */
public interface FitEngineProvider {

    /** @return a short name for messages, such as {@code drools} */
    String name();

    /**
     * Compiles a ruleset into an engine.
     *
     * @param source   the ruleset, never null
     * @param settings limits and switches, never null
     * @return a ready, thread-safe engine
     * @throws RulesetException with every diagnostic when the ruleset does not compile
     */
    FitEngine create(RulesetSource source, EngineSettings settings);
}

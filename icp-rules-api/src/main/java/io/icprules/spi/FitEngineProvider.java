package io.icprules.spi;

import io.icprules.engine.EngineSettings;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.error.RulesetException;

/**
 * Service-provider interface of engine implementations, found with {@link java.util.ServiceLoader}.
 * Applications do not call it; they use {@link IcpRules}. An implementation jar registers its
 * provider in {@code META-INF/services/io.icprules.spi.FitEngineProvider}.
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

    /**
     * The log that the api module's own classes (such as {@code ReloadingFitEngine}) write to, so
     * that every line of the library goes through the engine's logging facade.
     *
     * @param name the logger's name, never null
     * @return the log, never null; by default one writing to {@link System.Logger}
     */
    default EngineLog log(String name) {
        return EngineLog.system(name);
    }
}

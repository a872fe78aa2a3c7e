package io.icprules.drools;

import io.icprules.drools.internal.compile.RulesetCompiler;
import io.icprules.engine.EngineSettings;
import io.icprules.engine.FitEngine;
import io.icprules.spi.EngineLog;
import io.icprules.spi.FitEngineProvider;
import io.icprules.engine.RulesetSource;

/**
 * Registers the Drools engine with {@link java.util.ServiceLoader}, so that {@code IcpRules} finds
 * it when {@code icp-rules-drools} is on the class path.
 */
public final class DroolsEngineProvider implements FitEngineProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public DroolsEngineProvider() {
        // stateless
    }

    @Override
    public String name() {
        return "drools";
    }

    @Override
    public FitEngine create(RulesetSource source, EngineSettings settings) {
        return new DroolsFitEngine(RulesetCompiler.compile(source, settings.ruleTrust().restricts(source)), settings);
    }

    /** @return a log writing through SLF4J */
    @Override
    public EngineLog log(String name) {
        return new Slf4jEngineLog(name);
    }
}

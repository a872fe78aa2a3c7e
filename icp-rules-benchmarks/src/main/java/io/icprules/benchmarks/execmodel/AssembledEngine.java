package io.icprules.benchmarks.execmodel;

import io.icprules.benchmarks.profile.AccountEvaluator;
import io.icprules.drools.internal.compile.CompiledRuleset;
import io.icprules.drools.internal.compile.KieBaseAssembly;
import io.icprules.drools.internal.compile.RulesetCompiler;
import io.icprules.drools.internal.session.SessionEvaluator;
import io.icprules.engine.EngineSettings;
import io.icprules.engine.RulesetSource;
import io.icprules.fact.AccountFacts;
import io.icprules.result.FitResult;

import java.time.LocalDate;

/**
 * The engine's evaluation (pooled sessions, the match listener, the scorer) over a knowledge base
 * built another way: what {@code IcpRules.builder().ruleset(source).build()} returns, but for the
 * build. Thread-safe, like the engine.
 */
public final class AssembledEngine implements AccountEvaluator, AutoCloseable {

    private final CompiledRuleset compiled;
    private final SessionEvaluator evaluator;

    private AssembledEngine(CompiledRuleset compiled, EngineSettings settings) {
        this.compiled = compiled;
        this.evaluator = new SessionEvaluator(compiled, settings);
    }

    /**
     * Compiles a ruleset as the engine does (the same checks and rewrites; restricted mode as the
     * default settings decide for the source) and builds its knowledge base with {@code assembly}.
     *
     * @param source   the ruleset, never null
     * @param assembly how the knowledge base is built, never null
     * @return the engine, ready to evaluate
     */
    public static AssembledEngine build(RulesetSource source, KieBaseAssembly assembly) {
        EngineSettings settings = EngineSettings.defaults();
        return new AssembledEngine(RulesetCompiler.compile(source, settings.ruleTrust().restricts(source), assembly),
                settings);
    }

    @Override
    public FitResult evaluate(AccountFacts facts, LocalDate asOf) {
        return evaluator.evaluate(facts, asOf);
    }

    /** @return the compiled ruleset, knowledge base included */
    public CompiledRuleset compiled() {
        return compiled;
    }

    @Override
    public void close() {
        evaluator.disposeIdle();
    }
}

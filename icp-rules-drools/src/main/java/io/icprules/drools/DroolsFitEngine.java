package io.icprules.drools;

import io.icprules.drools.internal.analysis.Explainer;
import io.icprules.drools.internal.compile.CompiledRuleset;
import io.icprules.drools.internal.session.SessionEvaluator;
import io.icprules.engine.EngineSettings;
import io.icprules.engine.FitEngine;
import io.icprules.error.Diagnostic;
import io.icprules.fact.AccountFacts;
import io.icprules.result.Explanation;
import io.icprules.result.FitResult;
import io.icprules.result.RulesetInfo;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The Drools implementation of {@link FitEngine}: one compiled ruleset, shared by every thread. Made
 * by {@link DroolsEngineProvider}; applications obtain it through {@code IcpRules}.
 */
final class DroolsFitEngine implements FitEngine {

    private final CompiledRuleset ruleset;
    private final SessionEvaluator evaluator;
    private volatile boolean closed;
    private volatile Explainer explainer;

    /**
     * @param ruleset  the compiled ruleset, never null
     * @param settings limits, never null
     */
    public DroolsFitEngine(CompiledRuleset ruleset, EngineSettings settings) {
        this.ruleset = Objects.requireNonNull(ruleset, "ruleset");
        this.evaluator = new SessionEvaluator(ruleset, Objects.requireNonNull(settings, "settings"));
    }

    @Override
    public RulesetInfo ruleset() {
        return ruleset.scorer().ruleset();
    }

    @Override
    public List<Diagnostic> warnings() {
        return ruleset.warnings();
    }

    @Override
    public FitResult evaluate(AccountFacts facts, LocalDate asOf) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(asOf, "asOf");
        if (closed) {
            throw new IllegalStateException("engine for " + ruleset() + " is closed");
        }
        return evaluator.evaluate(facts, asOf);
    }

    @Override
    public Explanation explain(AccountFacts facts, LocalDate asOf) {
        FitResult result = evaluate(facts, asOf);
        Explainer e = explainer;
        if (e == null) {
            synchronized (this) {
                e = explainer;
                if (e == null) {
                    // Built on first use: most engines never explain, and the probes double the rules.
                    e = Explainer.build(ruleset.source(), ruleset.scorer().catalog());
                    explainer = e;
                }
            }
        }
        return e.explain(result, facts, asOf);
    }

    /** @return the compiled ruleset behind this engine, never null */
    public CompiledRuleset compiled() {
        return ruleset;
    }

    @Override
    public void close() {
        closed = true;
        evaluator.disposeIdle();
    }

    @Override
    public String toString() {
        return "DroolsFitEngine[" + ruleset() + "]";
    }
}

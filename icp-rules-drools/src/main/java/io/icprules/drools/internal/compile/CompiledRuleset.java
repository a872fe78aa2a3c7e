package io.icprules.drools.internal.compile;

import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.scoring.internal.Scorer;
import org.kie.api.KieBase;

import java.util.List;

/**
 * A compiled ruleset: the Drools {@link KieBase} that finds matches and the {@link Scorer} that turns
 * them into results, plus the warnings found while compiling. Immutable; the knowledge base is shared
 * by every evaluation and is never modified after compilation.
 */
public final class CompiledRuleset {

    private final KieBase kieBase;
    private final Scorer scorer;
    private final Manifest manifest;
    private final List<Diagnostic> warnings;
    private final List<String> unanchoredRules;
    private final RulesetSource source;
    private final java.util.Set<String> consequenceRules;

    CompiledRuleset(RulesetSource source, KieBase kieBase, Scorer scorer, Manifest manifest, List<Diagnostic> warnings,
                    List<String> unanchoredRules, java.util.Set<String> consequenceRules) {
        this.consequenceRules = java.util.Set.copyOf(consequenceRules);
        this.source = source;
        this.kieBase = kieBase;
        this.scorer = scorer;
        this.manifest = manifest;
        this.warnings = List.copyOf(warnings);
        this.unanchoredRules = List.copyOf(unanchoredRules);
    }

    /**
     * @return rules that can match without any inserted fact (only {@code not}, {@code forall},
     *         {@code eval} or {@code from}); while there are any, sessions are not reused
     */
    public List<String> unanchoredRules() {
        return unanchoredRules;
    }

    /**
     * @return the rules whose consequence runs code (trusted rulesets only): the only rules that can
     *         change the working memory, so the only ones a runaway can start from; never null
     */
    public java.util.Set<String> consequenceRules() {
        return consequenceRules;
    }

    /** @return the ruleset's text, never null */
    public RulesetSource source() {
        return source;
    }

    /** @return the knowledge base, never null */
    public KieBase kieBase() {
        return kieBase;
    }

    /** @return the scorer holding the rule catalog and the policy, never null */
    public Scorer scorer() {
        return scorer;
    }

    /** @return the parsed manifest, never null */
    public Manifest manifest() {
        return manifest;
    }

    /** @return warnings, in file and line order, never null */
    public List<Diagnostic> warnings() {
        return warnings;
    }
}

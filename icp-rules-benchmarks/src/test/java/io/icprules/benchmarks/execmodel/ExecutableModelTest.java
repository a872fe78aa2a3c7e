package io.icprules.benchmarks.execmodel;

import io.icprules.benchmarks.profile.ReferenceProfile;
import io.icprules.drools.internal.compile.KieBaseAssembly;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.error.EvaluationException;
import io.icprules.error.RulesetException;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.result.FitResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine built with Drools' executable model, with and without the alpha network compiler,
 * gives the shipped engine's results byte for byte, and keeps what the engine's compiler and
 * sessions guarantee: restricted mode, the time budget inside {@code matches}, the firing limit.
 */
class ExecutableModelTest {

    static final String HEADER = "package icp.test;\nimport io.icprules.fact.Account;\n";

    static Stream<KieBaseAssembly> assemblies() {
        return Stream.of(ExecutableModelAssembly.EXECUTABLE_MODEL, ExecutableModelAssembly.WITH_ALPHA_NETWORK_COMPILER);
    }

    private static RulesetSource ruleset(boolean trusted, String rules) {
        return RulesetSource.of("test", trusted, Map.of("ruleset.properties", "name=t\nversion=1\n", "r.drl", HEADER + rules));
    }

    @Test
    void resultsAndWrittenOutputsAreIdenticalToTheEngineOn2000Accounts() {
        List<EquivalenceProbe.Outcome> outcomes = EquivalenceProbe.compare(2_000, ReferenceProfile.source());
        assertThat(outcomes).extracting(EquivalenceProbe.Outcome::implementation).containsExactly(EquivalenceProbe.ENGINE,
                ExecutableModelAssembly.EXECUTABLE_MODEL.toString(),
                ExecutableModelAssembly.WITH_ALPHA_NETWORK_COMPILER.toString());
        EquivalenceProbe.Outcome engine = outcomes.get(0);
        assertThat(engine.accounts()).isEqualTo(2_000);
        assertThat(engine.csvSha256()).hasSize(64);
        for (EquivalenceProbe.Outcome o : outcomes) {
            assertThat(o.differing()).as(o.implementation()).isZero();
            assertThat(o.firstDiffering()).as(o.implementation()).isNull();
            assertThat(o.csvSha256()).as(o.implementation()).isEqualTo(engine.csvSha256());
            assertThat(o.jsonSha256()).as(o.implementation()).isEqualTo(engine.jsonSha256());
        }
    }

    @Test
    void aDifferentResultIsCountedAndNamed() {
        // A candidate that scores one signal a point higher: the probe must notice, or its zeros mean nothing.
        RulesetSource base = ReferenceProfile.source();
        Map<String, String> files = new HashMap<>(base.files());
        files.put("signals.drl", files.get("signals.drl").replace("@kind(soft) @points(10)", "@kind(soft) @points(11)"));
        try (FitEngine engine = IcpRules.builder().ruleset(base).build();
             FitEngine changed = IcpRules.builder().ruleset(RulesetSource.of("changed", true, files)).build()) {
            List<EquivalenceProbe.Outcome> outcomes = EquivalenceProbe.compare(200, engine::evaluate,
                    Map.of("changed", changed::evaluate));
            EquivalenceProbe.Outcome o = outcomes.get(1);
            assertThat(o.implementation()).isEqualTo("changed");
            // Every result differs: the ruleset's content hash is part of each.
            assertThat(o.differing()).isEqualTo(200);
            assertThat(o.firstDiffering()).isEqualTo("acc-0000001");
            assertThat(o.csvSha256()).isNotEqualTo(outcomes.get(0).csvSha256());
            assertThat(o.jsonSha256()).isNotEqualTo(outcomes.get(0).jsonSha256());
        }
    }

    @ParameterizedTest
    @MethodSource("assemblies")
    void restrictedModeStillRefusesWhatItRefuses(KieBaseAssembly assembly) {
        assertThatThrownBy(() -> AssembledEngine.build(ruleset(false, """
                rule "Huge" @kind(soft) @points(1)
                when Integer( intValue > 5 ) from java.util.Collections.nCopies(2000000000, 1) then end
                """), assembly).close())
                .isInstanceOfSatisfying(RulesetException.class, e -> assertThat(e.diagnostics())
                        .anySatisfy(d -> assertThat(d.message()).contains("from")));
    }

    @ParameterizedTest
    @MethodSource("assemblies")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCatastrophicRegularExpressionStopsAtTheTimeBudget(KieBaseAssembly assembly) {
        try (AssembledEngine engine = AssembledEngine.build(ruleset(false, """
                rule "Backtracks" @kind(soft) @points(5)
                when Account( name matches "(.*a){12}" ) then end
                rule "Fine" @kind(soft) @points(1)
                when Account( employees > 10 ) then end
                """), assembly)) {
            FitResult ok = engine.evaluate(AccountFacts.of(Account.builder("ok").employees(20).name("Acme").build()),
                    ReferenceProfile.AS_OF);
            assertThat(ok.score()).isEqualByComparingTo("1");
            long start = System.nanoTime();
            assertThatThrownBy(() -> engine.evaluate(AccountFacts.of(Account.builder("slow").employees(20)
                    .name("a".repeat(70) + "b").build()), ReferenceProfile.AS_OF))
                    .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.getMessage())
                            .contains("time budget of 5000 ms").contains("Backtracks"));
            assertThat((System.nanoTime() - start) / 1_000_000).as("the budget plus a slack").isLessThan(20_000);
        }
    }

    @ParameterizedTest
    @MethodSource("assemblies")
    void aLoopingConsequenceIsStoppedByTheFiringLimit(KieBaseAssembly assembly) {
        try (AssembledEngine engine = AssembledEngine.build(ruleset(true, """
                rule "Loops" @kind(soft) @points(1)
                when $a : Account() then update($a); end
                """), assembly)) {
            assertThatThrownBy(() -> engine.evaluate(AccountFacts.of(Account.builder("loop-1").build()),
                    ReferenceProfile.AS_OF))
                    .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.getMessage())
                            .contains("stopped after rule \"Loops\" fired").contains("add no-loop"));
        }
    }

    @Test
    void constraintsAreJoinedOntoOneLineOutsideStringLiterals() {
        assertThat(OneLineConstraints.oneLine("industry in (\"a\",\n    \"b\")")).isEqualTo("industry in (\"a\",     \"b\")");
        assertThat(OneLineConstraints.oneLine("name == \"x\\\"\ny\"\r\n|| a")).isEqualTo("name == \"x\\\"\ny\"  || a");
        assertThat(OneLineConstraints.oneLine("employees > 5")).isEqualTo("employees > 5");
    }
}

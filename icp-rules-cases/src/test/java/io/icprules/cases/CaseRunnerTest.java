package io.icprules.cases;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.fact.AccountFacts;
import io.icprules.result.FitResult;
import io.icprules.result.RulesetInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Running cases with the real engine: passes, every kind of mismatch, misspelt rules and failures. */
class CaseRunnerTest {

    @TempDir
    Path dir;

    private Path ruleset;
    private FitEngine engine;
    private CaseRunner runner;

    @BeforeEach
    void compile() throws IOException {
        ruleset = TestRuleset.write(dir);
        RulesetSource source = RulesetSource.fromDirectory(ruleset);
        engine = IcpRules.builder().ruleset(source).build();
        runner = CaseRunner.of(engine);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private CaseFileResult run(String yaml) throws IOException {
        return runner.run(CaseFiles.read(TestRuleset.writeCases(ruleset, "c.yaml", yaml)));
    }

    @Test
    void aCaseThatMatchesPasses() throws IOException {
        CaseFileResult r = run("""
                as_of: 2026-11-01
                cases:
                  - name: funded retailer
                    account:
                      id: fit-1
                      industry: Retail
                      employees: 200
                      attributes: {hourly_share: 0.9}
                      events: [{type: funding_round, date: 2026-09-22}]
                    expect:
                      decision: FIT
                      tier: C
                      score: 52.6
                      fired: [Core vertical, Mid-market headcount, Hourly share 80%+]
                      not_fired: [Uses competitor]
                      points: {Recent funding: 12.6}
                      unmet_hard_filters: []
                      disqualified_by: []
                      missing_fields: []
                  - name: range
                    account: {id: r, industry: Retail, employees: 20}
                    expect:
                      decision: EXCLUDED
                      score: {min: 30, max: 30}
                      unmet_hard_filters: [Mid-market headcount]
                """);

        assertThat(r.problems()).isEmpty();
        assertThat(r.results()).allSatisfy(c -> assertThat(c.passed()).as(c.describeFailure()).isTrue());
        assertThat(r.passed()).isEqualTo(2);
        assertThat(r.failed()).isZero();
        assertThat(r.results().get(0).describeFailure()).isEmpty();
        assertThat(r.results().get(0).actual().line("Recent funding")).isPresent();
    }

    @Test
    void everyDifferenceIsListedWithExpectedAndActualAndTheLedger() throws IOException {
        CaseFileResult r = run("""
                cases:
                  - name: wrong about everything
                    as_of: 2026-11-01
                    account:
                      id: dq-1
                      industry: Retail
                      employees: 20
                      technologies: [CompetitorX]
                      events: [{type: funding_round, date: 2026-09-22}]
                    expect:
                      decision: FIT
                      tier: A
                      score: 90
                      fired: [Hourly share 80%+]
                      not_fired: [Core vertical]
                      points: {Recent funding: 20, Hourly share 80%+: 10}
                      unmet_hard_filters: []
                      disqualified_by: [Something else]
                      missing_fields: [industry]
                  - name: range missed
                    as_of: 2026-11-01
                    account: {id: x, industry: Retail, employees: 200}
                    expect: {score: {min: 31}}
                """);

        CaseResult c = r.results().get(0);
        assertThat(c.passed()).isFalse();
        assertThat(c.failures()).containsExactly(
                "no rule named 'Something else' in ruleset t (check the spelling: a rule that does not exist never fires)",
                "decision: expected FIT, was DISQUALIFIED",
                "tier: expected A, was C",
                "score: expected 90, was 42.6",
                "fired: expected 'Hourly share 80%+' in the ledger, but it did not fire",
                "not_fired: expected 'Core vertical' not to fire, but it did (+30.0)",
                "points: expected 'Recent funding' +20, was +12.6",
                "points: expected 'Hourly share 80%+' +10, but it did not fire",
                "unmet_hard_filters: expected [], was [Mid-market headcount]",
                "disqualified_by: expected [Something else], was [Uses competitor]",
                "missing_fields: expected [industry], was []",
                "why 'Hourly share 80%+' did not fire: attributes[\"hourly_share\"] >= 0.8 is not met "
                        + "(attributes.hourly_share: unknown)");
        assertThat(c.describeFailure())
                .contains("expected: decision FIT, tier A, score 90, fired [Hourly share 80%+]")
                .contains("actual:   decision DISQUALIFIED, tier C, score 42.6")
                .contains("dq-1: DISQUALIFIED, score 42.6, tier C (t@1")
                .contains("+30.0 Core vertical (soft)")
                .contains("disqualified by: Uses competitor");
        assertThat(r.results().get(1).failures()).containsExactly("score: expected at least 31, was 30.0");
        assertThat(r.failed()).isEqualTo(2);
    }

    @Test
    void adjustmentLinesCountAsKnownNames() throws IOException {
        CaseFileResult r = run("""
                cases:
                  - name: caps and clamps are ledger lines
                    as_of: 2026-11-01
                    account: {id: a, industry: Retail, employees: 200}
                    expect: {not_fired: [clamp, "cap: stack"]}
                """);

        assertThat(r.results()).singleElement().satisfies(c -> assertThat(c.failures()).isEmpty());
    }

    @Test
    void anEvaluationThatThrowsIsAFailureOfThatCaseOnly() throws IOException {
        try (FitEngine exploding = IcpRules.builder().ruleset(RulesetSource.of("mem", false, java.util.Map.of(
                "ruleset.properties", TestRuleset.MANIFEST, "rules.drl", TestRuleset.RULES + TestRuleset.EXPLODES)))
                .build()) {
            CaseFileResult r = CaseRunner.of(exploding).run(CaseFiles.read(TestRuleset.writeCases(ruleset, "c.yaml", """
                    as_of: 2026-11-01
                    cases:
                      - name: explodes
                        account: {id: boom-1, industry: Boom, employees: 200, founded_year: 1999}
                        expect: {decision: FIT}
                      - name: fine
                        account: {id: ok, industry: Retail, employees: 200, founded_year: 2001}
                        expect: {decision: FIT}
                    """)));

            CaseResult boom = r.results().get(0);
            assertThat(boom.passed()).isFalse();
            assertThat(boom.actual()).isNull();
            assertThat(boom.failures()).singleElement().asString()
                    .startsWith("evaluation failed: ").contains("boom-1").contains("Explodes");
            assertThat(boom.describeFailure()).contains("actual:   no result");
            assertThat(r.results().get(1).passed()).as(r.results().get(1).describeFailure()).isTrue();
        }
    }

    @Test
    void aRuleThatShouldHaveFiredSaysWhyNot() throws IOException {
        CaseFileResult r = run("""
                cases:
                  - name: share too low
                    as_of: 2026-11-01
                    account: {id: a, industry: Retail, employees: 200, attributes: {hourly_share: 0.5}}
                    expect: {fired: [Hourly share 80%+], points: {Core vertical: 30}}
                """);

        assertThat(r.results()).singleElement().satisfies(c -> assertThat(c.failures()).containsExactly(
                "fired: expected 'Hourly share 80%+' in the ledger, but it did not fire",
                "why 'Hourly share 80%+' did not fire: " + engine.explain(c.fitCase().facts(), c.fitCase().asOf())
                        .notFired().stream().filter(n -> n.rule().equals("Hourly share 80%+")).findFirst()
                        .orElseThrow().whyNot()));
        assertThat(r.results().get(0).failures().get(1)).contains("0.5");
    }

    @Test
    void anEngineThatCannotExplainStillChecksNamesAgainstTheRulesItsResultsName() throws IOException {
        CaseFile f = CaseFiles.read(TestRuleset.writeCases(ruleset, "n.yaml", """
                cases:
                  - name: unknown name
                    as_of: 2026-11-01
                    account: {id: a}
                    expect: {not_fired: [No such rule]}
                """));

        assertThat(CaseRunner.of(new EvaluateOnly(engine)).run(f).results()).singleElement()
                .satisfies(c -> assertThat(c.failures()).containsExactly("no rule named 'No such rule' in ruleset t"
                        + " (check the spelling: a rule that does not exist never fires)"));
        assertThat(runner.run(f).results()).singleElement().satisfies(c -> assertThat(c.passed()).isFalse());
    }

    /** An engine of another implementation, which evaluates but cannot explain. */
    private record EvaluateOnly(FitEngine delegate) implements FitEngine {
        @Override
        public RulesetInfo ruleset() {
            return delegate.ruleset();
        }

        @Override
        public List<Diagnostic> warnings() {
            return delegate.warnings();
        }

        @Override
        public FitResult evaluate(AccountFacts facts, LocalDate asOf) {
            return delegate.evaluate(facts, asOf);
        }

        @Override
        public void close() {
        }
    }
}

package io.icprules.junit;

import io.icprules.cases.TestRuleset;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Case files become JUnit dynamic tests, run by the real JUnit engine with the real rule engine. */
class FitCasesTest {

    private static final String CASES = """
            as_of: 2026-11-01
            cases:
              - name: retailer fits
                account: {id: fit-1, industry: Retail, employees: 200}
                expect: {decision: FIT, score: 30, fired: [Core vertical]}
              - name: this one is wrong
                account: {id: excl-1, industry: Retail, employees: 20}
                expect: {decision: FIT, tier: A}
              - name: malformed
                account: {id: m, employees: lots}
                expect: {decision: FIT}
            """;

    @TempDir
    Path dir;

    /** Where {@link Suite} finds its ruleset; set by the test that runs it. */
    static Path suiteRuleset;

    /** A test class as a user writes it: one factory method. Run only through the engine test kit. */
    static class Suite {
        @TestFactory
        Stream<DynamicNode> fitCases() {
            return suiteRuleset == null ? Stream.empty() : FitCases.from(suiteRuleset);
        }
    }

    @Test
    void theJUnitEngineRunsOneTestPerCaseNamedAfterIt() throws IOException {
        Path ruleset = TestRuleset.write(dir);
        TestRuleset.writeCases(ruleset, "a.yaml", CASES);
        TestRuleset.writeCases(ruleset, "sub/b.yml", """
                cases:
                  - name: another file
                    as_of: 2026-11-01
                    account: {id: x, industry: Retail, employees: 200}
                    expect: {decision: FIT}
                """);
        suiteRuleset = ruleset;
        EngineExecutionResults results;
        try {
            results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Suite.class)).execute();
        } finally {
            suiteRuleset = null;
        }

        Map<String, TestExecutionResult.Status> byName = new LinkedHashMap<>();
        results.testEvents().finished().stream().forEach(e -> byName.put(e.getTestDescriptor().getDisplayName(),
                e.getRequiredPayload(TestExecutionResult.class).getStatus()));
        assertThat(byName).containsExactly(
                Map.entry("retailer fits", TestExecutionResult.Status.SUCCESSFUL),
                Map.entry("this one is wrong", TestExecutionResult.Status.FAILED),
                Map.entry("malformed", TestExecutionResult.Status.FAILED),
                Map.entry("another file", TestExecutionResult.Status.SUCCESSFUL));
        assertThat(results.containerEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .contains("cases/a.yaml", "cases/sub/b.yml".replace('/', java.io.File.separatorChar));

        Event wrong = results.testEvents().failed().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().equals("this one is wrong")).findFirst().orElseThrow();
        Throwable t = wrong.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(t).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("case 'this one is wrong' (" + ruleset.resolve("cases/a.yaml") + ":6) failed:")
                .hasMessageContaining("decision: expected FIT, was EXCLUDED")
                .hasMessageContaining("tier: expected A, was D")
                .hasMessageContaining("excl-1: EXCLUDED, score 30.0, tier D")
                .hasMessageContaining("+30.0 Core vertical (soft)")
                .hasMessageContaining("unmet hard filter: Mid-market headcount");
        AssertionFailedError afe = (AssertionFailedError) t;
        assertThat(afe.getExpected().getStringRepresentation()).isEqualTo("decision FIT, tier A");
        assertThat(afe.getActual().getStringRepresentation()).isEqualTo("decision EXCLUDED, tier D, score 30.0");
        assertThat(wrong.getTestDescriptor().getSource()).get().isInstanceOfSatisfying(FileSource.class, s -> {
            assertThat(s.getFile().toPath()).isEqualTo(ruleset.resolve("cases/a.yaml").toAbsolutePath());
            assertThat(s.getPosition()).get().satisfies(p -> assertThat(p.getLine()).isEqualTo(6));
        });

        Event malformed = results.testEvents().failed().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().equals("malformed")).findFirst().orElseThrow();
        assertThat(malformed.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .hasMessageContaining("malformed case: " + ruleset.resolve("cases/a.yaml") + ":9: case 'malformed': "
                        + "account.employees: 'lots' is not a whole number");
    }

    @Test
    void aRulesetThatDoesNotCompileIsOneFailingTestWithItsDiagnostics() throws IOException {
        Path ruleset = TestRuleset.write(dir);
        Files.writeString(ruleset.resolve("rules.drl"), "package x;\nrule \"broken\" @kind(soft) when Nope() then end\n",
                StandardCharsets.UTF_8);
        TestRuleset.writeCases(ruleset, "a.yaml", CASES);

        List<DynamicNode> nodes = FitCases.from(ruleset).toList();

        assertThat(nodes).singleElement().satisfies(n -> {
            assertThat(n.getDisplayName()).isEqualTo("ruleset " + ruleset + " compiles");
            assertThatThrownBy(((DynamicTest) n).getExecutable()::execute)
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("does not compile")
                    .hasMessageContaining("rules.drl:2:");
        });
    }

    @Test
    void missingOrEmptyCaseFoldersFailInsteadOfPassingWithNothingRun() throws IOException {
        Path ruleset = TestRuleset.write(dir);

        List<DynamicNode> none = FitCases.from(ruleset).toList();
        assertThat(none).singleElement().satisfies(n -> assertThatThrownBy(((DynamicTest) n).getExecutable()::execute)
                .hasMessageContaining("no case file or folder at " + ruleset.resolve("cases")));

        Files.createDirectories(ruleset.resolve("cases"));
        List<DynamicNode> empty = FitCases.from(ruleset).toList();
        assertThat(empty).singleElement().satisfies(n -> assertThatThrownBy(((DynamicTest) n).getExecutable()::execute)
                .hasMessageContaining("no .yaml or .yml case file under"));
    }

    @Test
    void casesCanLiveOutsideTheRulesetFolder() throws Throwable {
        Path ruleset = TestRuleset.write(dir);
        Path file = dir.resolve("elsewhere.yaml");
        Files.writeString(file, CASES, StandardCharsets.UTF_8);

        List<DynamicNode> nodes = FitCases.from(ruleset, file).toList();

        assertThat(nodes).singleElement().isInstanceOfSatisfying(DynamicContainer.class, c -> {
            assertThat(c.getDisplayName()).isEqualTo(file.toString());
            List<? extends DynamicNode> tests = c.getChildren().toList();
            assertThat(tests).extracting(DynamicNode::getDisplayName)
                    .containsExactly("retailer fits", "this one is wrong", "malformed");
            assertThat(tests.get(0).getTestSourceUri()).get().asString().endsWith("elsewhere.yaml?line=3");
        });
    }

    /** A trusted ruleset with a function, as a service loads it from its class path. */
    private static final String WITH_FUNCTION = TestRuleset.RULES + """

            function boolean large(Integer employees) { return employees != null && employees > 150; }

            rule "Large store" @kind(soft) @points(5)
            when Account( large(employees) ) then end
            """;

    private static List<DynamicTest> leaves(Stream<DynamicNode> nodes) {
        List<DynamicTest> out = new java.util.ArrayList<>();
        nodes.forEach(n -> {
            if (n instanceof DynamicContainer c) {
                out.addAll(leaves(c.getChildren().map(x -> (DynamicNode) x)));
            } else {
                out.add((DynamicTest) n);
            }
        });
        return out;
    }

    @Test
    void casesRunAgainstTheRulesetAsProductionCompilesIt() throws Throwable {
        Path cases = dir.resolve("test-resources/icp-cases/t/fit.yaml");
        Files.createDirectories(cases.getParent());
        Files.writeString(cases, """
                as_of: 2026-11-01
                cases:
                  - name: large retailer
                    account: {id: fit-1, industry: Retail, employees: 200}
                    expect: {decision: FIT, score: 35, fired: [Core vertical, Large store]}
                """, StandardCharsets.UTF_8);
        RulesetSource trusted = RulesetSource.of("classpath:icp/t", true,
                Map.of("ruleset.properties", TestRuleset.MANIFEST, "rules.drl", WITH_FUNCTION));
        List<DynamicTest> tests = leaves(FitCases.from(trusted, cases.getParent()));
        assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("large retailer");
        tests.get(0).getExecutable().execute(); // passes: trusted, as in production

        // The same rules as a folder are compiled in restricted mode, which refuses the function.
        Path folder = TestRuleset.write(dir.resolve("folder"));
        Files.writeString(folder.resolve("rules.drl"), WITH_FUNCTION, StandardCharsets.UTF_8);
        List<DynamicTest> restricted = leaves(FitCases.from(folder, cases.getParent()));
        assertThat(restricted).extracting(DynamicTest::getDisplayName).containsExactly("ruleset " + folder + " compiles");
        assertThatThrownBy(() -> restricted.get(0).getExecutable().execute()).isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void casesRunAgainstTheCallersEngineWhichStaysOpen() throws Throwable {
        Path ruleset = TestRuleset.write(dir);
        Path cases = TestRuleset.writeCases(ruleset, "a.yaml", CASES);
        try (FitEngine engine = IcpRules.fromDirectory(ruleset)) {
            List<DynamicTest> tests = leaves(FitCases.from(engine, cases));
            assertThat(tests).extracting(DynamicTest::getDisplayName)
                    .containsExactly("retailer fits", "this one is wrong", "malformed");
            tests.get(0).getExecutable().execute();
            assertThatThrownBy(() -> tests.get(1).getExecutable().execute()).isInstanceOf(AssertionFailedError.class);
            // Still open: the caller owns it.
            assertThat(engine.evaluate(io.icprules.fact.AccountFacts.of(
                    io.icprules.fact.Account.builder("x").industry("Retail").employees(200).build()),
                    java.time.LocalDate.of(2026, 11, 1)).score()).isEqualByComparingTo("30");
        }
    }
}

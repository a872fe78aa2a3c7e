package io.icprules.cli;

import io.icprules.io.ExitCodes;

import io.icprules.testing.TinyRuleset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code icp test} end to end: the real engine, real case files, the report and the exit codes. */
class TestCommandTest {

    private static final String PASSING = """
            as_of: 2026-11-01
            cases:
              - name: retailer fits
                account: {id: fit-1, industry: Retail, employees: 200}
                expect: {decision: FIT, tier: D, score: 30, fired: [Core vertical]}
              - name: too small
                account: {id: excl-1, industry: Retail, employees: 20}
                expect: {decision: EXCLUDED, unmet_hard_filters: [Mid-market headcount]}
            """;

    @TempDir
    Path dir;

    private Path rules;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void ruleset() throws IOException {
        rules = TinyRuleset.write(dir);
    }

    private Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private int run(String... args) {
        return IcpCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void runsTheCasesOfTheRulesetsCasesFolder() throws IOException {
        write(rules.resolve("cases/a.yaml"), PASSING);

        int code = run("test", "--rules", rules.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("Testing ruleset t@1 (")
                .contains(rules.resolve("cases/a.yaml").toString())
                .contains("  PASS  line 3: retailer fits")
                .contains("  PASS  line 6: too small")
                .contains("2 passed, 0 failed, 0 malformed (1 case file)");
    }

    @Test
    void aFailingCaseShowsExpectedActualAndTheLedgerAndExitsWith3() throws IOException {
        Path cases = write(dir.resolve("elsewhere/wrong.yaml"), """
                cases:
                  - name: expected a fit
                    as_of: 2026-11-01
                    account: {id: dq-1, industry: Retail, employees: 200, technologies: [CompetitorX]}
                    expect: {decision: FIT, not_fired: [Core vertical]}
                """);

        int code = run("test", "--rules", rules.toString(), "--cases", cases.getParent().toString());

        assertThat(code).isEqualTo(ExitCodes.RECORD_ERRORS);
        assertThat(out.toString())
                .contains("  FAIL  line 2: expected a fit")
                .contains("         decision: expected FIT, was DISQUALIFIED")
                .contains("         not_fired: expected 'Core vertical' not to fire, but it did (+30.0)")
                .contains("         expected: decision FIT, not fired [Core vertical]")
                .contains("         actual:   decision DISQUALIFIED, tier D, score 30.0")
                .contains("         dq-1: DISQUALIFIED, score 30.0, tier D (t@1")
                .contains("           +30.0 Core vertical (soft)")
                .contains("0 passed, 1 failed, 0 malformed");
    }

    @Test
    void malformedCasesAreReportedWithTheirLineWhileTheOthersRun() throws IOException {
        write(rules.resolve("cases/a.yaml"), PASSING + """
                  - name: typo
                    account: {id: m}
                    expect: {decison: FIT}
                """);
        write(rules.resolve("cases/b.yaml"), "cases: [ {name: x\n");

        int code = run("test", "--rules", rules.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString())
                .contains("  PASS  line 3: retailer fits")
                .contains("  ERROR line 9: case 'typo' is malformed\n         expect: unknown key 'decison'")
                .containsPattern("  ERROR line \\d: not valid YAML: while parsing a flow mapping")
                .contains("2 passed, 0 failed, 2 malformed (2 case files)");
    }

    @Test
    void usageAndRulesetErrorsHaveTheirOwnExitCodes() throws IOException {
        assertThat(run("test", "--rules", rules.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no case file or folder at " + rules.resolve("cases"));

        Files.createDirectories(rules.resolve("cases"));
        assertThat(run("test", "--rules", rules.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no .yaml or .yml case file under");

        assertThat(run("test", "--rules", dir.resolve("nope").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("ruleset folder not found");

        write(rules.resolve("cases/a.yaml"), PASSING);
        Files.writeString(rules.resolve("rules.drl"), "package x;\nrule \"r\" @kind(soft) @points(1) when Nope() then end\n");
        assertThat(run("test", "--rules", rules.toString())).isEqualTo(ExitCodes.RULESET_ERROR);
        assertThat(err.toString()).contains("does not compile").contains("rules.drl:2:");
    }

    @Test
    void anExampleRulesetPassesItsOwnCases() {
        // All three example rulesets' cases run in ExampleRulesetCasesTest; one is enough to show the command agrees.
        int code = run("test", "--rules", Path.of("../icp-rules-examples/rulesets", "msp-manufacturing").toString());

        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).doesNotContain("FAIL").doesNotContain("ERROR")
                .contains("  PASS  line ").contains(" passed, 0 failed, 0 malformed (2 case files)");
    }
}

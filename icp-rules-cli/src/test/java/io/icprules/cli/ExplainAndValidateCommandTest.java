package io.icprules.cli;

import io.icprules.io.ExitCodes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code icp explain} and {@code icp validate} on the bundled example profiles and on broken input. */
class ExplainAndValidateCommandTest {

    static final String RULES = "../icp-rules-examples/rulesets/workforce-scheduling";
    static final String DATA = "../icp-rules-examples/data/workforce-scheduling/";

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = IcpCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void explainPrintsLedgerWhyNotAndWhatWouldRaise() {
        Run r = run("explain", "--rules", RULES, "--account", "WS-008", "--accounts", DATA + "accounts.csv",
                "--events", DATA + "events.csv", "--contacts", DATA + "contacts.csv", "--as-of", "2026-11-01");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("WS-008: EXCLUDED, score 50.0, tier C")
                .contains("unmet hard filter: More than one location")
                .contains("More than one location (hard): attributes[\"locations\"] >= 2 is not met (attributes.locations: 1)")
                .contains("Legacy on-prem POS (soft -8.0): attributes[\"pos_category\"] == \"legacy_onprem\" is not met (attributes.pos_category: cloud)")
                .contains("What would raise this account:\n  +18.0 Chain of 10-40 locations");
    }

    @Test
    void explainOfAnUnknownAccountIsAUsageError() {
        Run r = run("explain", "--rules", RULES, "--account", "nope", "--accounts", DATA + "accounts.csv");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no account with id nope");
    }

    @Test
    void explainChecksItsFilesLikeTheOtherCommands() {
        Run missing = run("explain", "--rules", RULES, "--account", "WS-008", "--accounts", DATA + "accounts.csv",
                "--events", DATA + "nope.csv");
        assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).startsWith("icp explain: file not found: ").contains("nope.csv");
        Run notCsv = run("explain", "--rules", RULES, "--account", "WS-008", "--accounts", DATA + "accounts.csv",
                "--contacts", DATA + "accounts.csv", "--events", RULES + "/ruleset.properties");
        assertThat(notCsv.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(notCsv.err()).contains("icp explain: the events and contacts files must be .csv files: ")
                .contains("ruleset.properties");
    }

    @Test
    void validateTheExampleProfilesIsClean() {
        for (String profile : new String[] {"workforce-scheduling", "msp-manufacturing"}) {
            Run r = run("validate", "--rules", "../icp-rules-examples/rulesets/" + profile, "--data", "../icp-rules-examples/data/" + profile + "/accounts.csv",
                    "--events", "../icp-rules-examples/data/" + profile + "/events.csv", "--strict");
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("0 errors, 0 warning(s), 0 note(s)");
        }
        Run jsonl = run("validate", "--rules", "../icp-rules-examples/rulesets/growth-agency", "--data", "../icp-rules-examples/data/growth-agency/accounts.jsonl", "--strict");
        assertThat(jsonl.exit()).as(jsonl.out()).isZero();
    }

    @Test
    void validateReportsFindingsAndStrictFails(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ruleset.properties"), "name=v\nversion=1\n");
        Files.writeString(dir.resolve("r.drl"), "package v;\nimport io.icprules.fact.Account;\nimport io.icprules.fact.Event;\n"
                + "rule \"Size\" @kind(hard)\nwhen Account( employees >= 100 ) then end\n"
                + "rule \"Small\" @kind(soft) @points(10)\nwhen Account( employees < 20 ) then end\n"
                + "rule \"Typo\" @kind(trigger) @points(5) @halfLife(P30D)\nwhen Event( type == \"fundng_round\", daysAgo <= 90 ) then end\n");
        Path events = dir.resolve("events.csv");
        Files.writeString(events, "account_id,type,date,details\na1,funding_round,2026-01-01,\n");
        Run lenient = run("validate", "--rules", dir.toString(), "--events", events.toString());
        assertThat(lenient.exit()).isZero();
        assertThat(lenient.out())
                .contains("r.drl:6:0: warning: rule \"Small\" can only fire when hard filter \"Size\" fails")
                .contains("r.drl:9:0: warning: rule \"Typo\": event type \"fundng_round\" appears in no data or case file")
                .contains("the ruleset has no disqualifier")
                .contains("0 errors, 3 warning(s)");
        assertThat(run("validate", "--rules", dir.toString(), "--events", events.toString(), "--strict").exit())
                .isEqualTo(ExitCodes.RULESET_ERROR);
        Files.writeString(dir.resolve("r.drl"), "package v;\nrule \"Broken\" @kind(soft)\nwhen Account() then end\n");
        Run broken = run("validate", "--rules", dir.toString());
        assertThat(broken.exit()).isEqualTo(ExitCodes.RULESET_ERROR);
        assertThat(broken.out()).contains("r.drl:2:0: error: rule \"Broken\": a soft rule needs @points(n)");
    }

    @Test
    void validateDataWarnsAboutDuplicateIdsAndAttributesThatMixNumbersAndText(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path data = dir.resolve("accounts.csv");
        java.nio.file.Files.writeString(data, """
                id,name,employees,attr.plants
                a-1,One,100,4
                a-2,Two,100,n/a
                a-1,Again,100,7
                a-3,Three,100,12
                """);
        Run r = run("validate", "--rules", RULES, "--data", data.toString());
        assertThat(r.out()).contains(data + ":4:0: warning: account id 'a-1' is listed again (first at line 2)")
                .contains(data + ":3:0: warning: attribute 'plants' mixes numbers (3 rows) and text (1 rows, such as"
                        + " 'n/a' at line 3)");
        Run strict = run("validate", "--rules", RULES, "--data", data.toString(), "--strict");
        assertThat(strict.exit()).isEqualTo(ExitCodes.RULESET_ERROR);
    }

    @Test
    void validateRefusesWhatScoreRefuses(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path rules = dir.resolve("rules");
        java.nio.file.Files.createDirectories(rules);
        java.nio.file.Files.writeString(rules.resolve("ruleset.properties"), "name=x\nversion=1\n");
        java.nio.file.Files.writeString(rules.resolve("r.drl"), """
                package icp.test;
                import io.icprules.fact.Account;
                rule "Exit" @kind(soft) @points(1)
                when Account() then System.exit(0); end
                """);
        Run validate = run("validate", "--rules", rules.toString(), "--strict");
        assertThat(validate.exit()).isEqualTo(ExitCodes.RULESET_ERROR);
        assertThat(validate.out()).contains("r.drl:4:").contains("restricted mode").contains("does not compile");
        Path accounts = dir.resolve("a.csv");
        java.nio.file.Files.writeString(accounts, "id\nx\n");
        Run score = run("score", "--rules", rules.toString(), "--accounts", accounts.toString(), "--as-of", "2026-11-01");
        assertThat(score.exit()).isEqualTo(ExitCodes.RULESET_ERROR);
    }
}

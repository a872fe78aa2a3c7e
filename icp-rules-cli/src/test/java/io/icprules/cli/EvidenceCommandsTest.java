package io.icprules.cli;

import io.icprules.io.ExitCodes;

import com.fasterxml.jackson.databind.JsonNode;
import io.icprules.evidence.report.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code icp backtest}, {@code compare}, {@code audit} and {@code history} end to end on the bundled example files. */
class EvidenceCommandsTest {

    private static final Path RULES = Path.of("../icp-rules-examples/rulesets/workforce-scheduling");
    private static final Path RULES_NEXT = Path.of("../icp-rules-examples/rulesets/workforce-scheduling-1.1");
    private static final Path DATA = Path.of("../icp-rules-examples/data/workforce-scheduling");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return IcpCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private static String[] withData(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--accounts", DATA.resolve("accounts.csv").toString(),
                "--events", DATA.resolve("events.csv").toString(), "--contacts", DATA.resolve("contacts.csv").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static JsonNode json(Path file) throws IOException {
        return ReportJson.mapper().readTree(file.toFile());
    }

    @Test
    void backtestOfTheBundledHistoryWritesTextJsonAndHtml() throws IOException {
        Path json = dir.resolve("backtest.json");
        Path html = dir.resolve("backtest.html");
        int code = run(withData("backtest", "--rules", RULES.toString(), "--outcomes", DATA.resolve("outcomes.csv").toString(),
                "--json", json.toString(), "--html", html.toString()));
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Backtest of workforce-scheduling@1.0.0")
                .contains("Verdict: not enough closed deals to judge: 10 in-ICP and 7 out-of-ICP");
        JsonNode report = json(json);
        assertThat(report.get("ruleset").get("version").asText()).isEqualTo("1.0.0");
        assertThat(report.get("deal_rows").asLong()).isEqualTo(22);
        assertThat(report.get("error_count").asLong()).isZero();
        assertThat(report.get("verdict").get("kind").asText()).isEqualTo("NOT_ENOUGH_DATA");
        JsonNode in = null;
        for (JsonNode s : report.get("segments")) {
            if (s.get("name").asText().equals("in-ICP")) {
                in = s;
            }
        }
        assertThat(in).isNotNull();
        // Scored as of each entry date, WS-001..007 and WS-017..020 fit: 8 of the 10 closed fits were won.
        assertThat(in.get("win_rate").get("successes").asLong()).isEqualTo(8);
        assertThat(in.get("win_rate").get("trials").asLong()).isEqualTo(10);
        assertThat(in.get("win_rate").get("low").asDouble()).isBetween(0.0, 0.8);
        assertThat(report.get("score_histogram")).hasSize(10);
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("id=\"bt-win-rate\"");
    }

    @Test
    void badOutcomesRowsAreListedWithTheirLineAndTheExitCodeSaysSo() throws IOException {
        Path outcomes = dir.resolve("outcomes.csv");
        Files.writeString(outcomes, """
                account_id,entered_pipeline,outcome,amount
                WS-001,2026-09-25,won,48000
                WS-002,2026-10-05,wonn,52000
                WS-999,2026-10-05,lost,
                """);
        Path json = dir.resolve("backtest.json");
        int code = run(withData("backtest", "--rules", RULES.toString(), "--outcomes", outcomes.toString(),
                "--json", json.toString()));
        assertThat(code).isEqualTo(ExitCodes.RECORD_ERRORS);
        assertThat(out.toString()).contains("3 deals").contains("1 counted, 2 left out")
                .contains("line 3 (account WS-002): outcome: 'wonn' is not won, lost, open or churned")
                .contains("line 4 (account WS-999): account WS-999 is not in accounts.csv");
        JsonNode errors = json(json).get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("line").asLong()).isEqualTo(3);
        assertThat(errors.get(1).get("account_id").asText()).isEqualTo("WS-999");
    }

    @Test
    void usageProblemsStopBeforeAnyWork() throws IOException {
        assertThat(run(withData("backtest", "--rules", RULES.toString(), "--outcomes", dir.resolve("none.csv").toString())))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("icp backtest: file not found: ");
        assertThat(run(withData("compare", "--rules", RULES.toString()))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("give --rules twice, the old version first and the new one second (got 1)");
        Path header = dir.resolve("pipeline.csv");
        Files.writeString(header, "deal,account_id\nD-1,WS-001\n");
        assertThat(run(withData("audit", "--rules", RULES.toString(), "--pipeline", header.toString()))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("column 1 'deal' is not a known column");
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("ruleset.properties"), "name=b\nversion=1\n");
        Files.writeString(broken.resolve("rules.drl"), "rule \"x\" @kind(soft) when Account( industri == 1 ) then end\n");
        assertThat(run(withData("backtest", "--rules", broken.toString(), "--outcomes", DATA.resolve("outcomes.csv").toString())))
                .isEqualTo(ExitCodes.RULESET_ERROR);
        assertThat(err.toString()).contains("icp backtest: the ruleset in " + broken + " does not compile:");
    }

    @Test
    void compareShowsWhatTheNextVersionChanges() throws IOException {
        Path json = dir.resolve("compare.json");
        Path html = dir.resolve("compare.html");
        int code = run(withData("compare", "--rules", RULES.toString(), "--rules", RULES_NEXT.toString(),
                "--as-of", "2026-11-01", "--outcomes", DATA.resolve("outcomes.csv").toString(),
                "--json", json.toString(), "--html", html.toString()));
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("2 change decision")
                .contains("line 15 WS-014: DISQUALIFIED -> FIT C")
                .contains("removed: Revenue too small for per-location pricing");
        JsonNode report = json(json);
        List<String> states = new ArrayList<>();
        report.get("states").forEach(s -> states.add(s.asText()));
        JsonNode dq = report.get("transitions").get(states.indexOf("DISQUALIFIED"));
        assertThat(dq.get(states.indexOf("FIT C")).asLong()).isEqualTo(1);    // WS-014: revenue 2.4M now enough
        assertThat(dq.get(states.indexOf("EXCLUDED")).asLong()).isEqualTo(1); // WS-021: still under 50 employees
        assertThat(dq.get(states.indexOf("DISQUALIFIED")).asLong()).isEqualTo(2);
        assertThat(report.get("before").get("version").asText()).isEqualTo("1.0.0");
        assertThat(report.get("after").get("version").asText()).isEqualTo("1.1.0");
        assertThat(report.get("backtest_after").get("deal_rows").asLong()).isEqualTo(22);
        assertThat(Files.readString(html)).contains("id=\"transition-matrix\"").contains("id=\"new-win-rate\"");
    }

    @Test
    void auditFlagsOpenDealsAndTheExitCodeSaysWhetherAnyWereFound() throws IOException {
        Path json = dir.resolve("audit.json");
        int code = run(withData("audit", "--rules", RULES.toString(), "--pipeline", DATA.resolve("pipeline.csv").toString(),
                "--as-of", "2026-11-01", "--json", json.toString(), "--html", dir.resolve("audit.html").toString()));
        assertThat(code).isEqualTo(ExitCodes.FLAGGED);
        assertThat(out.toString()).contains("5 open deals worth 182,500 have an account the profile now disqualifies or excludes")
                .contains("Locked into a scheduling competitor (disqualifier): 1 deal, 44,000");
        JsonNode report = json(json);
        assertThat(report.get("flagged").asLong()).isEqualTo(5);
        assertThat(report.get("amount_at_stake").decimalValue()).isEqualByComparingTo("182500");
        assertThat(report.get("insufficient_data")).hasSize(2);

        Path clean = dir.resolve("clean.csv");
        Files.writeString(clean, "deal_id,account_id,stage,amount\nD-1,WS-001,demo,1000\n");
        assertThat(run(withData("audit", "--rules", RULES.toString(), "--pipeline", clean.toString(), "--as-of", "2026-11-01")))
                .isEqualTo(ExitCodes.OK);
        Path unknown = dir.resolve("unknown.csv");
        Files.writeString(unknown, "deal_id,account_id,stage,amount\nD-1,WS-001,demo,1000\nD-2,WS-404,demo,5\n");
        assertThat(run(withData("audit", "--rules", RULES.toString(), "--pipeline", unknown.toString(), "--as-of", "2026-11-01")))
                .isEqualTo(ExitCodes.RECORD_ERRORS);
        assertThat(out.toString()).contains("line 3 (account WS-404): deal D-2: account WS-404 is not in accounts.csv");
    }

    @Test
    void historyWritesFilesTheOtherCommandsRead() throws IOException {
        Path history = dir.resolve("history");
        assertThat(run("history", "--rules", RULES.toString(), "--count", "300", "--seed", "9", "--out-dir", history.toString()))
                .as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("Wrote 300 accounts with one deal each");
        int code = run("backtest", "--rules", RULES.toString(), "--accounts", history.resolve("accounts.csv").toString(),
                "--events", history.resolve("events.csv").toString(), "--contacts", history.resolve("contacts.csv").toString(),
                "--outcomes", history.resolve("outcomes.csv").toString());
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("300 deals").contains("300 counted, 0 left out");
    }
}

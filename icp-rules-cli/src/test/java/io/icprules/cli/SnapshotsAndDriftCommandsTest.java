package io.icprules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.icprules.evidence.report.ReportJson;
import io.icprules.io.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Account snapshots in {@code backtest}, {@code compare}, {@code audit} and {@code explain}; {@code backtest --by}; {@code history --drift}. */
class SnapshotsAndDriftCommandsTest {

    private static final Path RULES = Path.of("../icp-rules-examples/rulesets/workforce-scheduling");
    private static final Path DATA = Path.of("../icp-rules-examples/data/workforce-scheduling");
    private static final Path SNAPSHOTS = DATA.resolve("account-snapshots.csv");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return IcpCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private int backtest(Path accounts, String... more) {
        String[] base = {"backtest", "--rules", RULES.toString(), "--accounts", accounts.toString(),
            "--events", DATA.resolve("events.csv").toString(), "--contacts", DATA.resolve("contacts.csv").toString(),
            "--outcomes", DATA.resolve("outcomes.csv").toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return run(args);
    }

    @Test
    void theBundledSnapshotsScoreTheShopThatGrewAsItWasWhenItsDealEntered() throws IOException {
        // WS-007 had 38 employees until 2025-10-01, below the 50-500 hard filter: its deal of 2025-07-01
        // (won) is out-of-ICP with snapshots, in-ICP with the accounts file as it is today.
        Path json = dir.resolve("backtest.json");
        assertThat(backtest(SNAPSHOTS, "--json", json.toString())).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("with the account's snapshot valid on that date (23 snapshots of 22 "
                + "accounts)").contains("Verdict: not enough closed deals to judge: 9 in-ICP and 8 out-of-ICP");
        JsonNode report = ReportJson.mapper().readTree(json.toFile());
        assertThat(report.get("error_count").asLong()).isZero();

        out.getBuffer().setLength(0);
        assertThat(backtest(DATA.resolve("accounts.csv"))).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("10 in-ICP and 7 out-of-ICP");

        out.getBuffer().setLength(0);
        assertThat(run("explain", "--rules", RULES.toString(), "--accounts", SNAPSHOTS.toString(),
                "--account", "WS-007", "--as-of", "2025-07-01")).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("EXCLUDED").contains("38");
        out.getBuffer().setLength(0);
        assertThat(run("explain", "--rules", RULES.toString(), "--accounts", SNAPSHOTS.toString(),
                "--account", "WS-007", "--as-of", "2025-10-01")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("FIT");
        assertThat(run("explain", "--rules", RULES.toString(), "--accounts", SNAPSHOTS.toString(),
                "--account", "WS-007", "--as-of", "2024-10-01")).isEqualTo(ExitCodes.RECORD_ERRORS);
        assertThat(err.toString()).contains("no snapshot of account WS-007 in account-snapshots.csv is valid on "
                + "2024-10-01: the earliest is valid from 2025-01-01");
    }

    @Test
    void aSnapshotRowWithABadDateIsNamedWithItsLineAndTheExitCodeSaysRowsWereLeftOut() throws IOException {
        String text = Files.readString(SNAPSHOTS);
        Path accounts = dir.resolve("snapshots.csv");
        Files.writeString(accounts, text + text.lines().filter(l -> l.startsWith("WS-001,")).findFirst().orElseThrow()
                .replace("2025-01-01", "2026-02-30") + "\n");
        long line = text.lines().count() + 1;
        assertThat(backtest(accounts)).isEqualTo(ExitCodes.RECORD_ERRORS);
        assertThat(out.toString()).contains("Warning: 1 row of snapshots.csv left out for want of a usable "
                + "valid_from (the account's other snapshots are used): snapshots.csv line " + line
                + " (account WS-001): valid_from: '2026-02-30' is not a valid date");

        out.getBuffer().setLength(0);
        assertThat(run("compare", "--rules", RULES.toString(), "--rules", RULES.toString(), "--accounts",
                accounts.toString(), "--as-of", "2026-11-01")).isEqualTo(ExitCodes.RECORD_ERRORS);
        assertThat(out.toString()).contains("line " + line + " (account WS-001): valid_from: '2026-02-30'");

        out.getBuffer().setLength(0);
        int audit = run("audit", "--rules", RULES.toString(), "--accounts", accounts.toString(), "--pipeline",
                DATA.resolve("pipeline.csv").toString(), "--as-of", "2026-11-01");
        assertThat(audit).isIn(ExitCodes.RECORD_ERRORS, ExitCodes.FLAGGED);
        assertThat(out.toString()).contains("left out for want of a usable valid_from");

        out.getBuffer().setLength(0);
        assertThat(run("discover", "--rules", RULES.toString(), "--accounts", accounts.toString(), "--events",
                DATA.resolve("events.csv").toString(), "--outcomes", DATA.resolve("outcomes.csv").toString()))
                .isEqualTo(ExitCodes.RECORD_ERRORS);
        assertThat(out.toString()).contains("Warning: 1 row of snapshots.csv left out for want of a usable "
                + "valid_from");
    }

    @Test
    void backtestByQuarterFindsThePlantedDriftOfAHistory() throws IOException {
        Path history = dir.resolve("history");
        assertThat(run("history", "--rules", RULES.toString(), "--count", "8000", "--seed", "2", "--drift", "1",
                "--out-dir", history.toString())).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("drift 1.0");
        Path json = dir.resolve("drift.json");
        Path html = dir.resolve("drift.html");
        int code = run("backtest", "--rules", RULES.toString(), "--accounts", history.resolve("accounts.csv").toString(),
                "--events", history.resolve("events.csv").toString(), "--contacts",
                history.resolve("contacts.csv").toString(), "--outcomes", history.resolve("outcomes.csv").toString(),
                "--by", "quarter", "--json", json.toString(), "--html", html.toString());
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Drift by quarter: the in-ICP advantage fell from ")
                .contains("By quarter of entered_pipeline");
        assertThat(ReportJson.mapper().readTree(json.toFile()).get("drift").get("kind").asText()).isEqualTo("FALLING");
        assertThat(Files.readString(html)).contains("id=\"bt-drift\"");
    }

    @Test
    void badPeriodsAndDriftsAreUsageErrors() {
        assertThat(backtest(DATA.resolve("accounts.csv"), "--by", "week")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--by").contains("week");
        assertThat(run("history", "--rules", RULES.toString(), "--count", "10", "--drift", "1.5", "--out-dir",
                dir.resolve("h").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--drift must be between 0 and 1");
    }
}

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

/** {@code icp discover} end to end: on a history with a planted signal, on the bundled example files, and misuse. */
class DiscoverCommandTest {

    private static final Path RULES = Path.of("../icp-rules-examples/rulesets/workforce-scheduling");
    private static final Path DATA = Path.of("../icp-rules-examples/data/workforce-scheduling");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return IcpCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void findsTheSignalPlantedByHistoryAndWritesTextJsonAndHtml() throws IOException {
        Path h = dir.resolve("history");
        assertThat(run("history", "--rules", RULES.toString(), "--count", "4000", "--seed", "7",
                "--plant-technology", "Stripe", "--out-dir", h.toString())).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("a signal planted on Stripe (x2.0)");
        Path json = dir.resolve("discover.json");
        Path html = dir.resolve("discover.html");
        int code = run("discover", "--rules", RULES.toString(), "--accounts", h.resolve("accounts.csv").toString(),
                "--events", h.resolve("events.csv").toString(), "--contacts", h.resolve("contacts.csv").toString(),
                "--outcomes", h.resolve("outcomes.csv").toString(), "--json", json.toString(), "--html", html.toString());
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("Rules the data suggests for workforce-scheduling@1.0.0")
                .contains("Split: by account: the SHA-256 of the account id holds out 30% of accounts")
                .contains("1  technologies contains Stripe")
                .contains("confirmed on holdout")
                .contains("rule \"Discovered: technologies contains Stripe\"\n    @kind(soft) @points(10)")
                .contains("    Account( technologies contains \"Stripe\" )");
        assertThat(err.toString()).contains("Wrote " + json).contains("Wrote " + html);

        JsonNode report = ReportJson.mapper().readTree(json.toFile());
        assertThat(report.get("deal_rows").asLong()).isEqualTo(4000);
        JsonNode first = report.get("findings").get(0);
        assertThat(first.get("pattern").asText()).isEqualTo("technologies contains Stripe");
        assertThat(first.get("status").asText()).isEqualTo("confirmed on holdout");
        assertThat(first.get("discovery").get("q").asDouble()).isLessThan(0.05);
        assertThat(first.get("holdout").get("q").asDouble()).isLessThan(0.05);
        assertThat(first.get("suggestion").get("drl").asText()).contains("@kind(soft)");
        assertThat(report.get("covered").size()).isGreaterThan(10);
        assertThat(report.get("options").get("holdout_share").asDouble()).isEqualTo(0.3);

        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<h2>Suggested rules</h2>")
                .contains("technologies contains &quot;Stripe&quot;").doesNotContain("<script");
    }

    @Test
    void theBundledTwentyTwoDealsAreTooFewToSuggestAnything() {
        int code = run("discover", "--rules", RULES.toString(), "--accounts", DATA.resolve("accounts.csv").toString(),
                "--events", DATA.resolve("events.csv").toString(), "--contacts", DATA.resolve("contacts.csv").toString(),
                "--outcomes", DATA.resolve("outcomes.csv").toString());
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("0 tested; 0 significant")
                .contains("nothing to suggest").doesNotContain("Suggested rules");
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        String[] base = {"discover", "--rules", RULES.toString(), "--accounts", DATA.resolve("accounts.csv").toString(),
                "--outcomes", DATA.resolve("outcomes.csv").toString()};
        assertThat(run(concat(base, "--holdout", "1.5"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("icp discover: --holdout must be above 0 and below 1 (a share of the "
                + "accounts, such as 0.3), was 1.5");
        assertThat(run(concat(base, "--window-days", "0"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("icp discover: --window-days must be 1 or more, was 0");
        assertThat(run(concat(base, "--fdr", "0"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("icp discover: --fdr must be above 0 and below 1");
        assertThat(run("discover", "--rules", RULES.toString(), "--accounts", DATA.resolve("accounts.csv").toString(),
                "--outcomes", dir.resolve("none.csv").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("icp discover: file not found: ");
        assertThat(run("history", "--rules", RULES.toString(), "--count", "10", "--plant-technology", "Stripe",
                "--plant-lift", "0", "--out-dir", dir.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("icp history: --plant-lift must be above 0, was 0.0");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

package io.icprules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.icprules.evidence.report.ReportJson;
import io.icprules.io.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evidence commands on CRM exports as they are: {@code --mapping} on every command that reads
 * accounts, {@code --outcomes-mapping} and {@code --pipeline-mapping}, on the bundled HubSpot and
 * Salesforce examples.
 */
class DealExportCommandsTest {

    private static final Path CRM = Path.of("../icp-rules-examples/data/crm");
    private static final String WORKFORCE = "../icp-rules-examples/rulesets/workforce-scheduling";
    private static final String MSP = "../icp-rules-examples/rulesets/msp-manufacturing";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return IcpCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private static String crm(String file) {
        return CRM.resolve(file).toString();
    }

    @Test
    void theHubSpotDealsExportIsBacktestedWithoutPreprocessing() throws IOException {
        Path json = dir.resolve("backtest.json");
        Path html = dir.resolve("backtest.html");
        int code = run("backtest", "--rules", WORKFORCE, "--accounts", crm("hubspot-companies.csv"),
                "--mapping", crm("hubspot-mapping.yaml"), "--outcomes", crm("hubspot-deals.csv"),
                "--outcomes-mapping", crm("hubspot-deals-mapping.yaml"), "--json", json.toString(), "--html", html.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("32 deals, each scored as of the date it entered the pipeline (entered_pipeline); 32 counted, 0 left out")
                .contains("Verdict: in-ICP wins 3.6x more often than out-of-ICP (95% CI 1.23x-10.4x; won 71.4% of 14 closed "
                        + "in-ICP deals vs 20.0% of 15)")
                .containsPattern("in-ICP +15 +14 +10 71\\.4% \\(45\\.4-88\\.3%\\) +1\\.59x +83 ")
                .containsPattern("in-ICP +113\\.2% \\(8 wins\\) +73\\.2% \\(10 wins\\) +3\\.7 \\(10 wins, 4 lost\\)");
        JsonNode inIcp = null;
        for (JsonNode s : ReportJson.mapper().readTree(json.toFile()).get("segments")) {
            if (s.get("name").asText().equals("in-ICP")) {
                inIcp = s;
            }
        }
        assertThat(inIcp).isNotNull();
        assertThat(inIcp.get("cycle_days").get("median").asDouble()).isEqualTo(82.5);
        assertThat(inIcp.get("economics").get("gross_margin").asDouble()).isBetween(0.731, 0.733);
        assertThat(inIcp.get("economics").get("cac_payback_months").asDouble()).isBetween(3.6, 3.8);
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("Unit economics by group");
    }

    @Test
    void theSalesforceOpportunitiesFindTheirAccountsByName() {
        int code = run("backtest", "--rules", MSP, "--accounts", crm("salesforce-accounts.csv"),
                "--mapping", crm("salesforce-mapping.yaml"), "--outcomes", crm("salesforce-opportunities.csv"),
                "--outcomes-mapping", crm("salesforce-opportunities-mapping.yaml"));

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("24 counted, 0 left out")
                .contains("Verdict: in-ICP wins 4.0x more often than out-of-ICP")
                .doesNotContain("net revenue retention");
    }

    @Test
    void discoverReadsTheSalesforceOpportunitiesThroughTheirMapping() {
        int code = run("discover", "--rules", MSP, "--accounts", crm("salesforce-accounts.csv"),
                "--mapping", crm("salesforce-mapping.yaml"), "--outcomes", crm("salesforce-opportunities.csv"),
                "--outcomes-mapping", crm("salesforce-opportunities-mapping.yaml"), "--min-deals", "3");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        // Read as the plain layout, the export would be a usage error; through its mapping every deal is used.
        assertThat(out.toString()).doesNotContain("left out").contains("patterns");
    }

    @Test
    void anAccountNameThatMatchesNoAccountOrSeveralLeavesItsRowOutWithTheFix() throws IOException {
        Path accounts = Files.writeString(dir.resolve("accounts.csv"), """
                Account ID,Account Name
                0015e00000AbC01AAF,Buckeye Precision Machining
                0015e00000AbC02AAF,Twin Plants
                0015e00000AbC03AAF,Twin Plants
                """);
        Path mapping = Files.writeString(dir.resolve("accounts-mapping.yaml"), "columns:\n  Account ID: id\n  Account Name: name\n");
        Path deals = Files.writeString(dir.resolve("opportunities.csv"), """
                Opportunity ID,Account Name,Stage,Amount,Close Date,Created Date
                O-1,buckeye precision machining,Closed Won,"$54,000.00",6/27/2024,3/18/2024
                O-2,Buckeye Machining,Closed Lost,"$9,000.00",6/27/2024,3/18/2024
                O-3,Twin Plants,Closed Lost,"$9,000.00",6/27/2024,3/18/2024
                """);

        int code = run("backtest", "--rules", MSP, "--accounts", accounts.toString(), "--mapping", mapping.toString(),
                "--outcomes", deals.toString(), "--outcomes-mapping", crm("salesforce-opportunities-mapping.yaml"));

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.RECORD_ERRORS);
        assertThat(out.toString()).contains("3 deals").contains("1 counted, 2 left out")
                .contains("line 3: column 'Account Name' (account_name): 'Buckeye Machining' is the name of no account "
                        + "in accounts.csv")
                .contains("line 4: column 'Account Name' (account_name): 'Twin Plants' is the name of 2 accounts in "
                        + "accounts.csv: 0015e00000AbC02AAF (line 3), 0015e00000AbC03AAF (line 4); map a column that holds "
                        + "the account's id to account_id instead");
    }

    @Test
    void explainAuditCompareAndValidateReadTheCompanyExportThroughItsMapping() throws IOException {
        assertThat(run("explain", "--rules", WORKFORCE, "--accounts", crm("hubspot-companies.csv"),
                "--mapping", crm("hubspot-mapping.yaml"), "--account", "18234501", "--as-of", "2026-11-01"))
                .as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("75.6").contains("Hourly share 80%+");

        Path pipelineMapping = Files.writeString(dir.resolve("pipeline-mapping.yaml"), """
                ignore_unmapped: true
                columns:
                  Opportunity ID: deal_id
                  Account Name: account_name
                  Stage: stage
                  Amount: amount
                """);
        Path open = Files.writeString(dir.resolve("open.csv"), """
                Opportunity ID,Account Name,Stage,Amount
                0065e00000XyZ09AAF,Great Lakes Stamping,Negotiation/Review,"$24,000.00"
                0065e00000XyZ21AAF,Tri-State Cloud Plastics,Prospecting,"$60,000.00"
                """);
        assertThat(run("audit", "--rules", MSP, "--accounts", crm("salesforce-accounts.csv"),
                "--mapping", crm("salesforce-mapping.yaml"), "--pipeline", open.toString(),
                "--pipeline-mapping", pipelineMapping.toString(), "--as-of", "2026-11-01"))
                .as(err.toString()).isEqualTo(ExitCodes.FLAGGED);
        assertThat(out.toString()).contains("1 open deal worth 60,000").contains("0065e00000XyZ21AAF  0015e00000AbC05AAF  Prospecting");

        assertThat(run("compare", "--rules", WORKFORCE, "--rules", WORKFORCE + "-1.1", "--accounts",
                crm("hubspot-companies.csv"), "--mapping", crm("hubspot-mapping.yaml"), "--as-of", "2026-11-01",
                "--outcomes", crm("hubspot-deals.csv"), "--outcomes-mapping", crm("hubspot-deals-mapping.yaml")))
                .as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("on 7 accounts as of 2026-11-01").contains("Backtest, old: in-ICP wins 3.6x");

        assertThat(run("validate", "--rules", WORKFORCE, "--data", crm("hubspot-companies.csv"),
                "--mapping", crm("hubspot-mapping.yaml"))).as(out.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run("validate", "--rules", WORKFORCE, "--data", crm("hubspot-companies.csv")))
                .as("without the mapping the export's headers are unknown").isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void mappingOptionsThatCannotBeUsedAreUsageErrors() throws IOException {
        assertThat(run("compare", "--rules", WORKFORCE, "--rules", WORKFORCE, "--accounts", crm("hubspot-companies.csv"),
                "--mapping", crm("hubspot-mapping.yaml"), "--outcomes-mapping", crm("hubspot-deals-mapping.yaml")))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--outcomes-mapping is the mapping of an --outcomes file");
        assertThat(run("backtest", "--rules", WORKFORCE, "--accounts", crm("hubspot-companies.csv"),
                "--mapping", crm("hubspot-mapping.yaml"), "--outcomes", crm("hubspot-deals.csv"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).as("the export read as the plain layout").contains("hubspot-deals.csv");
        Path pipelineMapping = Files.writeString(dir.resolve("pipeline-mapping.yaml"),
                "columns:\n  Record ID: deal_id\n  Associated Company IDs: account_id\n");
        assertThat(run("backtest", "--rules", WORKFORCE, "--accounts", crm("hubspot-companies.csv"),
                "--mapping", crm("hubspot-mapping.yaml"), "--outcomes", crm("hubspot-deals.csv"),
                "--outcomes-mapping", pipelineMapping.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no column is mapped to entered_pipeline");
        assertThat(run("explain", "--rules", WORKFORCE, "--accounts", "../icp-rules-examples/data/growth-agency/accounts.jsonl",
                "--mapping", crm("hubspot-mapping.yaml"), "--account", "x")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--mapping applies to CSV accounts files");
    }
}

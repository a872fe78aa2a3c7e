package io.icprules.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.evidence.report.ReportJson;
import io.icprules.evidence.report.TextReports;
import io.icprules.io.ColumnMapping;
import io.icprules.io.InputFileException;
import io.icprules.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bundled CRM deal exports ({@code icp-rules-examples/data/crm}) read as they are, through their
 * mappings, and backtested against the company exports with the real engine.
 */
class DealExportsTest {

    private static final Path CRM = Path.of("../icp-rules-examples/data/crm");
    private static final Path RULESETS = Path.of("../icp-rules-examples/rulesets");

    @TempDir
    Path dir;

    private static AccountBook hubspotCompanies() throws IOException {
        return AccountBook.load(CRM.resolve("hubspot-companies.csv"), ColumnMapping.load(CRM.resolve("hubspot-mapping.yaml")),
                null, null, ReadOptions.defaults());
    }

    private static AccountBook salesforceAccounts() throws IOException {
        return AccountBook.load(CRM.resolve("salesforce-accounts.csv"),
                ColumnMapping.load(CRM.resolve("salesforce-mapping.yaml")), null, null, ReadOptions.defaults());
    }

    private static List<DealRecord> hubspotDeals(AccountBook accounts) throws IOException {
        return OutcomesReader.read(CRM.resolve("hubspot-deals.csv"),
                DealMapping.loadOutcomes(CRM.resolve("hubspot-deals-mapping.yaml")), accounts, ReadOptions.defaults());
    }

    @Test
    void aHubSpotDealsExportReadsAsOutcomes() throws IOException {
        List<DealRecord> deals = hubspotDeals(null);

        assertThat(deals).hasSize(32).allSatisfy(d -> assertThat(d.isError()).as("line %s: %s", d.line(), d.error()).isFalse());
        Deal first = deals.get(0).deal();
        assertThat(first).isEqualTo(new Deal("15874302201", "18234501", LocalDate.of(2024, 3, 11), DealOutcome.WON,
                LocalDate.of(2024, 6, 18), new BigDecimal("52000"), null, null, new BigDecimal("12000"),
                new BigDecimal("0"), new BigDecimal("0.74"), new BigDecimal("9800")));
        assertThat(first.salesCycleDays()).as("2024-03-11 to 2024-06-18").isEqualTo(99);
        Map<DealOutcome, Long> outcomes = deals.stream().collect(Collectors.groupingBy(d -> d.deal().outcome(),
                Collectors.counting()));
        assertThat(outcomes).containsEntry(DealOutcome.WON, 13L).containsEntry(DealOutcome.LOST, 16L)
                .containsEntry(DealOutcome.OPEN, 3L);
        assertThat(deals.get(9).deal().outcome()).as("Contract Sent is still open").isEqualTo(DealOutcome.OPEN);
        assertThat(deals.get(9).deal().salesCycleDays()).as("an open deal's close date is only expected").isNull();
        assertThat(deals.get(3).deal().amount()).isEqualByComparingTo("61000");
    }

    @Test
    void theHubSpotDealsBacktestAgainstTheHubSpotCompanies() throws IOException {
        AccountBook companies = hubspotCompanies();
        try (FitEngine engine = IcpRules.fromDirectory(RULESETS.resolve("workforce-scheduling"))) {
            BacktestReport r = Backtest.run(engine, companies, hubspotDeals(companies));

            assertThat(r.errorCount()).isZero();
            assertThat(r.scored()).isEqualTo(32);
            assertThat(r.verdict().text()).startsWith("in-ICP wins 3.6x more often than out-of-ICP");
            SegmentStats in = r.segment(BacktestReport.IN_ICP).orElseThrow();
            assertThat(in.won()).isEqualTo(10);
            assertThat(in.lost()).isEqualTo(4);
            assertThat(in.cycleDays().median()).as("cycles from Create Date to Close Date").isEqualTo(82.5);
            UnitEconomics e = in.economics();
            // NRR over the 8 in-ICP wins with expansion and churned ACV: (341000 + 50000 - 5000) / 341000.
            assertThat(e.netRevenueRetention()).isCloseTo(386_000.0 / 341_000, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(e.retentionDeals()).isEqualTo(8);
            assertThat(e.marginDeals()).isEqualTo(10);
            assertThat(e.paybackWins()).isEqualTo(10);
            assertThat(e.paybackLost()).isEqualTo(4);
            assertThat(TextReports.backtest(r)).contains("net revenue retention").contains("113.2% (8 wins)");
        }
    }

    @Test
    void aSalesforceOpportunitiesReportFindsItsAccountsByName() throws IOException {
        AccountBook accounts = salesforceAccounts();
        List<DealRecord> deals = OutcomesReader.read(CRM.resolve("salesforce-opportunities.csv"),
                DealMapping.loadOutcomes(CRM.resolve("salesforce-opportunities-mapping.yaml")), accounts,
                ReadOptions.defaults());

        assertThat(deals).hasSize(24).allSatisfy(d -> assertThat(d.isError()).as("line %s: %s", d.line(), d.error()).isFalse());
        assertThat(deals.get(0).accountId()).as("Buckeye Precision Machining").isEqualTo("0015e00000AbC01AAF");
        assertThat(deals.get(0).deal().amount()).as("$54,000.00").isEqualByComparingTo("54000");
        assertThat(deals.get(0).deal().enteredPipeline()).as("3/18/2024 in M/d/yyyy").isEqualTo(LocalDate.of(2024, 3, 18));
        assertThat(deals.get(20).deal().outcome()).as("Prospecting").isEqualTo(DealOutcome.OPEN);
        try (FitEngine engine = IcpRules.fromDirectory(RULESETS.resolve("msp-manufacturing"))) {
            BacktestReport r = Backtest.run(engine, accounts, deals);
            assertThat(r.errorCount()).isZero();
            assertThat(r.verdict().text()).startsWith("in-ICP wins 4.0x more often than out-of-ICP");
            assertThat(r.segment(BacktestReport.ALL).orElseThrow().economics()).as("no unit-economics columns").isNull();
            JsonNode json = ReportJson.mapper().readTree(ReportJson.toJson(r));
            assertThat(json.path("segments").get(0).has("economics")).as("absent, not zero").isFalse();
            assertThat(TextReports.backtest(r)).doesNotContain("net revenue retention");
        }
    }

    @Test
    void aNameMatchingNoAccountOrSeveralCostsItsRowOnly() throws IOException {
        Path accountsFile = Fixtures.write(dir, "accounts.csv", """
                id,name,industry,employees,country
                a-1,Acme Retail,Retail,200,US
                a-2,Blue Door,Retail,200,US
                a-3,Blue Door,Retail,300,US
                a-4,Cedar  Works,Retail,200,US
                """);
        AccountBook accounts = AccountBook.load(accountsFile, null, null);
        Path mapping = Fixtures.write(dir, "deals-mapping.yaml", """
                date_format: dd.MM.yyyy
                columns:
                  Company: account_name
                  Created: entered_pipeline
                  Stage: {field: outcome, values: {Closed Won: won, Closed Lost: lost}}
                """);
        Path export = Fixtures.write(dir, "deals.csv", """
                Company,Created,Stage
                Acme Retail,01.02.2025,Closed Won
                Acme Retial,02.02.2025,Closed Lost
                Blue Door,03.02.2025,Closed Lost
                "  cedar works ",04.02.2025,Negotiation
                ACME RETAIL,05.02.2025,"Closed Won
                ,06.02.2025,Closed Lost
                """);

        List<DealRecord> deals = OutcomesReader.read(export, DealMapping.loadOutcomes(mapping), accounts,
                ReadOptions.defaults());

        assertThat(deals).hasSize(6);
        assertThat(deals.get(0).deal().accountId()).isEqualTo("a-1");
        assertThat(deals.get(1).error()).isEqualTo("column 'Company' (account_name): 'Acme Retial' is the name of no "
                + "account in accounts.csv (names are compared as written, then ignoring case and spaces): correct the "
                + "name in the deals file or in accounts.csv, or map a column that holds the account's id to account_id");
        assertThat(deals.get(2).error()).isEqualTo("column 'Company' (account_name): 'Blue Door' is the name of 2 "
                + "accounts in accounts.csv: a-2 (line 3), a-3 (line 4); map a column that holds the account's id to "
                + "account_id instead, or make the names unique in accounts.csv");
        assertThat(deals.get(3).deal().accountId()).as("case and spaces ignored").isEqualTo("a-4");
        assertThat(deals.get(3).deal().outcome()).as("a stage not listed is open").isEqualTo(DealOutcome.OPEN);
        assertThat(deals.get(4).isError()).as("an unclosed quote").isTrue();
        assertThat(deals.get(4).line()).isEqualTo(6);
        assertThat(deals.get(5).error()).contains("column 'Company' (account_name): is required");
        assertThatThrownBy(() -> OutcomesReader.read(export, DealMapping.loadOutcomes(mapping), null, ReadOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account_name");
    }

    @Test
    void valuesOfAMappedRowAreCheckedAndNamedAsTheExportSpellsThem() throws IOException {
        Path mapping = Fixtures.write(dir, "deals-mapping.yaml", """
                columns:
                  Company ID: account_id
                  Created: entered_pipeline
                  Stage:
                    field: outcome
                    values: {Won it: won, Lost it: lost}
                    otherwise: ~
                  Closed: {field: close_date, format: MM/dd/yyyy}
                  Value: amount
                  Margin: gross_margin
                  Churned: churned_amount
                ignore: [Owner]
                """);
        Path export = Fixtures.write(dir, "deals.csv", """
                Company ID,Created,Stage,Closed,Value,Margin,Churned,Owner
                a-1,2025-01-10,Won it,03/01/2025,"$12,000.00",72%,0,Kim
                a-2,2025-01-10,Demo,03/01/2025,12k,,,Kim
                a-3,2025-01-10,Lost it,01/01/2025,lots,150%,500,Kim
                """);

        List<DealRecord> deals = OutcomesReader.read(export, DealMapping.loadOutcomes(mapping), null, ReadOptions.defaults());

        assertThat(deals.get(0).deal().amount()).isEqualByComparingTo("12000");
        assertThat(deals.get(0).deal().grossMargin()).isEqualByComparingTo("0.72");
        assertThat(deals.get(0).deal().salesCycleDays()).isEqualTo(50);
        assertThat(deals.get(1).error()).isEqualTo("column 'Stage' (outcome): 'Demo' is not won, lost, open or churned "
                + "(translate it under values: in the mapping)");
        assertThat(deals.get(2).error())
                .contains("column 'Closed' (close_date): 2025-01-01 is before entered_pipeline 2025-01-10")
                .contains("column 'Value' (amount): 'lots' is not a number")
                .contains("column 'Margin' (gross_margin): 1.5 is not a fraction between -1 and 1 (-100% to 100%)")
                .contains("column 'Churned' (churned_amount): given for a deal that is lost, not won");
    }

    @Test
    void anExportWhoseHeaderDoesNotFitTheMappingIsRefusedAsAWhole() throws IOException {
        Path mapping = Fixtures.write(dir, "deals-mapping.yaml", """
                columns:
                  Company ID: account_id
                  Created: entered_pipeline
                  Stage: outcome
                """);
        Path export = Fixtures.write(dir, "deals.csv", """
                Company ID,Stage,Owner
                a-1,won,Kim
                """);
        assertThatThrownBy(() -> OutcomesReader.read(export, DealMapping.loadOutcomes(mapping), null, ReadOptions.defaults()))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("line 1: column 'Owner' is not in the mapping")
                .hasMessageContaining("mapped column 'Created' is missing");
    }

    @Test
    void mappingMistakesAreAllReportedWithTheirLines() throws IOException {
        Path mapping = Fixtures.write(dir, "deals-mapping.yaml", """
                date_format: yyyy-MM-dd
                columns:
                  Company ID: account_id
                  Company: account_name
                  Stage:
                    field: outcome
                    values: {Closed Won: victory}
                  Value: {field: amount, format: MM/dd/yyyy}
                  Owner: owner
                """);
        assertThatThrownBy(() -> DealMapping.loadOutcomes(mapping))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("line 5: column 'Stage': values: 'closed won' maps to 'victory', which is not won, lost, open or churned")
                .hasMessageContaining("line 8: column 'Value': format: only a date column")
                .hasMessageContaining("line 9: column 'Owner': unknown column 'owner'")
                .hasMessageContaining("line 4: map either account_id or account_name, not both")
                .hasMessageContaining("no column is mapped to entered_pipeline");
        Path pipeline = Fixtures.write(dir, "pipeline-mapping.yaml", """
                columns:
                  Company ID: account_id
                  Created: entered_pipeline
                """);
        assertThatThrownBy(() -> DealMapping.loadPipeline(pipeline))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("line 3: column 'Created': unknown column 'entered_pipeline' (accepted for the pipeline file")
                .hasMessageContaining("no column is mapped to deal_id");
    }

    @Test
    void theKeysEveryMappingFileHasAreCheckedInADealsMappingToo() throws IOException {
        Path mapping = Fixtures.write(dir, "shared-keys-mapping.yaml", """
                date_format: yyyy-QQ-bogus
                ignore_unmapped: maybe
                ranges: lower
                columns:
                  Company ID: account_id
                  company id: account_name
                  Created: {field: entered_pipeline, optional: sometimes, format: " "}
                  Stage: [outcome]
                  Amount: {field: amount, values: {a: [1]}}
                ignore: [Amount]
                """);
        assertThatThrownBy(() -> DealMapping.loadOutcomes(mapping))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("line 1: date_format: 'yyyy-QQ-bogus' is not a date pattern")
                .hasMessageContaining("line 2: ignore_unmapped: expected true or false, found")
                .hasMessageContaining("line 3: unknown key 'ranges' (accepted: ignore_unmapped, date_format, columns, ignore)")
                .hasMessageContaining("line 6: column 'company id' is mapped twice (headers match ignoring case)")
                .hasMessageContaining("line 7: column 'Created': format: expected a date pattern such as MM/dd/yyyy")
                .hasMessageContaining("line 7: column 'Created': optional: expected true or false")
                .hasMessageContaining("line 8: column 'Stage': expected a column name (such as amount) or a mapping with "
                        + "field:, found")
                .hasMessageContaining("line 9: column 'Amount': values: 'a' must map to one value, found")
                .hasMessageContaining("line 9: column 'Amount' is both mapped and listed under ignore");
        Path notAMapping = Fixtures.write(dir, "list-mapping.yaml", "- columns\n");
        assertThatThrownBy(() -> DealMapping.loadOutcomes(notAMapping))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("line 1: a deals mapping starts with 'columns:' (and optionally ignore, "
                        + "ignore_unmapped, date_format)");
    }

    @Test
    void aPipelineExportReadsThroughItsMappingWithAccountsByName() throws IOException {
        AccountBook accounts = salesforceAccounts();
        Path mapping = Fixtures.write(dir, "pipeline-mapping.yaml", """
                ignore_unmapped: true
                columns:
                  Opportunity ID: deal_id
                  Account Name: account_name
                  Stage: stage
                  Amount: amount
                """);
        List<PipelineRecord> open = PipelineReader.read(CRM.resolve("salesforce-opportunities.csv"),
                DealMapping.loadPipeline(mapping), accounts, ReadOptions.defaults());

        assertThat(open).hasSize(24).allSatisfy(r -> assertThat(r.isError()).isFalse());
        assertThat(open.get(8).deal()).isEqualTo(new PipelineDeal("0065e00000XyZ09AAF", "0015e00000AbC02AAF",
                "Negotiation/Review", new BigDecimal("24000.00")));
        assertThatThrownBy(() -> OutcomesReader.read(CRM.resolve("salesforce-opportunities.csv"),
                DealMapping.loadPipeline(mapping), accounts, ReadOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

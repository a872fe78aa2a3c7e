package io.icprules.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.cli.IcpCommand;
import io.icprules.io.AccountReader;
import io.icprules.io.ColumnMapping;
import io.icprules.io.ScoredRecord;
import io.icprules.io.score.RecordScorer;
import io.icprules.result.FitResult;
import io.icprules.result.RuleNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example CRM exports in {@code data/crm} are scored without editing them, through their column
 * mappings: from Java and from the command line.
 */
class CrmExportsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    private static final Path CRM = Path.of("../icp-rules-examples/data", "crm");

    @TempDir
    Path dir;

    private static Map<String, FitResult> score(String ruleset, String export, String mapping) throws IOException {
        Map<String, FitResult> out = new LinkedHashMap<>();
        try (FitEngine engine = IcpRules.fromDirectory(Path.of("../icp-rules-examples/rulesets", ruleset));
             AccountReader reader = AccountReader.open(CRM.resolve(export), ColumnMapping.load(CRM.resolve(mapping)));
             Stream<ScoredRecord> scored = RecordScorer.score(engine, reader.records(), AS_OF)) {
            scored.forEach(r -> {
                assertThat(r.isError()).as("line %s: %s", r.line(), r.error()).isFalse();
                out.put(r.accountId(), r.result());
            });
        }
        return out;
    }

    private static List<String> rules(List<RuleNote> notes) {
        return notes.stream().map(RuleNote::rule).toList();
    }

    @Test
    void aSalesforceAccountReportIsScoredWithTheMspProfile() throws IOException {
        Map<String, FitResult> r = score("msp-manufacturing", "salesforce-accounts.csv", "salesforce-mapping.yaml");

        assertThat(r).hasSize(6);
        FitResult buckeye = r.get("0015e00000AbC01AAF");
        assertThat(buckeye.decision().name()).isEqualTo("FIT");
        assertThat(buckeye.score()).as(buckeye.explain()).isEqualByComparingTo("75.4");
        assertThat(buckeye.line("Security incident")).as("event from 'Last Security Incident'").get()
                .satisfies(l -> assertThat(l.points()).isEqualByComparingTo("11.4"));
        assertThat(buckeye.line("Servers past end of support")).as("checkbox 1 is true").isPresent();
        FitResult stamping = r.get("0015e00000AbC02AAF");
        assertThat(stamping.line("CMMC requirement")).as("event with fixed details").isPresent();
        assertThat(stamping.score()).isEqualByComparingTo("74.0");
        FitResult castings = r.get("0015e00000AbC03AAF");
        assertThat(castings.line("Shrinking headcount")).as("-15% is -0.15").isPresent();
        assertThat(castings.tier()).isEqualTo("D");
        assertThat(rules(r.get("0015e00000AbC04AAF").disqualifiers())).containsExactly("Needs an ITAR enclave");
        FitResult cloud = r.get("0015e00000AbC05AAF");
        assertThat(cloud.decision().name()).isEqualTo("EXCLUDED");
        assertThat(rules(cloud.unmetHardFilters())).containsExactly("100-500 employees", "On-prem or hybrid infrastructure");
        assertThat(cloud.line("Subsidiary of a larger group")).as("Subsidiary translated to subsidiary").isPresent();
        assertThat(rules(r.get("0015e00000AbC06AAF").disqualifiers())).containsExactly("Under contract with another MSP");
    }

    @Test
    void aHubSpotCompanyExportIsScoredFromTheCommandLine() throws IOException {
        Path out = dir.resolve("scores.csv");
        StringWriter err = new StringWriter();

        int code = IcpCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "score",
                "--rules", "../icp-rules-examples/rulesets/workforce-scheduling", "--accounts", CRM.resolve("hubspot-companies.csv").toString(),
                "--mapping", CRM.resolve("hubspot-mapping.yaml").toString(), "--as-of", "2026-11-01",
                "--out", out.toString());

        assertThat(code).as(err.toString()).isZero();
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(Files.readString(out, StandardCharsets.UTF_8))) {
            it.readAll().forEach(row -> rows.put(row.get("account_id"), row));
        }
        assertThat(rows.keySet()).containsExactly("18234501", "18234502", "18234503", "18234504", "18234505",
                "18234506", "18234507");
        assertThat(rows.values()).extracting(row -> row.get("decision"))
                .containsExactly("FIT", "FIT", "FIT", "EXCLUDED", "EXCLUDED", "DISQUALIFIED", "DISQUALIFIED");
        assertThat(rows.get("18234501").get("score")).isEqualTo("75.6");
        assertThat(rows.get("18234501").get("ledger")).contains("Hourly share 80%+ +15.0").contains("Funding or PE investment +7.6");
        assertThat(rows.get("18234502").get("score")).as("51-200 read as 51 employees").isEqualTo("63.0");
        assertThat(rows.get("18234504").get("unmet_hard_filters")).startsWith("More than one location");
        assertThat(rows.get("18234505").get("unmet_hard_filters")).contains("(country: DE)");
        assertThat(rows.get("18234506").get("unmet_hard_filters")).contains("(has 1001)");
        assertThat(rows.get("18234506").get("disqualifiers")).startsWith("Locked into a scheduling competitor");
        assertThat(rows.get("18234507").get("disqualifiers")).startsWith("Franchisor mandates the scheduling tool");
        assertThat(err.toString()).contains("Scored 7 records from hubspot-companies.csv");
    }

    @Test
    void mappingMistakesAndMismatchesAreUsageErrors() throws IOException {
        Path badMapping = dir.resolve("bad.yaml");
        Files.writeString(badMapping, "columns:\n  Record ID: idd\n");
        Path narrowMapping = dir.resolve("narrow.yaml");
        Files.writeString(narrowMapping, "columns:\n  Record ID: id\n");

        StringWriter err = new StringWriter();
        PrintWriter e = new PrintWriter(err);
        PrintWriter o = new PrintWriter(new StringWriter());
        String accounts = CRM.resolve("hubspot-companies.csv").toString();

        assertThat(IcpCommand.run(o, e, "score", "--rules", "../icp-rules-examples/rulesets/workforce-scheduling", "--accounts", accounts,
                "--mapping", badMapping.toString())).isEqualTo(2);
        assertThat(IcpCommand.run(o, e, "score", "--rules", "../icp-rules-examples/rulesets/workforce-scheduling", "--accounts", accounts,
                "--mapping", narrowMapping.toString())).isEqualTo(2);
        assertThat(IcpCommand.run(o, e, "score", "--rules", "../icp-rules-examples/rulesets/workforce-scheduling", "--accounts",
                "../icp-rules-examples/data/growth-agency/accounts.jsonl", "--mapping", narrowMapping.toString())).isEqualTo(2);
        assertThat(IcpCommand.run(o, e, "score", "--rules", "../icp-rules-examples/rulesets/workforce-scheduling", "--accounts", accounts,
                "--mapping", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(err.toString())
                .contains("line 2: column 'Record ID': unknown field 'idd'")
                .contains("are not in the mapping")
                .contains("--mapping applies to CSV accounts files")
                .contains("file not found: " + dir.resolve("missing.yaml"));
    }
}

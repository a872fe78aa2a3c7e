package io.icprules.cli;

import io.icprules.io.ExitCodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.icprules.testing.TinyRuleset;
import io.icprules.io.ProfilesCsvResultWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code icp score} with several rulesets: a column group per profile and the best fit. */
class ScoreProfilesCommandTest {

    private static final String ACCOUNTS = """
            id,industry,employees,technologies,founded_year
            retail-1,Retail,200,,
            soft-1,Software,200,,
            bad-1,Retail,12a,,
            boom-1,Boom,200,,1999
            nobody,,5,CompetitorX,
            """;

    private static final String SOFTWARE = """
            package icp.soft;
            import io.icprules.fact.Account;

            rule "Any size" @kind(hard) when Account() then end
            rule "Software" @kind(soft) @points(50) when Account( industry == "Software" ) then end
            rule "Retail too" @kind(soft) @points(20) when Account( industry == "Retail" ) then end
            rule "No competitor" @kind(disqualifier) when Account( technologies contains "CompetitorX" ) then end
            rule "Explodes" @kind(soft) @points(1)
            when Account( foundedYear != null, 1 / (foundedYear - 1999) > 1000 ) then end
            """;

    @TempDir
    Path dir;

    private Path retail;
    private Path software;
    private Path accounts;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws IOException {
        retail = TinyRuleset.write(dir.resolve("retail"));
        software = dir.resolve("software");
        Files.createDirectories(software);
        Files.writeString(software.resolve("ruleset.properties"), "name=software\nversion=2\n");
        Files.writeString(software.resolve("rules.drl"), SOFTWARE);
        accounts = dir.resolve("accounts.csv");
        Files.writeString(accounts, ACCOUNTS, StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        return IcpCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void csvHasAColumnGroupPerProfileAndTheBestFit() throws IOException {
        int code = run("score", "--rules", retail.toString(), "--rules", software.toString(), "--accounts",
                accounts.toString(), "--as-of", "2026-11-01");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.RECORD_ERRORS);
        String csv = out.toString();
        List<String> header = List.of(csv.substring(0, csv.indexOf('\n')).replace("\"", "").split(","));
        assertThat(header).containsExactlyElementsOf(ProfilesCsvResultWriter.columns(List.of("t", "software")));
        assertThat(header).startsWith("line", "account_id", "best_profile", "as_of", "t.decision", "t.tier", "t.score")
                .contains("software.decision", "software.ledger", "software.error").endsWith("error");
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            rows.addAll(it.readAll());
        }
        assertThat(rows).extracting(r -> r.get("account_id")).containsExactly("retail-1", "soft-1", "bad-1", "boom-1", "nobody");
        Map<String, String> r1 = rows.get(0);
        assertThat(r1.get("best_profile")).isEqualTo("t");
        assertThat(r1.get("as_of")).isEqualTo("2026-11-01");
        assertThat(r1.get("t.decision")).isEqualTo("FIT");
        assertThat(r1.get("t.score")).isEqualTo("30.0");
        assertThat(r1.get("t.ledger")).isEqualTo("Core vertical +30.0");
        assertThat(r1.get("t.ruleset_version")).isEqualTo("1");
        assertThat(r1.get("t.ruleset_hash")).hasSize(64);
        assertThat(r1.get("software.decision")).isEqualTo("FIT");
        assertThat(r1.get("software.score")).isEqualTo("20.0");
        assertThat(r1.get("software.ruleset_version")).isEqualTo("2");
        assertThat(rows.get(1).get("best_profile")).isEqualTo("software");
        assertThat(rows.get(1).get("t.decision")).isEqualTo("FIT");
        assertThat(rows.get(1).get("t.score")).isEqualTo("0.0");
        assertThat(rows.get(1).get("software.score")).isEqualTo("50.0");
        Map<String, String> bad = rows.get(2);
        assertThat(bad.get("line")).isEqualTo("4");
        assertThat(bad.get("t.decision")).isEqualTo("ERROR");
        assertThat(bad.get("software.decision")).isEqualTo("ERROR");
        assertThat(bad.get("error")).contains("employees: '12a' is not a whole number");
        Map<String, String> boom = rows.get(3);
        assertThat(boom.get("t.decision")).isEqualTo("FIT");
        assertThat(boom.get("software.decision")).isEqualTo("ERROR");
        assertThat(boom.get("software.error")).startsWith("evaluation failed: ").contains("Explodes");
        assertThat(boom.get("error")).isEmpty();
        assertThat(rows.get(4).get("best_profile")).isEmpty();
        assertThat(rows.get(4).get("t.decision")).isEqualTo("DISQUALIFIED");
        assertThat(rows.get(4).get("software.disqualifiers")).startsWith("No competitor");
        assertThat(err.toString())
                .contains("Scored 5 records from accounts.csv as of 2026-11-01 with 2 profiles")
                .contains("Profile t: ruleset t@1 (")
                .contains("Profile software: ruleset software@2 (")
                .containsPattern("Best fit: t 2, software 1, no fit 1 \\(2 with errors\\)")
                .contains("line 4 (account bad-1): employees: '12a' is not a whole number")
                .contains("line 5 (account boom-1): software: evaluation failed:");
    }

    @Test
    void jsonLinesHasAProfilesObject() throws IOException {
        int code = run("score", "--rules", retail.toString(), "--rules", software.toString(), "--accounts",
                accounts.toString(), "--as-of", "2026-11-01", "--format", "jsonl");

        assertThat(code).isEqualTo(ExitCodes.RECORD_ERRORS);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.toString().split("\n")) {
            lines.add(json.readTree(l));
        }
        assertThat(lines).hasSize(5);
        JsonNode first = lines.get(0);
        assertThat(first.get("best_profile").asText()).isEqualTo("t");
        assertThat(first.get("profiles").fieldNames()).toIterable().containsExactly("t", "software");
        assertThat(first.at("/profiles/t/decision").asText()).isEqualTo("FIT");
        assertThat(first.at("/profiles/t/score").decimalValue()).isEqualByComparingTo("30.0");
        assertThat(first.at("/profiles/t/ledger/0/rule").asText()).isEqualTo("Mid-market headcount");
        assertThat(first.at("/profiles/software/ruleset/version").asText()).isEqualTo("2");
        assertThat(lines.get(2).get("decision").asText()).isEqualTo("ERROR");
        assertThat(lines.get(2).get("error").asText()).contains("12a");
        assertThat(lines.get(2).has("profiles")).isFalse();
        assertThat(lines.get(3).at("/profiles/software/decision").asText()).isEqualTo("ERROR");
        assertThat(lines.get(3).at("/profiles/software/error").asText()).contains("Explodes");
        assertThat(lines.get(4).get("best_profile").isNull()).isTrue();
    }

    @Test
    void profilesNeedDistinctNamesAndRulesetsThatCompile() throws IOException {
        Path twin = TinyRuleset.write(dir.resolve("twin"));
        assertThat(run("score", "--rules", retail.toString(), "--rules", twin.toString(), "--accounts",
                accounts.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("are both named 't'");

        Files.writeString(software.resolve("rules.drl"), "package x;\nrule \"r\" @kind(soft) @points(1) when Nope() then end\n");
        assertThat(run("score", "--rules", retail.toString(), "--rules", software.toString(), "--accounts",
                accounts.toString())).isEqualTo(ExitCodes.RULESET_ERROR);
        assertThat(err.toString()).contains("the ruleset in " + software + " does not compile").contains("rules.drl:2:");

        assertThat(run("score", "--rules", retail.toString(), "--rules", dir.resolve("none").toString(), "--accounts",
                accounts.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("ruleset folder not found: " + dir.resolve("none"));
    }
}

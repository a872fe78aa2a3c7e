package io.icprules.cli;

import io.icprules.io.ExitCodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.icprules.testing.TestFiles;
import io.icprules.testing.TinyRuleset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The command line end to end, with the real engine and real files. */
class IcpCommandTest {

    private static final String ACCOUNTS = """
            id,name,industry,employees,country,technologies
            fit-1,Acme,Retail,200,US,Square
            excl-1,Big Box,Retail,5000,US,
            dq-1,Rival User,Retail,200,US,CompetitorX;HubSpot
            insuf-1,Mystery,,200,US,
            fit-2,"Smith, Jones",Software,150,GB,
            """;

    private static final String EVENTS = """
            account_id,type,date,details
            fit-1,funding_round,2026-09-22,round=Series B
            fit-2,exec_hire,2026-10-01,
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

    private Path write(String name, String content) throws IOException {
        return TestFiles.write(dir, name, content);
    }

    private int run(String... args) {
        return IcpCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private static List<Map<String, String>> readCsv(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return it.readAll();
        }
    }

    @Test
    void scoresEveryAccountOfGoodFilesInOrder() throws IOException {
        Path accounts = write("accounts.csv", ACCOUNTS);
        Path events = write("events.csv", EVENTS);
        Path result = dir.resolve("out/result.csv");
        Files.createDirectories(result.getParent());

        int code = run("score", "--rules", rules.toString(), "--accounts", accounts.toString(),
                "--events", events.toString(), "--as-of", "2026-11-01", "--out", result.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEmpty();
        List<Map<String, String>> rows = readCsv(Files.readString(result));
        assertThat(rows).extracting(r -> r.get("account_id")).containsExactly("fit-1", "excl-1", "dq-1", "insuf-1", "fit-2");
        assertThat(rows).extracting(r -> r.get("line")).containsExactly("2", "3", "4", "5", "6");
        assertThat(rows).extracting(r -> r.get("decision"))
                .containsExactly("FIT", "EXCLUDED", "DISQUALIFIED", "INSUFFICIENT_DATA", "FIT");
        Map<String, String> fit = rows.get(0);
        assertThat(fit.get("ledger")).contains("Core vertical +30.0").contains("Recent funding +");
        assertThat(fit.get("ruleset")).isEqualTo("t");
        assertThat(fit.get("ruleset_version")).isEqualTo("1");
        assertThat(fit.get("ruleset_hash")).hasSize(64);
        assertThat(fit.get("as_of")).isEqualTo("2026-11-01");
        assertThat(rows.get(1).get("unmet_hard_filters")).startsWith("Mid-market headcount: ");
        assertThat(rows.get(2).get("disqualifiers")).startsWith("Uses competitor");
        assertThat(rows.get(3).get("missing_fields")).isEqualTo("industry");
        assertThat(rows.get(4).get("score")).isEqualTo("0.0");
        assertThat(err.toString())
                .contains("Scored 5 records from accounts.csv as of 2026-11-01 with ruleset t@1 (")
                .containsPattern("FIT\\s+2\\s+tiers: ")
                .containsPattern("EXCLUDED\\s+1")
                .containsPattern("DISQUALIFIED\\s+1")
                .containsPattern("INSUFFICIENT_DATA\\s+1")
                .containsPattern("ERROR\\s+0");
    }

    @Test
    void readsJsonLinesAndWritesJsonLinesToStandardOutput() throws IOException {
        Path accounts = write("accounts.ndjson", """
                {"id":"fit-1","industry":"Retail","employees":200,"events":[{"type":"funding_round","date":"2026-10-02"}]}

                {"id":"excl-1","industry":"Retail","employees":20}
                """);

        int code = run("score", "--rules", rules.toString(), "--accounts", accounts.toString(),
                "--as-of", "2026-11-01", "--format", "jsonl");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        assertThat(first.get("line").asLong()).isEqualTo(1);
        assertThat(first.get("decision").asText()).isEqualTo("FIT");
        assertThat(first.get("ruleset").get("name").asText()).isEqualTo("t");
        assertThat(first.get("ledger")).anySatisfy(l -> {
            assertThat(l.get("rule").asText()).isEqualTo("Recent funding");
            assertThat(l.get("event_date").asText()).isEqualTo("2026-10-02");
            assertThat(l.get("points").decimalValue()).isBetween(new BigDecimal("14"), new BigDecimal("20"));
        });
        JsonNode second = json.readTree(lines[1]);
        assertThat(second.get("line").asLong()).isEqualTo(3);
        assertThat(second.get("decision").asText()).isEqualTo("EXCLUDED");
    }

    @Test
    void badRowsBecomeErrorRecordsWithLineNumbersAndExitThree() throws IOException {
        Path accounts = write("accounts.csv", """
                id,industry,employees,country
                good-1,Retail,200,US
                bad-1,Retail,12a,US
                bad-2,Retail,-4,US
                bad-3,Retail,200,USA
                ,Retail,200,US
                good-2,Retail,300,US
                event-bad,Retail,300,US
                """);
        Path events = write("events.csv", """
                account_id,type,date
                event-bad,funding_round,2026-02-30
                stranger,merger,2026-01-01
                """);
        Path result = dir.resolve("result.jsonl");

        int code = run("score", "--rules", rules.toString(), "--accounts", accounts.toString(),
                "--events", events.toString(), "--as-of", "2026-11-01", "--out", result.toString());

        assertThat(code).isEqualTo(ExitCodes.RECORD_ERRORS);
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(result)) {
            records.add(new ObjectMapper().readTree(line));
        }
        assertThat(records).hasSize(7);
        assertThat(records).extracting(r -> r.get("line").asLong()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(records).extracting(r -> r.get("decision").asText())
                .containsExactly("FIT", "ERROR", "ERROR", "ERROR", "ERROR", "FIT", "ERROR");
        assertThat(records.get(1).get("error").asText()).isEqualTo("employees: '12a' is not a whole number");
        assertThat(records.get(1).get("account_id").asText()).isEqualTo("bad-1");
        assertThat(records.get(4).get("account_id").isNull()).isTrue();
        assertThat(records.get(6).get("error").asText()).isEqualTo("events.csv line 2: date: '2026-02-30' is not a valid date");
        assertThat(err.toString())
                .containsPattern("ERROR\\s+5")
                .contains("line 3 (account bad-1): employees: '12a' is not a whole number")
                .contains("events.csv: 1 row for 1 account id not in the accounts file (stranger)");
    }

    @Test
    void aRulesetThatDoesNotCompilePrintsEveryDiagnosticAndExitsOne() throws IOException {
        Path broken = TinyRuleset.write(dir.resolve("broken"), TinyRuleset.RULES.replace("employees >= 100", "employes >= 100"));
        Path accounts = write("accounts.csv", ACCOUNTS);
        Path result = dir.resolve("never.csv");

        int code = run("score", "--rules", broken.toString(), "--accounts", accounts.toString(), "--out", result.toString());

        assertThat(code).isEqualTo(ExitCodes.RULESET_ERROR);
        assertThat(err.toString()).containsPattern("rules\\.drl:\\d+:\\d+: error: .*employes");
        assertThat(result).doesNotExist();
    }

    @Test
    void missingOrUnusableInputExitsTwoBeforeAnythingIsWritten() throws IOException {
        Path result = dir.resolve("never.csv");

        assertThat(run("score", "--rules", rules.toString(), "--accounts", dir.resolve("nope.csv").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("file not found").contains("nope.csv");

        Path unknownColumn = write("accounts.csv", "id,employes\na,1\n");
        assertThat(run("score", "--rules", rules.toString(), "--accounts", unknownColumn.toString(),
                "--out", result.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'employes' is not a known column").contains("Accepted columns: id, name");
        assertThat(result).doesNotExist();

        Path txt = write("accounts.txt", "id\na\n");
        assertThat(run("score", "--rules", rules.toString(), "--accounts", txt.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(run("score", "--rules", dir.resolve("no-rules").toString(), "--accounts", unknownColumn.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("score", "--accounts", unknownColumn.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(run("score", "--rules", rules.toString(), "--accounts", txt.toString(), "--as-of", "2026-13-01"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("score", "--rules", rules.toString(), "--accounts", unknownColumn.toString(),
                "--out", dir.resolve("no/such/folder/out.csv").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(run("score", "--rules", rules.toString(), "--accounts", unknownColumn.toString(),
                "--out", unknownColumn.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("would overwrite the input file");
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void theAsOfDateDefaultsToTodayAndIsPrinted() throws IOException {
        Path accounts = write("accounts.csv", "id,industry,employees\na,Retail,200\n");

        assertThat(run("score", "--rules", rules.toString(), "--accounts", accounts.toString())).isEqualTo(ExitCodes.OK);

        LocalDate today = LocalDate.now();
        assertThat(err.toString()).containsAnyOf(" as of " + today + " ", " as of " + today.plusDays(1) + " ");
    }

    @Test
    void generatesDeterministicFilesThatScoreWithoutErrors() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");

        assertThat(run("generate", "--count", "2500", "--seed", "9", "--out-dir", a.toString())).isEqualTo(ExitCodes.OK);
        assertThat(run("generate", "--count", "2500", "--seed", "9", "--out-dir", b.toString())).isEqualTo(ExitCodes.OK);
        for (String f : List.of("accounts.csv", "events.csv", "contacts.csv")) {
            assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
        assertThat(err.toString()).contains("Wrote 2500 accounts");

        Path result = dir.resolve("scored.csv");
        int code = run("score", "--rules", rules.toString(), "--accounts", a.resolve("accounts.csv").toString(),
                "--events", a.resolve("events.csv").toString(), "--contacts", a.resolve("contacts.csv").toString(),
                "--as-of", "2026-11-01", "--out", result.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        List<Map<String, String>> rows = readCsv(Files.readString(result));
        assertThat(rows).hasSize(2500);
        assertThat(rows.get(0).get("account_id")).isEqualTo("acc-0000001");
        assertThat(rows.get(2499).get("account_id")).isEqualTo("acc-0002500");
        assertThat(rows).extracting(r -> r.get("decision")).contains("FIT", "EXCLUDED", "DISQUALIFIED", "INSUFFICIENT_DATA");
    }

    @Test
    void generateWritesJsonLinesToo() throws IOException {
        assertThat(run("generate", "--count", "20", "--out-dir", dir.toString(), "--format", "jsonl",
                "--anchor", "2025-01-01")).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(dir.resolve("accounts.jsonl"))).hasSize(20);
        assertThat(run("generate", "--count", "-1", "--out-dir", dir.toString())).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpDocumentsTheExitCodes() {
        assertThat(run("score", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Exit codes:").contains("the ruleset does not compile")
                .contains("some records are error records").contains("--as-of");
    }

    @Test
    void everyHelpTextIsAValidFormatString() {
        // picocli formats descriptions with String.format: a lone % would be printed raw, with a warning.
        picocli.CommandLine root = new picocli.CommandLine(new IcpCommand());
        for (picocli.CommandLine sub : root.getSubcommands().values()) {
            picocli.CommandLine.Model.UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
            List<String> texts = new java.util.ArrayList<>(List.of(usage.description()));
            texts.addAll(List.of(usage.header()));
            sub.getCommandSpec().options().forEach(o -> texts.addAll(List.of(o.description())));
            for (String text : texts) {
                assertThatCode(() -> String.format(text)).as("%s: %s", sub.getCommandName(), text)
                        .doesNotThrowAnyException();
            }
        }
        assertThat(root.getSubcommands()).containsKeys("score", "backtest", "compare", "audit");
    }

    @Test
    void anImpossibleDateSaysWhy() throws IOException {
        Path accounts = write("a.csv", ACCOUNTS);
        assertThat(run("score", "--rules", rules.toString(), "--accounts", accounts.toString(), "--as-of", "2026-02-30"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'2026-02-30' is not a date: February 2026 has 28 days")
                .doesNotContain("LocalDate").doesNotContain("Exception");
        err.getBuffer().setLength(0);
        assertThat(run("score", "--rules", rules.toString(), "--accounts", accounts.toString(), "--as-of", "2026-13-01"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("there is no month 13");
        err.getBuffer().setLength(0);
        assertThat(run("score", "--rules", rules.toString(), "--accounts", accounts.toString(), "--as-of", "1/11/2026"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("write it as YYYY-MM-DD");
    }

    @Test
    void unexpectedFailuresAreOneLineInWordsWithExitFour() {
        assertThat(Failures.describe(new java.nio.file.AccessDeniedException("/out/results.csv")))
                .isEqualTo("permission denied: /out/results.csv");
        assertThat(Failures.describe(new OutOfMemoryError("Java heap space")))
                .startsWith("ran out of memory (the heap limit is ").doesNotContain("OutOfMemoryError");
        assertThat(Failures.describe(new IllegalStateException())).doesNotContain("IllegalStateException");
    }
}

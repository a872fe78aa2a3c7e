package io.icprules.spark;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.icprules.engine.RulesetSource;
import io.icprules.error.RulesetException;
import io.icprules.testing.TestFiles;
import io.icprules.testing.TinyRuleset;
import io.icprules.io.ExitCodes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Spark job end to end on small files: bad input, broken rulesets, CSV output, exit codes. */
class SparkScoreJobTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    @TempDir
    Path dir;

    private Path rules;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void ruleset() throws IOException {
        rules = TinyRuleset.write(dir);
        LocalSpark.session();
    }

    private Path write(String name, String content) throws IOException {
        return TestFiles.write(dir, name, content);
    }

    private int run(String... args) {
        return SparkScoreJob.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void badRowsBecomeErrorRowsAndNothingIsDropped() throws IOException {
        Path accounts = write("accounts.csv", """
                id,industry,employees,country,technologies
                good-1,Retail,200,US,
                bad-1,Retail,12a,US,
                bad-2,Retail,-4,US,
                bad-3,Retail,200,USA,
                ,Retail,200,US,
                good-2,Retail,300,US,
                event-bad,Retail,300,US,
                short-1,Retail,300
                =formula,"Retail",200,US,"Square;Toast"
                """);
        Path events = write("events.csv", """
                account_id,type,date,details
                event-bad,funding_round,2026-02-30,
                stranger,merger,2026-01-01,
                ,merger,2026-01-01,
                good-1,funding_round,2026-09-22,round=Series B
                """);
        Path result = dir.resolve("scores.csv");

        int code = run("--rules", rules.toString(), "--accounts", accounts.toString(), "--events", events.toString(),
                "--as-of", AS_OF.toString(), "--out", result.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.RECORD_ERRORS);
        List<Map<String, String>> rows = readCsvFolder(result);
        assertThat(rows).hasSize(9);
        Map<String, Map<String, String>> byId = new HashMap<>();
        for (Map<String, String> r : rows) {
            byId.put(r.get("account_id"), r);
        }
        assertThat(byId.get("good-1")).containsEntry("decision", "FIT").containsEntry("tier", "C")
                .containsEntry("ruleset", "t").containsEntry("as_of", "2026-11-01");
        assertThat(byId.get("good-1").get("ledger_text")).startsWith("Core vertical +30.0; Recent funding +");
        assertThat(byId.get("good-2")).containsEntry("decision", "FIT").containsEntry("ledger_text", "Core vertical +30.0");
        assertThat(byId.get("bad-1")).containsEntry("decision", "ERROR")
                .containsEntry("error", "accounts.csv: employees: '12a' is not a whole number");
        assertThat(byId.get("bad-2").get("error")).startsWith("accounts.csv: employees: ");
        assertThat(byId.get("bad-3").get("error")).startsWith("accounts.csv: country: ").contains("USA");
        assertThat(byId.get("")).containsEntry("decision", "ERROR")
                .containsEntry("error", "accounts.csv: id: is required and must not be blank");
        assertThat(byId.get("event-bad"))
                .containsEntry("error", "events.csv: date: '2026-02-30' is not a valid date");
        assertThat(byId.get("short-1").get("error"))
                .startsWith("accounts.csv: the row does not match the header").contains("short-1,Retail,300");
        // Text from the input is made safe for spreadsheets, as the icp command writes it.
        assertThat(byId).containsKey("'=formula");
        assertThat(byId.get("'=formula")).containsEntry("decision", "FIT");
        assertThat(out.toString())
                .contains("Scored 9 records from accounts.csv as of 2026-11-01 with ruleset t@1 (")
                .containsPattern("FIT\\s+3\\s+tiers: C 1, D 2")
                .containsPattern("ERROR\\s+6")
                .contains("account bad-1: accounts.csv: employees: '12a' is not a whole number")
                .contains("events.csv: 1 row for 1 account id not in the accounts file (stranger)")
                .contains("events.csv: 1 row has no account_id");
    }

    @Test
    void aRulesetThatDoesNotCompileStopsTheJobBeforeSparkReadsAnything() throws IOException {
        Path broken = TinyRuleset.write(dir.resolve("broken"),
                TinyRuleset.RULES.replace("employees >= 100", "employes >= 100"));
        Path result = dir.resolve("never.parquet");

        // The accounts do not even exist: had Spark started reading, the job would fail on them instead.
        int code = run("--rules", broken.toString(), "--accounts", dir.resolve("missing.csv").toString(),
                "--as-of", AS_OF.toString(), "--out", result.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.RULESET_ERROR);
        assertThat(err.toString()).contains("does not compile").containsPattern("rules\\.drl:\\d+:\\d+: error: .*employes");
        assertThat(result).doesNotExist();

        RulesetException e = catchThrowableOfType(RulesetException.class,
                () -> SparkScorer.of(RulesetSource.fromDirectory(broken), AS_OF));
        assertThat(e.diagnostics()).anySatisfy(d -> {
            assertThat(d.file()).isEqualTo("rules.drl");
            assertThat(d.line()).isPositive();
            assertThat(d.message()).contains("employes");
        });
    }

    @Test
    void unusableInputsStopTheJobWithUsageErrorsAndWriteNothing() throws IOException {
        Path accounts = write("accounts.csv", "id,employes,industry\na,10,Retail\n");
        Path result = dir.resolve("never.parquet");

        assertThat(run("--rules", rules.toString(), "--accounts", accounts.toString(), "--as-of", AS_OF.toString(),
                "--out", result.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("accounts: column 2 'employes' is not a known column")
                .contains("Accepted columns: id, name, domain, industry, employees");

        assertThat(run("--rules", rules.toString(), "--accounts", dir.resolve("nowhere.csv").toString(),
                "--as-of", AS_OF.toString(), "--out", result.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("cannot read the input").contains("nowhere.csv");

        assertThat(run("--rules", rules.toString(), "--accounts", dir.resolve("accounts.txt").toString(),
                "--as-of", AS_OF.toString(), "--out", result.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("cannot tell the format of");
        assertThat(result).doesNotExist();

        assertThat(run("--rules", rules.toString(), "--accounts", accounts.toString(), "--as-of", AS_OF.toString(),
                "--out", accounts.toString() + "/", "--overwrite")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--out would overwrite the input");
        assertThat(accounts).hasContent("id,employes,industry\na,10,Retail\n");
    }

    @Test
    void wronglyTypedColumnsAreRefusedBeforeAnyJob() {
        SparkSession spark = LocalSpark.session();
        Dataset<Row> accounts = spark.sql("SELECT 'a' AS id, timestamp'2026-01-01 10:00:00' AS `attr.seen`");
        Dataset<Row> events = spark.sql("SELECT 'a' AS account_id, 'merger' AS type, "
                + "timestamp'2026-01-01 10:00:00' AS date");
        SparkScorer scorer = SparkScorer.of(RulesetSource.fromDirectory(rules), AS_OF);

        assertThatThrownBy(() -> scorer.score(accounts, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("accounts: column 'attr.seen' is timestamp; it must be text, a number, a boolean or a date");
        assertThatThrownBy(() -> scorer.score(spark.sql("SELECT 'a' AS id"), events, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("events: column 'date' is timestamp; it must be a date or yyyy-MM-dd text");
    }

    @Test
    void anExistingOutputIsKeptUnlessOverwriteIsGiven() throws IOException {
        Path accounts = write("accounts.csv", "id,industry,employees\na,Retail,200\nb,Retail,20\n");
        Path result = dir.resolve("scores.parquet");
        String[] args = {"--rules", rules.toString(), "--accounts", accounts.toString(), "--as-of", AS_OF.toString(),
            "--out", result.toString()};

        assertThat(run(args)).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run(args)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("cannot write").contains("--overwrite");

        String[] again = Stream.concat(Stream.of(args), Stream.of("--overwrite")).toArray(String[]::new);
        assertThat(run(again)).as(err.toString()).isEqualTo(ExitCodes.OK);
        List<Row> rows = LocalSpark.session().read().parquet(result.toString()).orderBy("account_id").collectAsList();
        assertThat(rows).extracting(r -> r.<String>getAs("decision")).containsExactly("FIT", "EXCLUDED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"workforce-scheduling", "msp-manufacturing"})
    void exampleProfilesGetTheirDocumentedDecisionsOnSpark(String profile) throws IOException {
        Path data = Path.of("../icp-rules-examples/data", profile);
        Map<String, String> expected = new HashMap<>();
        List<String> lines = Files.readAllLines(data.resolve("expected.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            expected.put(cells[0], cells[1] + "," + cells[2] + "," + cells[3]);
        }
        SparkSession spark = LocalSpark.session();
        Dataset<Row> results = SparkScorer.of(RulesetSource.fromDirectory(Path.of("../icp-rules-examples/rulesets", profile)), AS_OF)
                .score(SparkInputs.read(spark, data.resolve("accounts.csv").toString(), SparkFormat.CSV, false),
                        SparkInputs.read(spark, data.resolve("events.csv").toString(), SparkFormat.CSV, false),
                        SparkInputs.read(spark, data.resolve("contacts.csv").toString(), SparkFormat.CSV, false));

        Map<String, String> actual = new HashMap<>();
        for (Row r : results.collectAsList()) {
            assertThat(r.<String>getAs("error")).isNull();
            actual.put(r.getAs("account_id"), r.<String>getAs("decision") + "," + r.<String>getAs("tier") + ","
                    + r.<java.math.BigDecimal>getAs("score").toPlainString());
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aCrmExportIsScoredThroughItsMapping() throws IOException {
        Path crm = Path.of("../icp-rules-examples/data/crm");
        Path result = dir.resolve("crm.csv");

        int code = run("--rules", "../icp-rules-examples/rulesets/workforce-scheduling",
                "--accounts", crm.resolve("hubspot-companies.csv").toString(),
                "--mapping", crm.resolve("hubspot-mapping.yaml").toString(),
                "--as-of", AS_OF.toString(), "--out", result.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        List<Map<String, String>> rows = readCsvFolder(result);
        assertThat(rows).hasSize(7).allSatisfy(r -> assertThat(r.get("error")).isEmpty());
        assertThat(rows).extracting(r -> r.get("account_id")).contains("18234501", "18234502");
        assertThat(rows).extracting(r -> r.get("decision")).contains("FIT");

        assertThat(run("--rules", "../icp-rules-examples/rulesets/workforce-scheduling",
                "--accounts", crm.resolve("salesforce-accounts.csv").toString(),
                "--mapping", crm.resolve("hubspot-mapping.yaml").toString(),
                "--as-of", AS_OF.toString(), "--out", dir.resolve("never.csv").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("icp-spark-score: accounts: ").contains("not in the mapping");
    }

    /** Reads every part file of a CSV output folder. */
    private static List<Map<String, String>> readCsvFolder(Path folder) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        List<Path> parts;
        try (Stream<Path> files = Files.list(folder)) {
            parts = files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(parts).isNotEmpty();
        CsvMapper mapper = new CsvMapper();
        for (Path part : parts) {
            try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(part.toFile())) {
                rows.addAll(it.readAll());
            }
        }
        return rows;
    }
}

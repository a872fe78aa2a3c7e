package io.icprules.spark;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.io.ExitCodes;
import io.icprules.io.synthetic.SyntheticAccounts;
import io.icprules.io.AccountReader;
import io.icprules.io.CsvResultWriter;
import io.icprules.io.RelatedFacts;
import io.icprules.io.ScoredRecord;
import io.icprules.io.score.RecordScorer;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tens of thousands of generated accounts scored on Spark ({@code local[2]}) give, account for
 * account, exactly the results of the in-process engine reading the same files: every account scored
 * once, with the same decision, tier, score and ledger.
 */
class SparkEquivalenceTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    static final int ACCOUNTS = 20_000;
    static final Path RULES = Path.of("../icp-rules-examples/rulesets/workforce-scheduling");

    @TempDir
    static Path dir;

    static Path data;
    /** The in-process results, by account id. */
    static Map<String, ScoredRecord> expected;

    @BeforeAll
    static void generateAndScoreInProcess() throws IOException {
        data = dir.resolve("data");
        SyntheticAccounts.writeCsv(data, ACCOUNTS, 42, SyntheticAccounts.DEFAULT_ANCHOR);
        expected = new HashMap<>();
        try (FitEngine engine = IcpRules.fromDirectory(RULES);
             AccountReader reader = AccountReader.open(data.resolve("accounts.csv"))) {
            RelatedFacts related = RelatedFacts.load(data.resolve("events.csv"), data.resolve("contacts.csv"));
            try (Stream<ScoredRecord> scored = RecordScorer.score(engine, reader.records().map(related::attach), AS_OF)) {
                scored.forEach(r -> assertThat(expected.put(r.accountId(), r)).as("duplicate id").isNull());
            }
        }
        assertThat(expected).hasSize(ACCOUNTS);
        // The comparison means something only if every kind of outcome occurs.
        assertThat(expected.values()).extracting(ScoredRecord::decision)
                .contains("FIT", "EXCLUDED", "DISQUALIFIED", "INSUFFICIENT_DATA");
        assertThat(expected.values()).filteredOn(r -> !r.isError())
                .anySatisfy(r -> assertThat(r.result().ledger()).anySatisfy(l -> assertThat(l.eventDate()).isPresent()));
    }

    @Test
    void theJobScoresEveryAccountOnceWithTheInProcessResults() {
        SparkSession spark = LocalSpark.session();
        Path out = dir.resolve("scores.parquet");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();

        int code = SparkScoreJob.run(new PrintWriter(stdout), new PrintWriter(stderr),
                "--rules", RULES.toString(),
                "--accounts", data.resolve("accounts.csv").toString(),
                "--events", data.resolve("events.csv").toString(),
                "--contacts", data.resolve("contacts.csv").toString(),
                "--as-of", AS_OF.toString(),
                "--out", out.toString(),
                "--partitions", "4");

        assertThat(code).as(stderr.toString()).isEqualTo(ExitCodes.OK);
        assertThat(stdout.toString())
                .contains("Scored 20,000 records from accounts.csv as of 2026-11-01 with ruleset workforce-scheduling@")
                .containsPattern("ERROR\\s+0")
                .contains("records/s) on local[2]");
        Dataset<Row> written = spark.read().parquet(out.toString());
        assertThat(written.columns()).containsExactlyElementsOf(SparkScorer.COLUMNS);
        assertSameResults(written.collectAsList(), expected);
    }

    @Test
    void typedParquetInputGivesTheSameResults() {
        SparkSession spark = LocalSpark.session();
        // Parquet columns are typed: numbers, booleans and dates, not text.
        Map<String, Dataset<Row>> typed = new HashMap<>();
        for (String name : List.of("accounts", "events", "contacts")) {
            Path parquet = dir.resolve(name + ".parquet");
            spark.read().option("header", "true").option("inferSchema", "true").option("escape", "\"")
                    .csv(data.resolve(name + ".csv").toString())
                    .write().parquet(parquet.toString());
            typed.put(name, SparkInputs.read(spark, parquet.toString(), SparkFormat.PARQUET, false));
        }
        Map<String, DataType> types = new HashMap<>();
        Arrays.stream(typed.get("accounts").schema().fields()).forEach(f -> types.put(f.name(), f.dataType()));
        assertThat(types).containsEntry("employees", DataTypes.IntegerType)
                .containsEntry("attr.hourly_share", DataTypes.DoubleType)
                .containsEntry("attr.has_it_director", DataTypes.BooleanType)
                .containsEntry("attr.last_activity", DataTypes.DateType);
        assertThat(typed.get("events").schema().apply("date").dataType()).isEqualTo(DataTypes.DateType);

        // A slice keeps the test short; events and contacts of other accounts are simply not claimed.
        String last = "acc-0005000";
        Dataset<Row> slice = typed.get("accounts").where(col("id").leq(last));
        SparkScorer scorer = SparkScorer.builder().ruleset(RulesetSource.fromDirectory(RULES)).asOf(AS_OF).partitions(3).build();
        Dataset<Row> results = scorer.score(slice, typed.get("events"), typed.get("contacts"));

        Map<String, ScoredRecord> sliceExpected = new HashMap<>(expected);
        sliceExpected.keySet().removeIf(id -> id.compareTo(last) > 0);
        assertThat(sliceExpected).hasSize(5000);
        assertSameResults(results.collectAsList(), sliceExpected);
    }

    static void assertSameResults(List<Row> rows, Map<String, ScoredRecord> want) {
        assertSameResults(rows, want, true);
    }

    /** @param allDecisions whether every decision must occur (a handful of CRM rows need not have them all) */
    static void assertSameResults(List<Row> rows, Map<String, ScoredRecord> want, boolean allDecisions) {
        assertThat(rows).hasSize(want.size());
        Map<String, Row> byId = new HashMap<>();
        for (Row r : rows) {
            assertThat(byId.put(r.getAs("account_id"), r)).as("scored twice: %s", (Object) r.getAs("account_id")).isNull();
        }
        assertThat(new TreeSet<>(byId.keySet())).isEqualTo(new TreeSet<>(want.keySet()));
        Set<String> decisions = new TreeSet<>();
        for (Map.Entry<String, ScoredRecord> e : want.entrySet()) {
            Row row = byId.get(e.getKey());
            ScoredRecord exp = e.getValue();
            assertThat(row.<String>getAs("decision")).as(e.getKey()).isEqualTo(exp.decision());
            assertThat(row.<String>getAs("error")).as(e.getKey()).isEqualTo(exp.error());
            decisions.add(exp.decision());
            if (exp.isError()) {
                continue;
            }
            FitResult r = exp.result();
            assertThat(row.<String>getAs("tier")).as(e.getKey()).isEqualTo(r.tier());
            assertThat(row.<BigDecimal>getAs("score")).as(e.getKey()).isEqualTo(r.score());
            assertThat(row.<String>getAs("ruleset")).isEqualTo(r.ruleset().name());
            assertThat(row.<String>getAs("ruleset_version")).isEqualTo(r.ruleset().version());
            assertThat(row.<String>getAs("ruleset_hash")).isEqualTo(r.ruleset().contentHash());
            assertThat(row.<java.sql.Date>getAs("as_of").toLocalDate()).isEqualTo(AS_OF);
            assertThat(ledger(row)).as(e.getKey()).isEqualTo(ledger(r.ledger()));
            assertThat(row.<String>getAs("ledger_text")).isEqualTo(CsvResultWriter.ledger(r.ledger()));
            assertThat(row.<String>getAs("unmet_hard_filters")).isEqualTo(CsvResultWriter.notes(r.unmetHardFilters()));
            assertThat(row.<String>getAs("disqualifiers")).isEqualTo(CsvResultWriter.notes(r.disqualifiers()));
            assertThat(row.<String>getAs("missing_fields")).isEqualTo(String.join("; ", r.missingFields()));
        }
        if (allDecisions) {
            assertThat(decisions).contains("FIT", "EXCLUDED", "DISQUALIFIED", "INSUFFICIENT_DATA");
        }
    }

    /** A ledger line as comparable text: every field, points with their scale. */
    private static List<String> ledger(Row row) {
        List<String> out = new ArrayList<>();
        for (Row l : row.<Row>getList(row.fieldIndex("ledger"))) {
            java.sql.Date date = l.getAs("event_date");
            out.add(String.join("|", l.<String>getAs("rule"), l.<String>getAs("kind"),
                    l.<BigDecimal>getAs("points").toPlainString(), l.<BigDecimal>getAs("declared_points").toPlainString(),
                    l.<String>getAs("reason"), String.valueOf(l.<String>getAs("group")),
                    String.valueOf(l.<String>getAs("event_type")), String.valueOf(date == null ? null : date.toLocalDate())));
        }
        return out;
    }

    private static List<String> ledger(List<LedgerLine> lines) {
        return lines.stream().map(l -> String.join("|", l.rule(), l.kind().name(), l.points().toPlainString(),
                l.declaredPoints().toPlainString(), l.reason(), String.valueOf(l.group().orElse(null)),
                String.valueOf(l.eventType().orElse(null)), String.valueOf(l.eventDate().orElse(null)))).toList();
    }
}

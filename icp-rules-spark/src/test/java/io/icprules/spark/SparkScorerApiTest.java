package io.icprules.spark;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.io.AccountReader;
import io.icprules.io.ColumnMapping;
import io.icprules.io.RelatedFacts;
import io.icprules.io.ScoredRecord;
import io.icprules.io.score.RecordScorer;
import io.icprules.io.synthetic.SyntheticAccounts;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Dataset API in {@code local[2]}: a CRM export through its column mapping, events and contacts
 * nested in the accounts, the accounts' own columns kept, and the mistakes reported before any job.
 */
class SparkScorerApiTest {

    static final Path RULES = SparkEquivalenceTest.RULES;
    static final Path CRM = Path.of("../icp-rules-examples/data/crm");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"hubspot-companies.csv:hubspot-mapping.yaml:workforce-scheduling",
        "salesforce-accounts.csv:salesforce-mapping.yaml:msp-manufacturing"})
    void aCrmExportIsScoredThroughItsMappingAsIcpScoreScoresIt(String files) throws IOException {
        Path accounts = CRM.resolve(files.split(":")[0]);
        Path mapping = CRM.resolve(files.split(":")[1]);
        Path rules = Path.of("../icp-rules-examples/rulesets", files.split(":")[2]);
        Map<String, ScoredRecord> expected = new HashMap<>();
        try (FitEngine engine = IcpRules.fromDirectory(rules);
             AccountReader reader = AccountReader.open(accounts, ColumnMapping.load(mapping));
             Stream<ScoredRecord> scored = RecordScorer.score(engine, reader.records(), SparkEquivalenceTest.AS_OF)) {
            scored.forEach(r -> expected.put(r.accountId(), r));
        }
        assertThat(expected.values()).extracting(ScoredRecord::decision).contains("FIT");

        SparkSession spark = LocalSpark.session();
        Dataset<Row> crm = SparkInputs.read(spark, accounts.toString(), SparkFormat.CSV, false);
        SparkScorer scorer = SparkScorer.builder().rulesetDirectory(rules.toString()).asOf("2026-11-01")
                .mapping(mapping.toString()).build();
        Dataset<Row> scored = scorer.score(crm);

        List<String> header = List.of(Files.readAllLines(accounts).get(0).split(","));
        List<String> columns = new ArrayList<>(header);
        columns.addAll(SparkScorer.COLUMNS);
        assertThat(scored.columns()).containsExactlyElementsOf(columns);
        List<Row> rows = scored.collectAsList();
        SparkEquivalenceTest.assertSameResults(rows, expected, false);
        // The export's own cells travel with the results, as they were.
        String idColumn = header.get(0);
        assertThat(rows).allSatisfy(r -> assertThat(r.<String>getAs(idColumn).strip()).isEqualTo(r.getAs("account_id")));
    }

    @Test
    void eventsAndContactsNestedInTheAccountsGiveTheInProcessResults() throws IOException {
        Path data = dir.resolve("data");
        SyntheticAccounts.writeCsv(data, 3000, 7, SyntheticAccounts.DEFAULT_ANCHOR);
        Map<String, ScoredRecord> expected = new HashMap<>();
        try (FitEngine engine = IcpRules.fromDirectory(RULES);
             AccountReader reader = AccountReader.open(data.resolve("accounts.csv"))) {
            RelatedFacts related = RelatedFacts.load(data.resolve("events.csv"), data.resolve("contacts.csv"));
            try (Stream<ScoredRecord> scored = RecordScorer.score(engine, reader.records().map(related::attach),
                    SparkEquivalenceTest.AS_OF)) {
                scored.forEach(r -> expected.put(r.accountId(), r));
            }
        }

        SparkSession spark = LocalSpark.session();
        Dataset<Row> accounts = spark.read().option("header", "true").option("escape", "\"")
                .csv(data.resolve("accounts.csv").toString());
        Dataset<Row> events = nested(spark, data.resolve("events.csv"), "events", "type", "date", "details");
        Dataset<Row> contacts = nested(spark, data.resolve("contacts.csv"), "contacts", "name", "title", "role",
                "seniority", "department");
        Dataset<Row> withRelated = accounts
                .join(events, accounts.col("id").equalTo(events.col("events_id")), "left").drop("events_id")
                .join(contacts, accounts.col("id").equalTo(contacts.col("contacts_id")), "left").drop("contacts_id");
        assertThat(withRelated.schema().apply("events").dataType().simpleString())
                .isEqualTo("array<struct<type:string,date:string,details:string>>");

        Dataset<Row> scored = SparkScorer.builder().rulesetDirectory(RULES.toString()).asOf(SparkEquivalenceTest.AS_OF)
                .partitions(3).build().score(withRelated);

        assertThat(scored.columns()).startsWith(accounts.columns());
        assertThat(scored.columns()).contains("events", "contacts");
        SparkEquivalenceTest.assertSameResults(scored.collectAsList(), expected, true);
    }

    /** Related rows as an array of structs per account, in file order. */
    private static Dataset<Row> nested(SparkSession spark, Path file, String name, String... fields) {
        String struct = String.join(", ", fields);
        String named = String.join(", ", Stream.of(fields).map(f -> "'" + f + "', x." + f).toList());
        return spark.read().option("header", "true").option("escape", "\"").csv(file.toString())
                .withColumn("o", monotonically_increasing_id())
                .groupBy(col("account_id").as(name + "_id"))
                .agg(expr("transform(array_sort(collect_list(struct(o, " + struct + "))), x -> named_struct(" + named
                        + "))").as(name));
    }

    @Test
    void mistakesAreReportedBeforeAnyJobRuns() throws IOException {
        SparkSession spark = LocalSpark.session();
        SparkScorer scorer = SparkScorer.builder().rulesetDirectory(RULES.toString()).asOf("2026-11-01").build();
        Dataset<Row> accounts = spark.range(3).select(col("id").cast("string").as("id"), lit("Acme").as("name"));

        assertThatThrownBy(() -> scorer.score(accounts.withColumn("Score", lit(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Score'").hasMessageContaining("is not a known column");
        Dataset<Row> nested = accounts.withColumn("events", expr("array(named_struct('type', 'funding_round', "
                + "'date', '2026-10-01'))"));
        Dataset<Row> events = spark.range(1).select(lit("0").as("account_id"), lit("funding_round").as("type"),
                lit("2026-10-01").as("date"));
        assertThatThrownBy(() -> scorer.score(nested, events, null))
                .hasMessage("accounts: events are given both as a nested 'events' column and as a Dataset; give one of them");
        assertThat(scorer.score(nested).collectAsList()).hasSize(3)
                .allSatisfy(r -> assertThat(r.<String>getAs("error")).isNull());

        Path mapping = dir.resolve("mapping.yaml");
        Files.writeString(mapping, "columns:\n  Record ID: id\n  Company: name\n");
        SparkScorer mapped = SparkScorer.builder().rulesetDirectory(RULES.toString()).asOf("2026-11-01")
                .mapping(mapping.toString()).build();
        assertThatThrownBy(() -> mapped.score(accounts.withColumnRenamed("id", "Record ID")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 'name' is not in the mapping");
        Files.writeString(mapping, "columns:\n  Record ID: idd\n");
        assertThatThrownBy(() -> SparkScorer.builder().mapping(mapping.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mapping.yaml");
    }
}

package io.icprules.spark;

import io.icprules.engine.EngineCache;
import io.icprules.engine.EngineSettings;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.error.RulesetException;
import io.icprules.result.RulesetInfo;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.struct;

/**
 * Scores Datasets of accounts on Spark with a ruleset, with exactly the results of the in-process
 * engine for the same rows and evaluation date.
 *
 * <pre>{@code
 * SparkScorer scorer = SparkScorer.of(RulesetSource.fromDirectory(rules), LocalDate.of(2026, 11, 1));
 * Dataset<Row> results = scorer.score(accounts, events, contacts);   // events, contacts may be null
 * results.write().parquet("scores.parquet");
 * }</pre>
 *
 * <p>{@link #of} compiles the ruleset on the driver, so a ruleset that does not compile fails with
 * its diagnostics before any job starts. {@link #score} checks the input columns on the driver
 * (the rules of the {@code icp score} command: {@code id}, {@code name}, ..., {@code attr.<name>};
 * {@code account_id, type, date, details}; {@code account_id, name, title, role, seniority,
 * department}), joins each account with its events and contacts by account id, and scores inside
 * {@code mapPartitions}: each task takes the engine from its JVM's {@link EngineCache} and evaluates
 * the partition's accounts one at a time. Every account row gives exactly one result row; a row that
 * cannot be read or evaluated gives an error row (decision {@code ERROR}) that says why.
 *
 * <p>Result columns ({@link #COLUMNS}): {@code account_id, decision, tier, score decimal(4,1), ruleset,
 * ruleset_version, ruleset_hash, as_of date, ledger array<struct<rule, kind, points, declared_points,
 * reason, group, event_type, event_date>>, ledger_text, unmet_hard_filters, disqualifiers,
 * missing_fields, error}.
 */
public final class SparkScorer {

    /** The result columns, in order. */
    public static final List<String> COLUMNS = List.of("account_id", "decision", "tier", "score", "ruleset",
            "ruleset_version", "ruleset_hash", "as_of", "ledger", "ledger_text", "unmet_hard_filters",
            "disqualifiers", "missing_fields", "error");

    private static final String KEY = "__icp_key";
    private static final String EVENTS = "__icp_events";
    private static final String CONTACTS = "__icp_contacts";
    /** Sorts an aggregated array by the ordinal its structs start with, restoring file order. */
    private static final String IN_FILE_ORDER =
            "array_sort(%s, (l, r) -> CASE WHEN l.ordinal < r.ordinal THEN -1 WHEN l.ordinal > r.ordinal THEN 1 ELSE 0 END)";

    private final RulesetSource ruleset;
    private final LocalDate asOf;
    private final int maxFiringsPerAccount;
    private final int partitions;
    private final FitEngine engine;

    private SparkScorer(RulesetSource ruleset, LocalDate asOf, int maxFiringsPerAccount, int partitions,
                        FitEngine engine) {
        this.ruleset = ruleset;
        this.asOf = asOf;
        this.maxFiringsPerAccount = maxFiringsPerAccount;
        this.partitions = partitions;
        this.engine = engine;
    }

    /**
     * Compiles a ruleset on the driver, with the default firing limit.
     *
     * @param ruleset the ruleset, never null; this text is what the tasks receive
     * @param asOf    the evaluation date, never null
     * @return the scorer
     * @throws RulesetException with every diagnostic when the ruleset does not compile
     */
    public static SparkScorer of(RulesetSource ruleset, LocalDate asOf) {
        return of(ruleset, asOf, EngineSettings.DEFAULT_MAX_FIRINGS);
    }

    /**
     * Compiles a ruleset on the driver.
     *
     * @param ruleset              the ruleset, never null; this text is what the tasks receive
     * @param asOf                 the evaluation date, never null
     * @param maxFiringsPerAccount the firing limit per account, at least 1
     * @return the scorer
     * @throws RulesetException         with every diagnostic when the ruleset does not compile
     * @throws IllegalArgumentException when the limit is below 1
     */
    public static SparkScorer of(RulesetSource ruleset, LocalDate asOf, int maxFiringsPerAccount) {
        Objects.requireNonNull(ruleset, "ruleset");
        Objects.requireNonNull(asOf, "asOf");
        FitEngine engine = EngineCache.shared().get(ruleset,
                IcpRules.builder().maxFiringsPerAccount(maxFiringsPerAccount).settings());
        return new SparkScorer(ruleset, asOf, maxFiringsPerAccount, 0, engine);
    }

    /**
     * Spreads the joined accounts over a number of partitions before scoring (one more shuffle), for
     * when the input's own partitioning leaves cores idle.
     *
     * @param count partitions, at least 1; 0 keeps Spark's partitioning
     * @return a scorer that repartitions
     * @throws IllegalArgumentException when negative
     */
    public SparkScorer withPartitions(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("partitions must be 0 or more, was " + count);
        }
        return new SparkScorer(ruleset, asOf, maxFiringsPerAccount, count, engine);
    }

    /** @return the ruleset's name, version and content hash */
    public RulesetInfo ruleset() {
        return engine.ruleset();
    }

    /** @return the ruleset's compile warnings, never null */
    public List<Diagnostic> warnings() {
        return engine.warnings();
    }

    /** @return the evaluation date */
    public LocalDate asOf() {
        return asOf;
    }

    /**
     * Builds the scoring of accounts; nothing runs until the result is written or collected.
     *
     * @param accounts the accounts, one per row, never null
     * @param events   the events, or null for none
     * @param contacts the contacts, or null for none
     * @return one row per account row, with the columns of {@link #COLUMNS}
     * @throws IllegalArgumentException naming every unknown, repeated, missing or wrongly typed
     *                                  column, checked before any job starts
     */
    public Dataset<Row> score(Dataset<Row> accounts, Dataset<Row> events, Dataset<Row> contacts) {
        Objects.requireNonNull(accounts, "accounts");
        InputColumns a = InputColumns.accounts(accounts.schema());
        InputColumns e = events == null ? null : InputColumns.events(events.schema());
        InputColumns c = contacts == null ? null : InputColumns.contacts(contacts.schema());

        List<Column> cells = new ArrayList<>();
        List<String> fields = a.fields();
        for (int i = 0; i < fields.size(); i++) {
            cells.add(a.column(fields.get(i)).as("f" + i));
        }
        Dataset<Row> joined = accounts.select(a.key("id").as(KEY), struct(cells.toArray(Column[]::new)).as("account"),
                a.sourceFile().as("file"), a.corruptRecord().as("corrupt"));
        joined = attach(joined, events, e, JoinedRowDecoder.EVENT_FIELDS, EVENTS);
        joined = attach(joined, contacts, c, JoinedRowDecoder.CONTACT_FIELDS, CONTACTS);
        joined = joined.select(col("account"), col("file"), col("corrupt"), col(EVENTS), col(CONTACTS));
        if (partitions > 0) {
            joined = joined.repartition(partitions);
        }

        ScorePartition task = new ScorePartition(ruleset, asOf, maxFiringsPerAccount, new JoinedRowDecoder(fields));
        Dataset<ScoredAccount> scored = joined.mapPartitions(task, Encoders.bean(ScoredAccount.class));
        return scored.select(
                col("accountId").as("account_id"),
                col("decision"),
                col("tier"),
                col("score").cast(DataTypes.createDecimalType(4, 1)).as("score"),
                col("ruleset"),
                col("rulesetVersion").as("ruleset_version"),
                col("rulesetHash").as("ruleset_hash"),
                col("asOf").as("as_of"),
                expr("transform(ledger, l -> named_struct('rule', l.rule, 'kind', l.kind, "
                        + "'points', cast(l.points AS decimal(7,1)), "
                        + "'declared_points', cast(l.declaredPoints AS decimal(7,1)), 'reason', l.reason, "
                        + "'group', l.group, 'event_type', l.eventType, 'event_date', l.eventDate))").as("ledger"),
                col("ledgerText").as("ledger_text"),
                col("unmetHardFilters").as("unmet_hard_filters"),
                col("disqualifiers"),
                col("missingFields").as("missing_fields"),
                col("error"));
    }

    /**
     * Adds one array column of an account's related rows, in file order, by account id; rows whose
     * account id is blank are left out here and counted by {@link UnmatchedRows}.
     */
    private static Dataset<Row> attach(Dataset<Row> accounts, Dataset<Row> related, InputColumns columns,
                                       List<String> fields, String name) {
        if (related == null) {
            return accounts.withColumn(name, lit(null).cast("array<string>"));
        }
        List<Column> cells = new ArrayList<>();
        cells.add(monotonically_increasing_id().as("ordinal"));
        for (String f : fields) {
            cells.add(columns.column(f).as(f));
        }
        cells.add(columns.sourceFile().as("file"));
        cells.add(columns.corruptRecord().as("corrupt"));
        String key = name + "_key";
        Dataset<Row> grouped = related
                .select(columns.key("account_id").as(key), struct(cells.toArray(Column[]::new)).as("row"))
                .where(col(key).isNotNull())
                .groupBy(col(key))
                .agg(collect_list(col("row")).as(name))
                .select(col(key), expr(String.format(IN_FILE_ORDER, name)).as(name));
        return accounts.join(grouped, accounts.col(KEY).equalTo(grouped.col(key)), "left").drop(key);
    }
}

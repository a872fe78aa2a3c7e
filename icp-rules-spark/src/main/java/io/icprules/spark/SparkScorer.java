package io.icprules.spark;

import io.icprules.engine.EngineCache;
import io.icprules.engine.EngineSettings;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.error.RulesetException;
import io.icprules.io.ColumnMapping;
import io.icprules.io.InputFileException;
import io.icprules.io.MappedHeader;
import io.icprules.result.RulesetInfo;
import io.icprules.spark.internal.AccountDecoder;
import io.icprules.spark.internal.InputColumns;
import io.icprules.spark.internal.ResultRows;
import io.icprules.spark.internal.ScorePartition;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * Scores Datasets of accounts on Spark with a ruleset: the Dataset API of icp-rules, with exactly the
 * results of the in-process engine (and of {@code icp score}) for the same rows and evaluation date.
 *
 * <pre>{@code
 * SparkScorer scorer = SparkScorer.builder()
 *         .ruleset(RulesetSource.fromDirectory(Path.of("rules/retail")))
 *         .asOf(LocalDate.of(2026, 11, 1))
 *         .build();
 * Dataset<Row> scored = scorer.score(accounts, events, contacts);   // events, contacts may be null
 * scored.write().parquet("scores.parquet");
 * }</pre>
 *
 * <p>Accounts come in one of three shapes: with the columns of {@code icp score} ({@code id},
 * {@code name}, ..., {@code attr.<name>}: names match ignoring case and spaces); with any columns, read
 * through a column mapping ({@link Builder#mapping(String)}, as {@code icp score --mapping}); and either
 * way with an account's events and contacts given as separate Datasets ({@code account_id, type, date,
 * details} and {@code account_id, name, title, role, seniority, department}), joined by account id in
 * their order, or as array-of-struct columns {@code events} and {@code contacts} of the accounts
 * (struct fields named like those columns, without {@code account_id}).
 *
 * <p>{@link Builder#build()} compiles the ruleset on the driver, so a ruleset that does not compile
 * fails with its diagnostics before any job starts, and {@link #score} checks the columns on the
 * driver. Scoring runs inside {@code mapPartitions}: each task takes the engine from its JVM's
 * {@link EngineCache} (each executor compiles the ruleset once) and evaluates its accounts one at a
 * time; separate events and contacts are grouped with their account by one shuffle sorted by a
 * hash of the account id, never held for more than one account (or the few whose ids share a hash)
 * at a time. Every account row gives exactly one
 * result row; a row that cannot be read or evaluated gives an error row (decision {@code ERROR}) that
 * says why.
 *
 * <p>The result has the accounts' own columns (unless {@link Builder#keepAccountColumns(boolean)} is
 * false), then {@link #COLUMNS}: {@code account_id, decision, tier, score decimal(4,1), ruleset,
 * ruleset_version, ruleset_hash, as_of date, ledger array<struct<rule, kind, points decimal(7,1),
 * declared_points decimal(7,1), reason, group, event_type, event_date date>>, ledger_text,
 * unmet_hard_filters, disqualifiers, missing_fields, error}. Only the ruleset's text, and a mapping's,
 * travel to the executors. From Scala, use it as it is; from PySpark, see docs/spark.md.
 */
public final class SparkScorer {

    /** The result columns, in order. */
    public static final List<String> COLUMNS = List.of("account_id", "decision", "tier", "score", "ruleset",
            "ruleset_version", "ruleset_hash", "as_of", "ledger", "ledger_text", "unmet_hard_filters",
            "disqualifiers", "missing_fields", "error");

    private final RulesetSource ruleset;
    private final LocalDate asOf;
    private final int maxFiringsPerAccount;
    private final int partitions;
    private final boolean keepAccountColumns;
    private final String mappingText;
    private final String mappingFile;
    private final ColumnMapping mapping;
    private final FitEngine engine;

    private SparkScorer(Builder b, FitEngine engine, ColumnMapping mapping) {
        this.ruleset = b.ruleset;
        this.asOf = b.asOf;
        this.maxFiringsPerAccount = b.maxFiringsPerAccount;
        this.partitions = b.partitions;
        this.keepAccountColumns = b.keepAccountColumns;
        this.mappingText = b.mappingText;
        this.mappingFile = b.mappingFile;
        this.mapping = mapping;
        this.engine = engine;
    }

    /** @return a builder; a ruleset and an evaluation date are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Compiles a ruleset on the driver, with the default firing limit; results keep the accounts' columns.
     *
     * @param ruleset the ruleset, never null; this text is what the tasks receive
     * @param asOf    the evaluation date, never null
     * @return the scorer
     * @throws RulesetException with every diagnostic when the ruleset does not compile
     */
    public static SparkScorer of(RulesetSource ruleset, LocalDate asOf) {
        return builder().ruleset(ruleset).asOf(asOf).build();
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
     * Scores accounts alone, or with their events and contacts in nested {@code events} and
     * {@code contacts} columns; nothing runs until the result is written or collected.
     *
     * @param accounts the accounts, one per row, never null
     * @return one row per account row (see the class comment for the columns)
     * @throws IllegalArgumentException naming every unknown, repeated, missing or wrongly typed column
     */
    public Dataset<Row> score(Dataset<Row> accounts) {
        return score(accounts, null, null);
    }

    /**
     * Scores accounts with their events and contacts; nothing runs until the result is written or collected.
     *
     * @param accounts the accounts, one per row, never null
     * @param events   the events, or null for none (or for events nested in the accounts)
     * @param contacts the contacts, or null for none (or for contacts nested in the accounts)
     * @return one row per account row (see the class comment for the columns)
     * @throws IllegalArgumentException naming every unknown, repeated, missing or wrongly typed
     *                                  column, checked before any job starts
     */
    public Dataset<Row> score(Dataset<Row> accounts, Dataset<Row> events, Dataset<Row> contacts) {
        Objects.requireNonNull(accounts, "accounts");
        StructType schema = accounts.schema();
        AccountDecoder decoder;
        Column key;
        if (mapping == null) {
            InputColumns a = InputColumns.accounts(schema);
            decoder = AccountDecoder.plain(schema, a);
            key = a.key("id");
        } else {
            List<String> header = InputColumns.header(schema);
            MappedHeader checked;
            try {
                checked = MappedHeader.of(mapping, header);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("accounts: " + e.getMessage(), e);
            }
            decoder = AccountDecoder.mapped(schema, mappingText, mappingFile, header);
            key = idKey(header, checked);
        }
        if (events != null && InputColumns.nested(schema, InputColumns.NESTED_EVENTS) >= 0) {
            throw new IllegalArgumentException("accounts: events are given both as a nested 'events' column and as a "
                    + "Dataset; give one of them");
        }
        if (contacts != null && InputColumns.nested(schema, InputColumns.NESTED_CONTACTS) >= 0) {
            throw new IllegalArgumentException("accounts: contacts are given both as a nested 'contacts' column and as "
                    + "a Dataset; give one of them");
        }
        InputColumns e = events == null ? null : InputColumns.events(events.schema());
        InputColumns c = contacts == null ? null : InputColumns.contacts(contacts.schema());
        int[] keep = keepAccountColumns ? kept(schema) : new int[0];

        boolean grouped = events != null || contacts != null;
        Dataset<Row> input;
        if (grouped) {
            input = grouped(accounts, key, events, e, contacts, c);
        } else {
            input = partitions > 0 ? accounts.repartition(partitions) : accounts;
        }
        boolean localDates = Boolean.parseBoolean(
                accounts.sparkSession().conf().get("spark.sql.datetime.java8API.enabled", "false"));
        ScorePartition task = new ScorePartition(ruleset, asOf, maxFiringsPerAccount, decoder, grouped, keep, localDates);
        Dataset<Row> scored = input.mapPartitions(task, Encoders.row(ResultRows.schema(schema, keep)));

        // The stamp is the same on every scored row: added here rather than encoded per row.
        RulesetInfo info = engine.ruleset();
        Column ok = col("error").isNull();
        List<Column> out = new ArrayList<>();
        for (int i : keep) {
            out.add(InputColumns.quoted(schema.fields()[i].name()));
        }
        for (String name : COLUMNS) {
            out.add(switch (name) {
                case "ruleset" -> when(ok, lit(info.name())).as(name);
                case "ruleset_version" -> when(ok, lit(info.version())).as(name);
                case "ruleset_hash" -> when(ok, lit(info.contentHash())).as(name);
                case "as_of" -> when(ok, lit(asOf)).as(name);
                default -> col(name);
            });
        }
        return scored.select(out.toArray(Column[]::new));
    }

    /**
     * @param accounts an accounts Dataset's schema
     * @return the column events and contacts are matched on: the account id as text, stripped, null when blank
     * @throws IllegalArgumentException when the columns are unusable
     */
    Column accountKey(StructType accounts) {
        if (mapping == null) {
            return InputColumns.accounts(accounts).key("id");
        }
        List<String> header = InputColumns.header(accounts);
        return idKey(header, MappedHeader.of(mapping, header));
    }

    /**
     * One Dataset of accounts, events and contacts (a struct each), shuffled by account key and sorted
     * so that each key's events, then contacts, then account rows come together.
     */
    private Dataset<Row> grouped(Dataset<Row> accounts, Column key, Dataset<Row> events, InputColumns e,
                                 Dataset<Row> contacts, InputColumns c) {
        List<Column> all = new ArrayList<>();
        for (StructField f : accounts.schema().fields()) {
            all.add(InputColumns.quoted(f.name()).as(f.name()));
        }
        Column account = struct(all.toArray(Column[]::new));
        Column event = e == null ? null : related(e, AccountDecoder.EVENT_FIELDS);
        Column contact = c == null ? null : related(c, AccountDecoder.CONTACT_FIELDS);
        DataType eventType = event == null ? null : events.select(event).schema().fields()[0].dataType();
        DataType contactType = contact == null ? null : contacts.select(contact).schema().fields()[0].dataType();
        DataType accountType = accounts.select(account).schema().fields()[0].dataType();

        Dataset<Row> rows = accounts.select(key.as("k"), lit(ScorePartition.ACCOUNT).as("t"), lit(0L).as("o"),
                account.as("a"), none(eventType).as("e"), none(contactType).as("c"));
        if (events != null) {
            rows = rows.union(events.select(e.key("account_id").as("k"), lit(ScorePartition.EVENT).as("t"),
                    monotonically_increasing_id().as("o"), lit(null).cast(accountType).as("a"), event.as("e"),
                    none(contactType).as("c")).where(col("k").isNotNull()));
        }
        if (contacts != null) {
            rows = rows.union(contacts.select(c.key("account_id").as("k"), lit(ScorePartition.CONTACT).as("t"),
                    monotonically_increasing_id().as("o"), lit(null).cast(accountType).as("a"), none(eventType).as("e"),
                    contact.as("c")).where(col("k").isNotNull()));
        }
        // One long sorts the rows: the key's hash with the kind in its two lowest bits, so that a key's
        // events, then contacts, then account rows follow each other. The sorter then orders rows by
        // this 8-byte value alone (a radix sort that never reads the rows) instead of comparing ids,
        // which often share a long prefix ("acc-0000..."). Keys whose hashes agree but for those bits
        // end up interleaved; ScorePartition tells them apart by the key and restores file order.
        rows = rows.withColumn("h", xxhash64(col("k")).bitwiseAND(lit(~(long) ScorePartition.KIND_MASK))
                .bitwiseOR(col("t").cast("long")));
        Dataset<Row> shuffled = partitions > 0 ? rows.repartition(partitions, col("k")) : rows.repartition(col("k"));
        return shuffled.sortWithinPartitions(col("h"));
    }

    /** A struct of an event or contact row: its fields, its file name and its raw text when misaligned. */
    private static Column related(InputColumns columns, List<String> fields) {
        List<Column> cells = new ArrayList<>();
        for (String f : fields) {
            cells.add(columns.column(f).as(f));
        }
        cells.add(columns.sourceFile().as("file"));
        cells.add(columns.corruptRecord().as("corrupt"));
        return struct(cells.toArray(Column[]::new));
    }

    private static Column none(DataType type) {
        return type == null ? lit(null).cast("string") : lit(null).cast(type);
    }

    /** The join key of a mapped id column: its text stripped, null when blank, as for plain accounts. */
    private Column idKey(List<String> header, MappedHeader checked) {
        String idHeader = null;
        for (Map.Entry<String, String> t : mapping.targets().entrySet()) {
            if (t.getValue().equals("id")) {
                idHeader = t.getKey().toLowerCase(Locale.ROOT);
            }
        }
        return InputColumns.key(InputColumns.quoted(header.get(checked.positions().get(idHeader))));
    }

    /** Positions of the accounts' own columns: all but the file name and raw-row columns. */
    private static int[] kept(StructType schema) {
        List<Integer> keep = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i].name();
            if (InputColumns.internal(name)) {
                continue;
            }
            if (COLUMNS.stream().anyMatch(r -> r.equalsIgnoreCase(name.strip()))) {
                problems.add("'" + name + "'");
            }
            keep.add(i);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("accounts: " + (problems.size() == 1 ? "column " : "columns ")
                    + String.join(", ", problems) + (problems.size() == 1 ? " has" : " have")
                    + " the name of a result column; rename it, or score with keepAccountColumns(false)");
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Settings of a {@link SparkScorer}. Every setter takes plain Java types, so that Scala and
     * PySpark (through py4j) can call it as well as Java.
     */
    public static final class Builder {
        private RulesetSource ruleset;
        private LocalDate asOf;
        private int maxFiringsPerAccount = EngineSettings.DEFAULT_MAX_FIRINGS;
        private int partitions;
        private boolean keepAccountColumns = true;
        private String mappingText;
        private String mappingFile;

        private Builder() {
        }

        /**
         * @param ruleset the ruleset, never null; its text is what the tasks receive
         * @return this builder
         */
        public Builder ruleset(RulesetSource ruleset) {
            this.ruleset = Objects.requireNonNull(ruleset, "ruleset");
            return this;
        }

        /**
         * @param directory a ruleset folder ({@code ruleset.properties} and {@code .drl} files) the driver can read
         * @return this builder
         * @throws UncheckedIOException when the folder cannot be read
         */
        public Builder rulesetDirectory(String directory) {
            return ruleset(RulesetSource.fromDirectory(Path.of(directory)));
        }

        /**
         * @param asOf the evaluation date, never null: event ages are counted up to it
         * @return this builder
         */
        public Builder asOf(LocalDate asOf) {
            this.asOf = Objects.requireNonNull(asOf, "asOf");
            return this;
        }

        /**
         * @param asOf the evaluation date as {@code yyyy-MM-dd}
         * @return this builder
         * @throws java.time.format.DateTimeParseException when it is not such a date
         */
        public Builder asOf(String asOf) {
            return asOf(LocalDate.parse(asOf));
        }

        /**
         * Reads the accounts through a column mapping, as {@code icp score --mapping} does (see
         * docs/mapping.md). The driver reads the file; its text travels to the executors.
         *
         * @param file the mapping file (YAML) the driver can read
         * @return this builder
         * @throws IllegalArgumentException when the file cannot be read or has mistakes, each with its line
         */
        public Builder mapping(String file) {
            Path path = Path.of(file);
            String text;
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
                ColumnMapping.parse(text, path);
            } catch (InputFileException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the mapping " + file + ": " + e.getMessage(), e);
            }
            this.mappingText = text;
            this.mappingFile = file;
            return this;
        }

        /**
         * @param maxFiringsPerAccount the rule firings allowed per account, at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxFiringsPerAccount(int maxFiringsPerAccount) {
            if (maxFiringsPerAccount < 1) {
                throw new IllegalArgumentException("maxFiringsPerAccount must be at least 1, was " + maxFiringsPerAccount);
            }
            this.maxFiringsPerAccount = maxFiringsPerAccount;
            return this;
        }

        /**
         * Spreads the accounts over a number of partitions for scoring, for when the input's own
         * partitioning leaves cores idle. With separate events and contacts this is the number of
         * partitions of the grouping shuffle (no extra shuffle); otherwise one more shuffle.
         *
         * @param count partitions, at least 1; 0 (the default) keeps Spark's partitioning
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder partitions(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("partitions must be 0 or more, was " + count);
            }
            this.partitions = count;
            return this;
        }

        /**
         * @param keep whether the result keeps the accounts' own columns before the result columns
         *             (the default); false gives {@link #COLUMNS} only
         * @return this builder
         */
        public Builder keepAccountColumns(boolean keep) {
            this.keepAccountColumns = keep;
            return this;
        }

        /**
         * Compiles the ruleset on the driver (once per JVM, shared through {@link EngineCache}).
         *
         * @return the scorer
         * @throws IllegalStateException when the ruleset or the evaluation date is missing
         * @throws RulesetException      with every diagnostic when the ruleset does not compile
         */
        public SparkScorer build() {
            if (ruleset == null || asOf == null) {
                throw new IllegalStateException("a ruleset and an evaluation date (asOf) are required");
            }
            FitEngine engine = EngineCache.shared().get(ruleset,
                    IcpRules.builder().maxFiringsPerAccount(maxFiringsPerAccount).settings());
            ColumnMapping mapping = null;
            if (mappingText != null) {
                try {
                    mapping = ColumnMapping.parse(mappingText, Path.of(mappingFile));
                } catch (InputFileException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }
            return new SparkScorer(this, engine, mapping);
        }
    }
}

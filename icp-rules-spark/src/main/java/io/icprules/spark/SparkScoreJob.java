package io.icprules.spark;

import io.icprules.engine.EngineSettings;
import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.error.RulesetException;
import io.icprules.io.ExitCodes;
import io.icprules.io.OrphanRows;
import io.icprules.io.score.ScoreSummary;
import io.icprules.result.Decision;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.col;

/**
 * The Spark job: scores an accounts file (CSV or Parquet, with optional events and contacts files)
 * with a ruleset folder and writes one result row per account row as Parquet or CSV. Run it with
 * {@code spark-submit --class io.icprules.spark.SparkScoreJob}; README "Scoring at scale"
 * has the command.
 *
 * <p>The ruleset is read and compiled on the driver before Spark starts, so a ruleset error stops
 * the job at once with every diagnostic; the input columns are checked before any job runs. After
 * writing, a summary (counts by decision, tiers among fits, the first errors, unmatched event and
 * contact rows, time taken) is printed to standard output. Exit codes are those of the {@code icp}
 * command ({@link ExitCodes}).
 */
@Command(name = "icp-spark-score",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Scores every account of a CSV or Parquet dataset against a ruleset on Apache Spark.",
            "",
            "Writes one result row per account row (decision ERROR with the reason for a row that cannot be read "
                + "or scored) as Parquet or CSV, then prints a summary."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every record was scored",
            "1:the ruleset does not compile; every problem is printed as file:line:col: error: message",
            "2:usage error, or an input is missing or unusable as a whole (unknown column, wrong column type), "
                + "or the output exists without --overwrite",
            "3:finished, but some records are error records, or some event or contact rows name no account",
            "4:unexpected failure, such as a failed Spark job",
        })
public final class SparkScoreJob implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "DIR",
            description = "Ruleset folder (ruleset.properties and .drl files), read on the driver.")
    private Path rules;

    @Option(names = "--accounts", required = true, paramLabel = "PATH",
            description = "Accounts: a CSV or Parquet file or folder, with the columns of the icp score command.")
    private String accounts;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "Column mapping (YAML) for accounts with other column names, such as a CRM export, as for "
                    + "icp score --mapping. Read on the driver.")
    private String mapping;

    @Option(names = "--events", paramLabel = "PATH", description = "Events: account_id,type,date,details.")
    private String events;

    @Option(names = "--contacts", paramLabel = "PATH",
            description = "Contacts: account_id,name,title,role,seniority,department.")
    private String contacts;

    @Option(names = "--input-format", paramLabel = "csv|parquet",
            description = "Format of the inputs. Default: from each path's extension (.csv, .parquet).")
    private SparkFormat inputFormat;

    @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD",
            description = "Evaluation date: event ages are counted up to it.")
    private LocalDate asOf;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "Output folder.")
    private String out;

    @Option(names = "--out-format", paramLabel = "csv|parquet",
            description = "Output format. Default: csv when --out ends in .csv, else parquet.")
    private SparkFormat outFormat;

    @Option(names = "--overwrite", description = "Replace an existing output folder.")
    private boolean overwrite;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Repartition the accounts into N partitions before scoring. Default: Spark's partitioning.")
    private int partitions;

    @Option(names = "--max-firings", paramLabel = "N", description = "Rule firings allowed per account.")
    private int maxFirings = EngineSettings.DEFAULT_MAX_FIRINGS;

    @Option(names = "--multiline-csv",
            description = "CSV cells may hold line breaks (such files are read by one task each).")
    private boolean multiLine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, such as local[2]. Default: the one spark-submit sets.")
    private String master;

    /** Creates the job; picocli fills it from the command line. */
    public SparkScoreJob() {
    }

    /**
     * Runs the job and exits with its exit code.
     *
     * @param args the arguments, see {@code --help}
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /**
     * Runs the job without exiting. When a Spark session is already active (a test, a notebook) it is
     * used and left running; otherwise one is created and stopped at the end.
     *
     * @param out  where the summary goes; flushed, not closed
     * @param err  where problems and diagnostics go; flushed, not closed
     * @param args the arguments
     * @return the exit code (see {@link ExitCodes})
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new SparkScoreJob())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("icp-spark-score: failed: " + e);
                    return ExitCodes.FAILURE;
                });
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String problem = checkArguments();
        if (problem != null) {
            err.println("icp-spark-score: " + problem);
            return ExitCodes.USAGE;
        }
        SparkFormat accountsFormat = formatOf(accounts);
        SparkFormat resultFormat = outFormat != null ? outFormat
                : SparkFormat.fromPath(out).orElse(SparkFormat.PARQUET);

        // Compile before Spark starts: a broken ruleset must not cost a cluster job.
        SparkScorer scorer;
        try {
            SparkScorer.Builder b = SparkScorer.builder().ruleset(RulesetSource.fromDirectory(rules)).asOf(asOf)
                    .maxFiringsPerAccount(maxFirings).partitions(partitions).keepAccountColumns(false);
            if (mapping != null) {
                b.mapping(mapping);
            }
            scorer = b.build();
        } catch (RulesetException e) {
            err.println("icp-spark-score: the ruleset in " + rules + " does not compile:");
            e.diagnostics().forEach(err::println);
            return ExitCodes.RULESET_ERROR;
        } catch (UncheckedIOException e) {
            err.println("icp-spark-score: cannot read the ruleset folder " + rules + ": " + e.getCause().getMessage());
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("icp-spark-score: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        for (Diagnostic w : scorer.warnings()) {
            err.println(w);
        }

        boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        if (ownSession && master == null && System.getProperty("spark.master") == null) {
            err.println("icp-spark-score: no Spark master: run the job with spark-submit, or pass --master local[*]");
            return ExitCodes.USAGE;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("icp-rules score " + scorer.ruleset());
        if (master != null) {
            builder.master(master);
        }
        SparkSession spark = builder.getOrCreate();
        try {
            return score(spark, scorer, accountsFormat, resultFormat);
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    private int score(SparkSession spark, SparkScorer scorer, SparkFormat accountsFormat, SparkFormat resultFormat) {
        PrintWriter err = spec.commandLine().getErr();
        Dataset<Row> accountRows;
        Dataset<Row> eventRows;
        Dataset<Row> contactRows;
        Dataset<Row> results;
        try {
            accountRows = SparkInputs.read(spark, accounts, accountsFormat, multiLine);
            eventRows = events == null ? null : SparkInputs.read(spark, events, formatOf(events), multiLine);
            contactRows = contacts == null ? null : SparkInputs.read(spark, contacts, formatOf(contacts), multiLine);
            results = scorer.score(accountRows, eventRows, contactRows);
        } catch (IllegalArgumentException e) {
            err.println("icp-spark-score: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (Exception e) { // Spark's AnalysisException is checked, and undeclared
            if (isAnalysisProblem(e)) {
                err.println("icp-spark-score: cannot read the input: " + firstLine(e.getMessage()));
                return ExitCodes.USAGE;
            }
            throw e;
        }

        long start = System.nanoTime();
        try {
            SparkOutput.write(results, out, resultFormat, overwrite);
        } catch (Exception e) {
            if (isAnalysisProblem(e)) {
                err.println("icp-spark-score: cannot write " + out + ": " + firstLine(e.getMessage())
                        + (overwrite ? "" : " (pass --overwrite to replace it)"));
                return ExitCodes.USAGE;
            }
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return summarise(spark, scorer, resultFormat, accountRows, eventRows, contactRows, seconds);
    }

    /** Counts what was written, read back from the output, so that the summary is what the files hold. */
    private int summarise(SparkSession spark, SparkScorer scorer, SparkFormat resultFormat, Dataset<Row> accountRows,
                          Dataset<Row> eventRows, Dataset<Row> contactRows, double seconds) {
        PrintWriter stdout = spec.commandLine().getOut();
        Dataset<Row> written = resultFormat == SparkFormat.PARQUET ? spark.read().parquet(out)
                : spark.read().option("header", "true").option("escape", "\"").csv(out);
        ScoreSummary summary = new ScoreSummary(scorer.ruleset(), scorer.asOf());
        long errors = 0;
        for (Row r : written.groupBy(col("decision"), col("tier")).count().collectAsList()) {
            String decision = r.getString(0);
            long n = r.getLong(2);
            if (Decision.FIT.name().equals(decision) || Decision.EXCLUDED.name().equals(decision)
                    || Decision.DISQUALIFIED.name().equals(decision)
                    || Decision.INSUFFICIENT_DATA.name().equals(decision)) {
                summary.add(Decision.valueOf(decision), r.isNullAt(1) ? "" : r.getString(1), n);
            } else {
                errors += n;
            }
        }
        List<String> firstErrors = new ArrayList<>();
        if (errors > 0) {
            for (Row r : written.where(col("decision").equalTo("ERROR")).select(col("account_id"), col("error"))
                    .limit(ScoreSummary.ERRORS_SHOWN).collectAsList()) {
                firstErrors.add((r.isNullAt(0) ? "" : "account " + r.getString(0) + ": ") + r.getString(1));
            }
        }
        summary.addErrors(errors, firstErrors);
        List<OrphanRows> orphans = new ArrayList<>();
        if (eventRows != null) {
            orphans.add(UnmatchedRows.events(name(events), eventRows, accountRows, scorer));
        }
        if (contactRows != null) {
            orphans.add(UnmatchedRows.contacts(name(contacts), contactRows, accountRows, scorer));
        }
        orphans.removeIf(OrphanRows::isEmpty);
        summary.print(stdout, name(accounts), orphans);
        stdout.println(String.format(Locale.ROOT, "Wrote %s to %s in %.1f s (%,.0f records/s) on %s", resultFormat.sparkName(),
                out, seconds, summary.total() / Math.max(seconds, 1e-9), spark.sparkContext().master()));
        stdout.flush();
        boolean unattributed = orphans.stream().anyMatch(o -> o.rowsWithoutAccount() > 0);
        return summary.errors() > 0 || unattributed ? ExitCodes.RECORD_ERRORS : ExitCodes.OK;
    }

    /** @return what is wrong with the arguments, or null when they can be used */
    private String checkArguments() {
        if (!Files.isDirectory(rules)) {
            return "ruleset folder not found: " + rules;
        }
        for (String p : new String[] {accounts, events, contacts}) {
            if (p != null && inputFormat == null && SparkFormat.fromPath(p).isEmpty()) {
                return "cannot tell the format of " + p + " from its name; use the extension .csv or .parquet, "
                        + "or pass --input-format";
            }
        }
        if (mapping != null && !Files.isRegularFile(Path.of(mapping))) {
            return "mapping file not found: " + mapping;
        }
        for (String p : new String[] {accounts, events, contacts}) {
            if (p != null && samePath(p, out)) {
                return "--out would overwrite the input " + p;
            }
        }
        if (partitions < 0) {
            return "--partitions must be 0 or more, was " + partitions;
        }
        if (maxFirings < 1) {
            return "--max-firings must be at least 1, was " + maxFirings;
        }
        return null;
    }

    /** Local paths are compared resolved; URIs (hdfs://, s3a://) as written, without a trailing slash. */
    private static boolean samePath(String a, String b) {
        return normalised(a).equals(normalised(b));
    }

    private static String normalised(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (p.contains("://")) {
            return p;
        }
        return Path.of(p.startsWith("file:") ? p.substring("file:".length()) : p).toAbsolutePath().normalize().toString();
    }

    private SparkFormat formatOf(String path) {
        return inputFormat != null ? inputFormat : SparkFormat.fromPath(path).orElseThrow();
    }

    private static String name(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** Spark reports a missing path or an existing output as an analysis error, before any task runs. */
    private static boolean isAnalysisProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AnalysisException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

package io.icprules.spark.probe;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.fact.AccountFacts;
import io.icprules.io.AccountReader;
import io.icprules.io.CsvResultWriter;
import io.icprules.io.FileFormat;
import io.icprules.io.RelatedFacts;
import io.icprules.io.ResultWriter;
import io.icprules.io.ScoredRecord;
import io.icprules.io.score.RecordScorer;
import io.icprules.io.synthetic.SyntheticAccounts;
import io.icprules.spark.SparkFormat;
import io.icprules.spark.SparkInputs;
import io.icprules.spark.SparkOutput;
import io.icprules.spark.SparkScorer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Spark against {@code icp score} on the same generated data and the same cores, in one run (a
 * probe, not a test): docs/PERFORMANCE.md, "Scoring at scale with Spark", has the command.
 *
 * <p>The parent process generates the accounts, events and contacts as CSV (once, kept in the data
 * folder), then starts one fresh JVM per measurement with its own class path and heap, so that no
 * measurement profits from another's warm JIT:
 * <ol>
 *   <li>{@code cli}: what {@code icp score} runs (the same readers, scorer and CSV writer,
 *       in-process), CSV to CSV; wall time and process CPU time;</li>
 *   <li>{@code engine}: the engine's CPU time per account on one thread (as {@code CpuCostProbe}:
 *       best of 5 passes after 5 warm-up passes over the first 50,000 accounts), on two threads at
 *       once, and on the first 50,000 accounts as read back from the CSV files;</li>
 *   <li>{@code spark}: the Spark job's steps in {@code local[2]} (read the CSV files, score, write
 *       Parquet), the write phase timed as the job times it, with each stage's task CPU time from a
 *       listener; then its output compared, account for account, with the {@code cli} output.</li>
 * </ol>
 * Usage: {@code SparkThroughputProbe DATA_DIR RULESET_DIR [COUNT] [AS_OF]}; {@code -Dprobe.steps=spark,spark-noop}
 * runs some steps only (sinks: {@code spark-noop}, {@code spark-zstd}, {@code spark-uncompressed};
 * {@code before-spark} with {@code -Dprobe.before=CLASSES} runs another version's classes first),
 * {@code -Dprobe.jfr=FILE} records the Spark step with Java Flight Recorder. {@code -Dprobe.runs=N}
 * repeats the {@code cli} and Spark steps N times in their JVM (the first run cold, the others warm),
 * {@code -Dprobe.drop=COLUMNS} leaves result columns out of the Spark output, {@code -Dprobe.partitions=N}
 * and {@code -Dprobe.master=MASTER} set the partitions and the master, and {@code -Dprobe.jvm=OPT,OPT}
 * adds options to the measured JVMs.
 */
public final class SparkThroughputProbe {

    private SparkThroughputProbe() {
    }

    /**
     * @param args data folder, ruleset folder, optionally the account count (500,000) and the date
     * @throws Exception when a step fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].startsWith("--child=")) {
            String step = args[0].substring("--child=".length());
            Path data = Path.of(args[1]);
            Path rules = Path.of(args[2]);
            LocalDate asOf = LocalDate.parse(args[3]);
            switch (step) {
                case "cli" -> cli(data, rules, asOf);
                case "engine" -> engine(data, rules, asOf);
                case "spark" -> spark(data, rules, asOf, args.length > 4 ? args[4] : "snappy");
                case "job" -> job(data, rules, asOf);
                default -> throw new IllegalArgumentException(step);
            }
            return;
        }
        Path data = Path.of(args[0]);
        Path rules = Path.of(args[1]);
        long count = args.length > 2 ? Long.parseLong(args[2]) : 500_000;
        LocalDate asOf = args.length > 3 ? LocalDate.parse(args[3]) : SyntheticAccounts.DEFAULT_ANCHOR;
        if (!Files.exists(data.resolve("accounts.csv"))) {
            SyntheticAccounts.Written w = SyntheticAccounts.writeCsv(data, count, 42, SyntheticAccounts.DEFAULT_ANCHOR);
            System.out.printf(Locale.ROOT, "generated %,d accounts, %,d events, %,d contacts in %s%n",
                    w.accounts(), w.events(), w.contacts(), data);
        }
        System.out.printf(Locale.ROOT, "machine: %d processors, %s %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), cpuModel());
        for (String step : System.getProperty("probe.steps", "cli,engine,spark").split(",")) {
            child(step.strip(), data, rules, asOf);
        }
    }

    private static void child(String name, Path data, Path rules, LocalDate asOf) throws Exception {
        // "before-" runs a step with the classes of another version first on the class path
        // (-Dprobe.before=DIR); "spark-SINK" writes with another sink (noop, zstd, uncompressed, snappy).
        boolean before = name.startsWith("before-");
        String step = before ? name.substring("before-".length()) : name;
        String sink = "snappy";
        if (step.startsWith("spark-")) {
            sink = step.substring("spark-".length());
            step = "spark";
        }
        String classPath = System.getProperty("java.class.path");
        if (before) {
            classPath = Path.of(System.getProperty("probe.before", "")).toAbsolutePath() + java.io.File.pathSeparator + classPath;
            System.out.println("[" + name + ": the classes of " + System.getProperty("probe.before") + " first]");
        } else if (!name.equals(step) || !step.equals("cli") && !step.equals("engine")) {
            System.out.println("[" + name + "]");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx2g");
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-D") || a.startsWith("-XX:+IgnoreUnrecognized"))
                .toList());
        String jvm = System.getProperty("probe.jvm", "");
        if (!jvm.isBlank()) {
            cmd.addAll(List.of(jvm.split(",")));
        }
        String jfr = System.getProperty("probe.jfr");
        if (jfr != null && step.equals("spark") && !before && sink.equals("snappy")) {
            cmd.add("-XX:FlightRecorderOptions=stackdepth=256");
            cmd.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr);
        }
        cmd.addAll(List.of("-cp", classPath, SparkThroughputProbe.class.getName(),
                "--child=" + step, data.toString(), rules.toString(), asOf.toString(), sink));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("probe ")) {
                    System.out.println(line.substring("probe ".length()));
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(step + " failed with exit code " + p.exitValue());
        }
    }

    /**
     * {@code icp score}'s steps, CSV to CSV, as ScoreCommand runs them; with {@code -Dprobe.runs=N},
     * N times in the same JVM (the first run cold, the later ones warm, as for the Spark step).
     */
    private static void cli(Path data, Path rules, LocalDate asOf) throws IOException {
        int runs = Integer.getInteger("probe.runs", 1);
        for (int run = 1; run <= runs; run++) {
            long cpu0 = processCpu();
            long t0 = System.nanoTime();
            long n = 0;
            Path accounts = data.resolve("accounts.csv");
            try (FitEngine engine = IcpRules.builder().ruleset(RulesetSource.fromDirectory(rules)).build();
                 AccountReader reader = AccountReader.open(accounts);
                 RelatedFacts related = RelatedFacts.open(() -> AccountReader.open(accounts), data.resolve("events.csv"),
                         data.resolve("contacts.csv"));
                 Writer target = Files.newBufferedWriter(data.resolve("cli-scores.csv"), StandardCharsets.UTF_8);
                 Stream<ScoredRecord> results = RecordScorer.score(engine, reader.records().map(related::attach), asOf);
                 ResultWriter writer = ResultWriter.create(FileFormat.CSV, target)) {
                for (Iterator<ScoredRecord> it = results.iterator(); it.hasNext(); n++) {
                    writer.write(it.next());
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpu() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "probe icp score (in-process, CSV to CSV)%s: %,d accounts in %.1f s, %,.0f accounts/s,"
                    + " %.1f s CPU (%.1f µs per account)%n", runs > 1 ? ", run " + run + " of " + runs : "", n, s, n / s,
                    cpu, cpu * 1e6 / n);
        }
    }

    /**
     * CPU time per account of the engine alone, warm: on one thread with the other core idle, and on
     * two threads at once, as Spark's two task threads run (two busy threads share caches, and on a
     * virtual machine perhaps one physical core, so each costs more CPU per account).
     */
    private static void engine(Path data, Path rules, LocalDate asOf) throws InterruptedException, IOException {
        List<AccountFacts> accounts = SyntheticAccounts.stream(50_000, 42, SyntheticAccounts.DEFAULT_ANCHOR).toList();
        // The same accounts as the Spark and cli steps read them back from the files, to rule out
        // facts that cost the engine more than generated ones.
        List<AccountFacts> read = new ArrayList<>();
        Path accountsFile = data.resolve("accounts.csv");
        try (AccountReader reader = AccountReader.open(accountsFile);
             RelatedFacts related = RelatedFacts.open(() -> AccountReader.open(accountsFile), data.resolve("events.csv"),
                     data.resolve("contacts.csv"));
             Stream<io.icprules.io.AccountRecord> records = reader.records().limit(50_000)) {
            records.map(related::attach).filter(r -> !r.isError()).forEach(r -> read.add(r.facts()));
        }
        try (FitEngine engine = IcpRules.builder().ruleset(RulesetSource.fromDirectory(rules)).build()) {
            double one = passes(engine, accounts, asOf);
            double[] two = new double[2];
            Thread[] threads = new Thread[2];
            for (int i = 0; i < 2; i++) {
                int at = i;
                threads[i] = new Thread(() -> two[at] = passes(engine, accounts, asOf));
                threads[i].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            double fromFiles = passes(engine, read, asOf);
            System.out.printf(Locale.ROOT, "probe engine alone: %.2f µs CPU per account on one thread, %.2f and %.2f µs on "
                    + "each of two threads at once (best of 5 passes over 50,000 accounts after 5 warm-up passes); "
                    + "%.2f µs on one thread for the first %,d accounts as read from the CSV files%n",
                    one, two[0], two[1], fromFiles, read.size());
        }
    }

    private static double passes(FitEngine engine, List<AccountFacts> accounts, LocalDate asOf) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass < 10; pass++) {
            long c0 = threads.getCurrentThreadCpuTime();
            Iterator<?> it = engine.evaluateIterator(accounts.iterator(), asOf);
            long k = 0;
            while (it.hasNext()) {
                it.next();
                k++;
            }
            double us = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / k;
            if (pass >= 5) {
                best = Math.min(best, us);
            }
        }
        return best;
    }

    /**
     * The Spark job's steps in local[2], stage CPU from a listener, then the comparison with the cli
     * output. The sink is Parquet with a compression codec ({@code snappy}, Spark's default,
     * {@code zstd}, {@code uncompressed}), or Spark's {@code noop} format, which runs the whole query
     * and discards its rows: the difference is what writing Parquet costs.
     */
    private static void spark(Path data, Path rules, LocalDate asOf, String sink) {
        SparkSession spark = session();
        List<StageInfo> stages = listen(spark);
        long cpu0 = processCpu();
        SparkScorer scorer = SparkScorer.builder().ruleset(RulesetSource.fromDirectory(rules)).asOf(asOf)
                .keepAccountColumns(false).partitions(Integer.getInteger("probe.partitions", 0)).build();
        String out = data.resolve("spark-scores-" + sink + ".parquet").toString();
        if (!sink.equals("noop")) {
            spark.conf().set("spark.sql.parquet.compression.codec", sink);
        }
        long n;
        try (Stream<String> lines = Files.lines(data.resolve("accounts.csv"))) {
            n = lines.count() - 1; // generated rows hold no line breaks
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // Later runs in the same session show the job once the JIT has compiled it, as on an
        // executor that has scored earlier tasks; the first run is the cold JVM.
        int runs = Integer.getInteger("probe.runs", 1);
        for (int run = 1; run <= runs; run++) {
            synchronized (stages) {
                stages.clear();
            }
            // Read anew each run: the same Dataset would reuse the first run's shuffle files.
            Dataset<Row> accounts = SparkInputs.read(spark, data.resolve("accounts.csv").toString(), SparkFormat.CSV, false);
            Dataset<Row> events = SparkInputs.read(spark, data.resolve("events.csv").toString(), SparkFormat.CSV, false);
            Dataset<Row> contacts = SparkInputs.read(spark, data.resolve("contacts.csv").toString(), SparkFormat.CSV, false);
            Dataset<Row> results = scorer.score(accounts, events, contacts);
            String drop = System.getProperty("probe.drop", "");
            if (!drop.isBlank()) { // what the written columns cost: the same run without some of them
                results = results.drop(drop.split(","));
            }
            System.out.println("probe   (started at " + java.time.LocalTime.now().withNano(0) + ")");
            long t0 = System.nanoTime();
            long c0 = processCpu();
            String what;
            if (sink.equals("noop")) {
                results.write().format("noop").mode("overwrite").save();
                what = "same query, noop sink (read CSV, group, score, discard)";
            } else {
                SparkOutput.write(results, out, SparkFormat.PARQUET, true);
                what = "write phase (read CSV, group, score, write Parquet, " + sink + ")";
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpu() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "probe Spark %s %s%s: %,d accounts in %.1f s, %,.0f accounts/s, %.1f s process CPU "
                    + "(%.1f µs per account)%s%n", System.getProperty("probe.master", "local[2]"), what,
                    runs > 1 ? ", run " + run + " of " + runs : "", n, s, n / s, cpu, cpu * 1e6 / n,
                    sink.equals("noop") ? "" : ", " + String.format(Locale.ROOT, "%,d bytes", size(Path.of(out))));
            print(stages, n);
        }
        // A recording covers the write phase only; fewer columns cannot be compared.
        if (!sink.equals("noop") && System.getProperty("probe.jfr") == null && System.getProperty("probe.drop", "").isBlank()) {
            Dataset<Row> written = spark.read().parquet(out);
            compare(spark, written, data.resolve("cli-scores.csv"));
        }
        System.out.printf(Locale.ROOT, "probe Spark process CPU from the start of the session: %.1f s%n",
                (processCpu() - cpu0) / 1e9);
        spark.stop();
    }

    /**
     * The job as a user runs it (its write phase as it reports it, every stage's task CPU); the
     * command line is the same in earlier versions, so this step measures them too when their
     * classes come first on the class path.
     */
    private static void job(Path data, Path rules, LocalDate asOf) {
        SparkSession spark = session();
        List<StageInfo> stages = listen(spark);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        String target = data.resolve("job-scores.parquet").toString();
        int code = io.icprules.spark.SparkScoreJob.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err),
                "--rules", rules.toString(), "--accounts", data.resolve("accounts.csv").toString(),
                "--events", data.resolve("events.csv").toString(), "--contacts", data.resolve("contacts.csv").toString(),
                "--as-of", asOf.toString(), "--out", target, "--overwrite");
        if (code != 0) {
            throw new IllegalStateException("the job failed with exit code " + code + ": " + err);
        }
        out.toString().lines().filter(l -> l.startsWith("Wrote")).forEach(l -> System.out.println("probe job: " + l));
        print(stages, spark.read().parquet(target).count());
        spark.stop();
    }

    private static SparkSession session() {
        return SparkSession.builder().master(System.getProperty("probe.master", "local[2]")).appName("icp-rules probe")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }

    private static List<StageInfo> listen(SparkSession spark) {
        List<StageInfo> stages = new ArrayList<>();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onStageCompleted(SparkListenerStageCompleted done) {
                synchronized (stages) {
                    stages.add(done.stageInfo());
                }
            }
        });
        return stages;
    }

    private static void print(List<StageInfo> stages, long n) {
        synchronized (stages) {
            for (StageInfo st : stages) {
                var m = st.taskMetrics();
                double taskCpu = m.executorCpuTime() / 1e9;
                double run = m.executorRunTime() / 1e3;
                long duration = (long) st.completionTime().get() - (long) st.submissionTime().get();
                System.out.printf(Locale.ROOT, "probe   stage %d (%d tasks): %.1f s, task CPU %.1f s (%.1f µs per account),"
                                + " task time %.1f s, GC %.1f s, shuffle read %,d B, written %,d B%n",
                        st.stageId(), st.numTasks(), duration / 1e3, taskCpu, taskCpu * 1e6 / n, run,
                        m.jvmGCTime() / 1e3, m.shuffleReadMetrics().totalBytesRead(), m.outputMetrics().bytesWritten());
            }
        }
    }

    /** Every account of the cli output, and no other, with the same values in every result column. */
    private static void compare(SparkSession spark, Dataset<Row> written, Path cliCsv) {
        UserDefinedFunction safe = org.apache.spark.sql.functions.udf(
                (UDF1<String, String>) CsvResultWriter::neutralise, DataTypes.StringType);
        Dataset<Row> cli = spark.read().option("header", "true").option("escape", "\"").option("multiLine", "true")
                .schema(CsvResultWriter.COLUMNS.stream().map(c -> c + " string").collect(Collectors.joining(", ")))
                .csv(cliCsv.toString());
        List<String> compared = List.of("decision", "tier", "score", "ruleset", "ruleset_version", "ruleset_hash",
                "as_of", "ledger", "unmet_hard_filters", "disqualifiers", "missing_fields", "error");
        List<Column> left = new ArrayList<>();
        List<Column> right = new ArrayList<>();
        left.add(col("account_id").as("id"));
        right.add(safe.apply(col("account_id")).as("id"));
        for (String c : compared) {
            left.add(coalesce(col(c), lit("")).as("cli_" + c));
            Column v = c.equals("ledger") ? col("ledger_text") : col(c).cast("string");
            boolean plain = c.equals("decision") || c.equals("score") || c.equals("ruleset_hash") || c.equals("as_of");
            right.add(coalesce(plain ? v : safe.apply(v), lit("")).as("spark_" + c));
        }
        Dataset<Row> a = cli.select(left.toArray(Column[]::new));
        Dataset<Row> b = written.select(right.toArray(Column[]::new));
        Dataset<Row> joined = a.join(b, a.col("id").equalTo(b.col("id")), "full_outer");
        Column differs = a.col("id").isNull().or(b.col("id").isNull());
        for (String c : compared) {
            differs = differs.or(col("cli_" + c).notEqual(col("spark_" + c)));
        }
        long cliRows = a.count();
        long diff = joined.where(differs).count();
        System.out.printf(Locale.ROOT, "probe comparison with icp score's output: %,d accounts there, %,d here, %,d differ "
                + "(account id, decision, tier, score, ruleset stamp, as-of, ledger, unmet filters, disqualifiers, "
                + "missing fields, error)%n", cliRows, written.count(), diff);
        if (diff > 0) {
            joined.where(differs).show(5, false);
        }
    }

    private static long size(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst(".*:\\s*", ""))
                    .orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}

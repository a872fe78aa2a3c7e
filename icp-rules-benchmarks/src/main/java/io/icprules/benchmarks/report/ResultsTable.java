package io.icprules.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icprules.benchmarks.jmh.MatchingCeilingBenchmarks;
import io.icprules.benchmarks.jmh.Workload;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the JSON results of a JMH run of these benchmarks ({@code -rf json}) and prints Markdown
 * tables: throughput and latency of the engine (as shipped, and built with Drools' executable model
 * with and without the alpha network compiler) next to the hand-written floor and the Easy Rules
 * peer, with the costs as ratios, then build and reload times.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.icprules.benchmarks.report.ResultsTable results.json
 * [out.md]}. A benchmark missing from the file (a partial run) shows as {@code -}.
 */
public final class ResultsTable {

    private static final String PKG = "io.icprules.benchmarks.jmh.";
    private static final List<String> IMPLEMENTATIONS = List.of(Workload.DROOLS, Workload.DROOLS_EXEC_MODEL,
            Workload.DROOLS_EXEC_MODEL_ANC, Workload.DROOLS_FRESH_SESSION, Workload.HANDWRITTEN, Workload.EASYRULES);
    private static final int ENGINE = 0;
    private static final int EXEC_MODEL = 1;
    private static final int EXEC_MODEL_ANC = 2;
    private static final int FLOOR = 4;
    private static final int PEER = 5;
    private static final String COLUMNS = " | drools | drools, executable model | drools, executable model + alpha network compiler"
            + " | drools, fresh session per account | hand-written Java | Easy Rules (MVEL) |";

    private final JsonNode results;

    /**
     * @param results the parsed JMH results array, never null
     */
    public ResultsTable(JsonNode results) {
        this.results = results;
    }

    /**
     * @param args the JMH JSON results file, and optionally the Markdown file to write (default:
     *             standard output)
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ResultsTable JMH_RESULTS.json [OUT.md]");
            System.exit(2);
        }
        JsonNode json = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        String table = new ResultsTable(json).markdown();
        if (args.length == 2) {
            Files.writeString(Path.of(args[1]), table, StandardCharsets.UTF_8);
        } else {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.print(table);
        }
    }

    /** @return the tables, as Markdown */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        JsonNode any = results.size() > 0 ? results.get(0) : null;
        if (any != null) {
            sb.append("JDK ").append(any.path("jdkVersion").asText("?")).append(", ")
                    .append(any.path("vmName").asText("?")).append(' ').append(any.path("vmVersion").asText(""))
                    .append(", JMH ").append(any.path("jmhVersion").asText("?")).append("\n\n");
        }

        sb.append("| accounts/s (higher is better)").append(COLUMNS).append(" drools cost ÷ hand-written | drools cost ÷ Easy Rules")
                .append(" | executable model cost ÷ drools | executable model + alpha network compiler cost ÷ drools |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        throughputRow(sb, "batch, 1 thread", "EvaluationBenchmarks.batchOneThread");
        throughputRow(sb, "batch, all cores", "EvaluationBenchmarks.batchAllCores");
        sb.append('\n');

        sb.append("| latency of one account, µs (lower is better)").append(COLUMNS).append(" drools ÷ hand-written | drools ÷ Easy Rules")
                .append(" | executable model ÷ drools | executable model + alpha network compiler ÷ drools |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        latencyRow(sb, "average", "avgt", null);
        latencyRow(sb, "p50", "sample", "50.0");
        latencyRow(sb, "p99", "sample", "99.0");
        latencyRow(sb, "p99.9", "sample", "99.9");
        sb.append('\n');

        if (find("MatchingCeilingBenchmarks.matchOneThread", "thrpt", null).isPresent()
                || find("MatchingCeilingBenchmarks.matchAllCores", "thrpt", null).isPresent()) {
            sb.append("| Drools matching alone, accounts/s (the ceiling) | one account per session (the engine's way) | ")
                    .append("64 accounts per session (account-scoped rules) | the full engine (`drools` above) | ")
                    .append("share of the engine's cost spent matching |\n");
            sb.append("| --- | ---: | ---: | ---: | ---: |\n");
            ceilingRow(sb, "1 thread", "MatchingCeilingBenchmarks.matchOneThread", "EvaluationBenchmarks.batchOneThread");
            ceilingRow(sb, "all cores", "MatchingCeilingBenchmarks.matchAllCores", "EvaluationBenchmarks.batchAllCores");
            sb.append('\n');
        }

        sb.append("| engine operation | result |\n| --- | ---: |\n");
        find("LibraryBatchBenchmark.evaluateAll", "thrpt", null).ifPresent(r ->
                sb.append("| `evaluateAll` over 10,000 accounts (library batch API, all cores) | ")
                        .append(number(score(r))).append(" accounts/s |\n"));
        find("BuildBenchmarks.droolsColdBuild", "ss", null).ifPresent(r ->
                sb.append("| build the reference ruleset, cold JVM (mean of ").append(r.path("forks").asInt())
                        .append(" forks) | ").append(millis(r)).append(" |\n"));
        find("BuildBenchmarks.droolsExecModelColdBuild", "ss", null).ifPresent(r ->
                sb.append("| build the reference ruleset with the executable model, cold JVM (mean of ")
                        .append(r.path("forks").asInt()).append(" forks) | ").append(millis(r)).append(" |\n"));
        find("BuildBenchmarks.droolsExecModelAncColdBuild", "ss", null).ifPresent(r ->
                sb.append("| build it with the executable model and the alpha network compiler, cold JVM (mean of ")
                        .append(r.path("forks").asInt()).append(" forks) | ").append(millis(r)).append(" |\n"));
        find("BuildBenchmarks.easyRulesColdBuild", "ss", null).ifPresent(r ->
                sb.append("| Easy Rules: read and compile its rule file, cold JVM (mean of ").append(r.path("forks").asInt())
                        .append(" forks) | ").append(millis(r)).append(" |\n"));
        find("ReloadBenchmarks.reload", "avgt", null).ifPresent(r ->
                sb.append("| hot reload: compile and swap a new version, warm JVM | ").append(millis(r)).append(" |\n"));
        find("ReloadBenchmarks.evaluateWhileReloading", "sample", null).ifPresent(r -> {
            JsonNode eval = r.path("secondaryMetrics").path("evaluatingDuringReloads");
            if (!eval.isMissingNode()) {
                JsonNode p = eval.path("scorePercentiles");
                sb.append("| evaluation while another thread reloads continuously: average / p99 / max | ")
                        .append(micros(eval.path("score").asDouble())).append(" / ")
                        .append(micros(p.path("99.0").asDouble())).append(" / ")
                        .append(micros(p.path("100.0").asDouble())).append(" µs |\n");
            }
        });
        return sb.toString();
    }

    private void throughputRow(StringBuilder sb, String label, String benchmark) {
        sb.append("| ").append(label).append(" |");
        Double[] scores = new Double[IMPLEMENTATIONS.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = find(benchmark, "thrpt", IMPLEMENTATIONS.get(i)).map(ResultsTable::score).orElse(null);
            sb.append(' ').append(scores[i] == null ? "-" : number(scores[i])).append(" |");
        }
        // Cost per account is the inverse of throughput: how many times the other's cost ours is.
        sb.append(' ').append(ratio(scores[FLOOR], scores[ENGINE])).append(" |");
        sb.append(' ').append(ratio(scores[PEER], scores[ENGINE])).append(" |");
        sb.append(' ').append(ratio(scores[ENGINE], scores[EXEC_MODEL])).append(" |");
        sb.append(' ').append(ratio(scores[ENGINE], scores[EXEC_MODEL_ANC])).append(" |\n");
    }

    private void ceilingRow(StringBuilder sb, String label, String ceiling, String engine) {
        Double alone = find(ceiling, "thrpt", "sharing", MatchingCeilingBenchmarks.Sharing.ONE_ACCOUNT)
                .map(ResultsTable::score).orElse(null);
        Double shared = find(ceiling, "thrpt", "sharing", MatchingCeilingBenchmarks.Sharing.SHARED)
                .map(ResultsTable::score).orElse(null);
        Double full = find(engine, "thrpt", Workload.DROOLS).map(ResultsTable::score).orElse(null);
        sb.append("| ").append(label).append(" | ").append(alone == null ? "-" : number(alone)).append(" | ")
                .append(shared == null ? "-" : number(shared)).append(" | ").append(full == null ? "-" : number(full))
                .append(" | ").append(alone == null || full == null ? "-"
                        : String.format(Locale.ROOT, "%.0f %%", 100 * full / alone)).append(" |\n");
    }

    private void latencyRow(StringBuilder sb, String label, String mode, String percentile) {
        sb.append("| ").append(label).append(" |");
        Double[] values = new Double[IMPLEMENTATIONS.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = find("EvaluationBenchmarks.latency", mode, IMPLEMENTATIONS.get(i))
                    .map(r -> percentile == null ? score(r)
                            : r.path("primaryMetric").path("scorePercentiles").path(percentile).asDouble())
                    .orElse(null);
            sb.append(' ').append(values[i] == null ? "-" : micros(values[i])).append(" |");
        }
        sb.append(' ').append(ratio(values[ENGINE], values[FLOOR])).append(" |");
        sb.append(' ').append(ratio(values[ENGINE], values[PEER])).append(" |");
        sb.append(' ').append(ratio(values[EXEC_MODEL], values[ENGINE])).append(" |");
        sb.append(' ').append(ratio(values[EXEC_MODEL_ANC], values[ENGINE])).append(" |\n");
    }

    private Optional<JsonNode> find(String benchmark, String mode, String implementation) {
        return find(benchmark, mode, "implementation", implementation);
    }

    /** @return the first result of the benchmark in the mode whose parameter has the value (any when null) */
    private Optional<JsonNode> find(String benchmark, String mode, String param, String value) {
        for (JsonNode r : results) {
            if (r.path("benchmark").asText().equals(PKG + benchmark) && r.path("mode").asText().equals(mode)
                    && (value == null || value.equals(r.path("params").path(param).asText()))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static double score(JsonNode r) {
        return r.path("primaryMetric").path("score").asDouble();
    }

    private static String ratio(Double numerator, Double denominator) {
        return numerator == null || denominator == null || denominator == 0 ? "-"
                : String.format(Locale.ROOT, "%.2f×", numerator / denominator);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String micros(double v) {
        return String.format(Locale.ROOT, v < 100 ? "%.1f" : "%,.0f", v);
    }

    private static String millis(JsonNode r) {
        JsonNode m = r.path("primaryMetric");
        return String.format(Locale.ROOT, "%,.0f ± %,.0f %s", m.path("score").asDouble(),
                m.path("scoreError").isNumber() ? m.path("scoreError").asDouble() : 0.0, m.path("scoreUnit").asText());
    }
}

package io.icprules.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.icprules.benchmarks.cpu.CpuCostProbe;
import io.icprules.benchmarks.execmodel.AssembledEngine;
import io.icprules.benchmarks.floor.HandWrittenProfile;
import io.icprules.benchmarks.jmh.BuildBenchmarks;
import io.icprules.benchmarks.jmh.Cursor;
import io.icprules.benchmarks.jmh.EvaluationBenchmarks;
import io.icprules.benchmarks.jmh.LibraryBatchBenchmark;
import io.icprules.benchmarks.jmh.MatchingCeilingBenchmarks;
import io.icprules.benchmarks.jmh.ReloadBenchmarks;
import io.icprules.benchmarks.jmh.Workload;
import io.icprules.benchmarks.peer.EasyRulesProfile;
import io.icprules.benchmarks.profile.ReferenceProfile;
import io.icprules.benchmarks.report.ResultsTable;
import io.icprules.engine.FitEngine;
import io.icprules.engine.ReloadResult;
import io.icprules.fact.AccountFacts;
import io.icprules.result.FitResult;
import io.icprules.result.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every benchmark executes and computes what it claims to: the methods are called directly, a few
 * times each, and their results checked; one short JMH run checks the generated harness and the
 * results table. The measurements themselves are not part of the test run.
 */
class BenchmarksSmokeTest {

    static final HandWrittenProfile FLOOR = HandWrittenProfile.forReference();

    @ParameterizedTest
    @ValueSource(strings = {Workload.DROOLS, Workload.DROOLS_EXEC_MODEL, Workload.DROOLS_EXEC_MODEL_ANC,
        Workload.DROOLS_FRESH_SESSION, Workload.HANDWRITTEN, Workload.EASYRULES})
    void evaluationBenchmarksReturnTheProfilesResults(String implementation) throws Exception {
        Workload w = new Workload();
        w.implementation = implementation;
        w.setUp();
        try {
            assertThat(w.accounts()).hasSize(Workload.POOL);
            EvaluationBenchmarks b = new EvaluationBenchmarks();
            Cursor cursor = new Cursor();
            cursor.start();
            for (int i = 0; i < 30; i++) {
                FitResult r = switch (i % 3) {
                    case 0 -> b.batchOneThread(w, cursor);
                    case 1 -> b.batchAllCores(w, cursor);
                    default -> b.latency(w, cursor);
                };
                AccountFacts account = accountNamed(w.accounts(), r.accountId());
                assertThat(AgreementTest.canonical(r))
                        .isEqualTo(AgreementTest.canonical(FLOOR.evaluate(account, ReferenceProfile.AS_OF)));
            }
        } finally {
            w.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MatchingCeilingBenchmarks.Sharing.ONE_ACCOUNT, MatchingCeilingBenchmarks.Sharing.SHARED})
    void matchingCeilingBenchmarksFireTheSameRulesEitherWay(String sharing) {
        MatchingCeilingBenchmarks.Sharing s = new MatchingCeilingBenchmarks.Sharing();
        s.sharing = sharing;
        s.setUp();
        MatchingCeilingBenchmarks.Matcher m = new MatchingCeilingBenchmarks.Matcher();
        m.open(s);
        try {
            MatchingCeilingBenchmarks b = new MatchingCeilingBenchmarks();
            int fired = 0;
            // The whole pool once, whatever batch the thread starts at.
            int batches = Workload.POOL / MatchingCeilingBenchmarks.BATCH;
            for (int i = 0; i < batches; i++) {
                fired += i % 2 == 0 ? b.matchOneThread(s, m) : b.matchAllCores(s, m);
            }
            // About ten firings per account (bands fire once per account in the reference
            // profile, every rule of a band in the account-scoped one).
            assertThat(fired).isBetween(9 * batches * MatchingCeilingBenchmarks.BATCH,
                    12 * batches * MatchingCeilingBenchmarks.BATCH);
        } finally {
            m.close();
        }
    }

    @Test
    void libraryBatchEvaluatesEveryAccountInOrder() {
        LibraryBatchBenchmark b = new LibraryBatchBenchmark();
        b.setUp();
        try {
            List<Outcome> outcomes = b.evaluateAll();
            assertThat(outcomes).hasSize(LibraryBatchBenchmark.BATCH);
            assertThat(outcomes).allMatch(Outcome::isSuccess);
            assertThat(outcomes.get(0).accountId()).isEqualTo("acc-0000001");
            assertThat(outcomes.get(LibraryBatchBenchmark.BATCH - 1).accountId()).isEqualTo("acc-0010000");
        } finally {
            b.tearDown();
        }
    }

    @Test
    void buildBenchmarksBuildWorkingEvaluators() {
        BuildBenchmarks b = new BuildBenchmarks();
        b.read();
        AccountFacts first = ReferenceProfile.accounts(1).get(0);
        FitResult expected = FLOOR.evaluate(first, ReferenceProfile.AS_OF);
        try (FitEngine engine = b.droolsColdBuild()) {
            assertThat(engine.ruleset().name()).isEqualTo("reference");
            assertThat(engine.evaluate(first, ReferenceProfile.AS_OF)).isEqualTo(expected);
        }
        try (AssembledEngine model = b.droolsExecModelColdBuild(); AssembledEngine anc = b.droolsExecModelAncColdBuild()) {
            assertThat(model.compiled().scorer().ruleset().name()).isEqualTo("reference");
            assertThat(model.evaluate(first, ReferenceProfile.AS_OF)).isEqualTo(expected);
            assertThat(anc.evaluate(first, ReferenceProfile.AS_OF)).isEqualTo(expected);
        }
        EasyRulesProfile peer = b.easyRulesColdBuild();
        assertThat(peer.ruleCount()).isEqualTo(50);
        assertThat(peer.evaluate(first, ReferenceProfile.AS_OF)).isEqualTo(expected);
    }

    @Test
    void reloadBenchmarksSwapVersionsWhileEvaluating() {
        ReloadBenchmarks b = new ReloadBenchmarks();
        b.setUp();
        ReloadBenchmarks.Accounts accounts = new ReloadBenchmarks.Accounts();
        accounts.generate();
        Cursor cursor = new Cursor();
        cursor.start();
        try {
            ReloadResult first = b.reload();
            ReloadResult second = b.reloadingAlongside();
            assertThat(first.status()).isEqualTo(ReloadResult.Status.SWAPPED);
            assertThat(first.serving().version()).isEqualTo("1.0.1");
            assertThat(second.serving().version()).isEqualTo("1.0.2");
            assertThat(second.previous().orElseThrow().version()).isEqualTo("1.0.1");
            FitResult r = b.evaluatingDuringReloads(cursor, accounts);
            assertThat(r.ruleset().version()).isEqualTo("1.0.2");
        } finally {
            b.tearDown();
        }
    }

    @Test
    void aShortJmhRunProducesAResultsTable(@TempDir Path dir) throws RunnerException, IOException {
        Path json = dir.resolve("jmh.json");
        new Runner(new OptionsBuilder()
                .include(EvaluationBenchmarks.class.getName() + ".latency")
                .param("implementation", Workload.HANDWRITTEN)
                .mode(Mode.AverageTime)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .result(json.toString())
                .resultFormat(ResultFormatType.JSON)
                .shouldFailOnError(true)
                .build()).run();
        String table = new ResultsTable(new ObjectMapper().readTree(json.toFile())).markdown();
        String averageRow = table.lines().filter(l -> l.startsWith("| average |")).findFirst().orElseThrow();
        // drools, its two executable-model builds, fresh sessions, hand-written, Easy Rules, four
        // ratios: only the hand-written ran.
        assertThat(averageRow.split("\\|")).hasSize(12);
        assertThat(averageRow.split("\\|")[6].strip()).matches("[0-9.,]+");
        assertThat(averageRow.split("\\|")[2].strip()).isEqualTo("-");
    }

    @Test
    void resultsTableComparesTheMatchingCeilingWithTheEngine() throws IOException {
        String pkg = "io.icprules.benchmarks.jmh.";
        String json = "[" + String.join(",",
                result(pkg + "MatchingCeilingBenchmarks.matchOneThread", "sharing", MatchingCeilingBenchmarks.Sharing.ONE_ACCOUNT, 100_000),
                result(pkg + "MatchingCeilingBenchmarks.matchOneThread", "sharing", MatchingCeilingBenchmarks.Sharing.SHARED, 95_000),
                result(pkg + "EvaluationBenchmarks.batchOneThread", "implementation", Workload.DROOLS, 80_000),
                result(pkg + "MatchingCeilingBenchmarks.matchAllCores", "sharing", MatchingCeilingBenchmarks.Sharing.ONE_ACCOUNT, 190_000))
                + "]";
        String table = new ResultsTable(new ObjectMapper().readTree(json)).markdown();
        assertThat(table.lines()).contains("| 1 thread | 100,000 | 95,000 | 80,000 | 80 % |", "| all cores | 190,000 | - | - | - |");
        String without = new ResultsTable(new ObjectMapper().readTree("[" + result(pkg + "EvaluationBenchmarks.batchOneThread",
                "implementation", Workload.DROOLS, 80_000) + "]")).markdown();
        assertThat(without).doesNotContain("matching alone");
    }

    private static String result(String benchmark, String param, String value, double score) {
        return "{\"benchmark\":\"" + benchmark + "\",\"mode\":\"thrpt\",\"params\":{\"" + param + "\":\"" + value
                + "\"},\"primaryMetric\":{\"score\":" + score + "}}";
    }

    @Test
    void cpuCostProbeMeasuresEveryImplementation() {
        Map<String, double[]> results = CpuCostProbe.measureAll(1, 200);
        assertThat(results).containsOnlyKeys(Workload.DROOLS, Workload.DROOLS_EXEC_MODEL, Workload.DROOLS_EXEC_MODEL_ANC,
                Workload.DROOLS_FRESH_SESSION, Workload.HANDWRITTEN, CpuCostProbe.MATCHING_ALONE, Workload.EASYRULES);
        assertThat(results.values()).allSatisfy(r -> assertThat(r[0]).isPositive().isLessThan(1e6));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CpuCostProbe.print(results, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .hasSize(9)
                .anyMatch(l -> l.startsWith("| handwritten |") && l.split("\\|")[5].strip().equals("1.00×"))
                .anyMatch(l -> l.startsWith("| drools |") && l.split("\\|")[7].strip().equals("1.00×"));
    }

    private static AccountFacts accountNamed(AccountFacts[] accounts, String id) {
        // Ids are acc-0000001 upwards, in pool order.
        AccountFacts a = accounts[Integer.parseInt(id.substring(4)) - 1];
        assertThat(a.accountId()).isEqualTo(id);
        return a;
    }
}

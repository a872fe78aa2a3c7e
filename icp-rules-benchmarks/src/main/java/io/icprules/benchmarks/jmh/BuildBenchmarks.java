package io.icprules.benchmarks.jmh;

import io.icprules.benchmarks.execmodel.AssembledEngine;
import io.icprules.benchmarks.execmodel.ExecutableModelAssembly;
import io.icprules.benchmarks.peer.EasyRulesProfile;
import io.icprules.benchmarks.profile.ReferenceProfile;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Building a ruleset in a cold JVM, as a service does at start-up: each fork is a new JVM that
 * compiles once and is measured once. The peer's start-up (reading and compiling its MVEL rule file)
 * is measured the same way.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 5, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class BuildBenchmarks {

    private RulesetSource source;

    /** Creates the benchmark; JMH calls {@link #read()} before measuring. */
    public BuildBenchmarks() {
    }

    /** Reads the rule files, so that only compiling is measured. */
    @Setup(Level.Trial)
    public void read() {
        source = ReferenceProfile.source();
    }

    /**
     * Compiles the reference ruleset into an engine: parsing, type checking, the rule network and
     * the rule catalog.
     *
     * @return the engine, ready to evaluate
     */
    @Benchmark
    public FitEngine droolsColdBuild() {
        return IcpRules.builder().ruleset(source).build();
    }

    /**
     * Compiles the reference ruleset into an engine built with Drools' executable model: the same
     * parsing, checks and rewrites, then Java source generated for the rules and compiled.
     *
     * @return the engine, ready to evaluate
     */
    @Benchmark
    public AssembledEngine droolsExecModelColdBuild() {
        return AssembledEngine.build(source, ExecutableModelAssembly.EXECUTABLE_MODEL);
    }

    /**
     * As {@link #droolsExecModelColdBuild()}, then the alpha network compiled to Java too.
     *
     * @return the engine, ready to evaluate
     */
    @Benchmark
    public AssembledEngine droolsExecModelAncColdBuild() {
        return AssembledEngine.build(source, ExecutableModelAssembly.WITH_ALPHA_NETWORK_COMPILER);
    }

    /**
     * Reads and compiles the peer's rule file.
     *
     * @return the peer, ready to evaluate
     */
    @Benchmark
    public EasyRulesProfile easyRulesColdBuild() {
        return EasyRulesProfile.forReference();
    }
}

package io.icprules.benchmarks.jmh;

import io.icprules.benchmarks.execmodel.AssembledEngine;
import io.icprules.benchmarks.execmodel.ExecutableModelAssembly;
import io.icprules.benchmarks.floor.HandWrittenProfile;
import io.icprules.benchmarks.peer.EasyRulesProfile;
import io.icprules.benchmarks.profile.AccountEvaluator;
import io.icprules.benchmarks.profile.ReferenceProfile;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.fact.AccountFacts;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One implementation of the reference profile and the accounts it evaluates, shared by all
 * benchmark threads.
 */
@State(Scope.Benchmark)
public class Workload {

    /** The drools engine with default settings (sessions reused). */
    public static final String DROOLS = "drools";
    /** The drools engine built with Drools' executable model (constraints compiled to Java lambdas). */
    public static final String DROOLS_EXEC_MODEL = "drools-exec-model";
    /** The drools engine built with the executable model and the alpha network compiler. */
    public static final String DROOLS_EXEC_MODEL_ANC = "drools-exec-model-anc";
    /** The drools engine with a new session for every account. */
    public static final String DROOLS_FRESH_SESSION = "drools-fresh-session";
    /** The reference profile hand-written in plain Java. */
    public static final String HANDWRITTEN = "handwritten";
    /** The reference profile in Easy Rules with MVEL rule files. */
    public static final String EASYRULES = "easyrules";

    /** How many distinct accounts the benchmarks cycle through. */
    public static final int POOL = 20_000;

    /** Which implementation evaluates: one of the constants of this class. */
    @Param({DROOLS, DROOLS_EXEC_MODEL, DROOLS_EXEC_MODEL_ANC, DROOLS_FRESH_SESSION, HANDWRITTEN, EASYRULES})
    public String implementation;

    private AccountEvaluator evaluator;
    private AutoCloseable engine;
    private AccountFacts[] accounts;

    /** Creates the workload; JMH calls {@link #setUp()} before measuring. */
    public Workload() {
    }

    /** Generates the accounts and builds the implementation. */
    @Setup(Level.Trial)
    public void setUp() {
        accounts = ReferenceProfile.accounts(POOL).toArray(AccountFacts[]::new);
        switch (implementation) {
            case DROOLS -> {
                FitEngine e = ReferenceProfile.engine();
                engine = e;
                evaluator = e::evaluate;
            }
            case DROOLS_EXEC_MODEL, DROOLS_EXEC_MODEL_ANC -> {
                AssembledEngine e = AssembledEngine.build(ReferenceProfile.source(), implementation.equals(DROOLS_EXEC_MODEL)
                        ? ExecutableModelAssembly.EXECUTABLE_MODEL : ExecutableModelAssembly.WITH_ALPHA_NETWORK_COMPILER);
                engine = e;
                evaluator = e;
            }
            case DROOLS_FRESH_SESSION -> {
                FitEngine e = IcpRules.builder().ruleset(ReferenceProfile.source()).reuseSessions(false).build();
                engine = e;
                evaluator = e::evaluate;
            }
            case HANDWRITTEN -> evaluator = HandWrittenProfile.forReference();
            case EASYRULES -> evaluator = EasyRulesProfile.forReference();
            default -> throw new IllegalArgumentException("unknown implementation " + implementation);
        }
    }

    /**
     * Closes the engine, if any.
     *
     * @throws Exception when the engine cannot be closed
     */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    /** @return the implementation chosen by {@link #implementation} */
    public AccountEvaluator evaluator() {
        return evaluator;
    }

    /** @return the accounts, {@link #POOL} of them */
    public AccountFacts[] accounts() {
        return accounts;
    }
}

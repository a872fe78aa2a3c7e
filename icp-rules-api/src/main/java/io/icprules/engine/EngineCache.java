package io.icprules.engine;

import io.icprules.spi.FitEngineProvider;

import io.icprules.error.Diagnostic;
import io.icprules.error.EngineNotFoundException;
import io.icprules.error.RulesetException;
import io.icprules.fact.AccountFacts;
import io.icprules.result.Explanation;
import io.icprules.result.FitResult;
import io.icprules.result.Outcome;
import io.icprules.result.RulesetInfo;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * Compiled engines by ruleset content, so that each JVM compiles a ruleset once however many tasks
 * ask for it. Made for workers of a distributed job: the driver ships a {@link RulesetSource} (small
 * and serializable; a compiled engine is neither) and every task asks the worker's
 * {@linkplain #shared() shared cache} for its engine.
 *
 * <pre>{@code
 * // inside a task, on the worker
 * FitEngine engine = EngineCache.shared().get(source, settings);
 * Iterator<Outcome> out = engine.evaluateIterator(partition, asOf);
 * }</pre>
 *
 * <p>An engine is identified by the ruleset's {@linkplain RulesetSource#contentHash() content hash},
 * whether it is {@linkplain RulesetSource#trusted() trusted}, the {@link EngineSettings} and the
 * engine implementation's class (so a class loader with its own copy of the implementation gets its
 * own engine). Thread-safe: when several threads ask for the same engine at once, one compiles it
 * and the others wait for that engine; different rulesets compile in parallel. A ruleset that does
 * not compile is remembered too: every later request throws the same {@link RulesetException},
 * without compiling again.
 *
 * <p>The engines handed out are shared: their {@link FitEngine#close()} does nothing. Engines stay
 * cached until {@link #clear()}, which suits the handful of rulesets a job uses.
 */
public final class EngineCache implements AutoCloseable {

    private static final EngineCache SHARED = new EngineCache();

    private final FitEngineProvider provider;
    private final ConcurrentMap<Key, Slot> slots = new ConcurrentHashMap<>();

    /** A cache that compiles with the implementation {@link IcpRules#provider()} finds. */
    public EngineCache() {
        this.provider = null;
    }

    /**
     * A cache that compiles with a given implementation.
     *
     * @param provider the engine implementation, never null
     */
    public EngineCache(FitEngineProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** @return the cache of this JVM (and of the class loader that loaded icp-rules), never null */
    public static EngineCache shared() {
        return SHARED;
    }

    /**
     * Returns the engine for a ruleset with default settings, compiling it on first use.
     *
     * @param source the ruleset, never null
     * @return the shared engine, never null
     * @throws RulesetException        when the ruleset does not compile (the same exception every time)
     * @throws EngineNotFoundException when no engine implementation is on the class path
     */
    public FitEngine get(RulesetSource source) {
        return get(source, EngineSettings.defaults());
    }

    /**
     * Returns the engine for a ruleset and settings, compiling it on first use.
     *
     * @param source   the ruleset, never null
     * @param settings the engine's settings, never null
     * @return the shared engine, never null
     * @throws RulesetException        when the ruleset does not compile (the same exception every time)
     * @throws EngineNotFoundException when no engine implementation is on the class path
     */
    public FitEngine get(RulesetSource source, EngineSettings settings) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(settings, "settings");
        FitEngineProvider p = provider != null ? provider : IcpRules.provider();
        Key key = new Key(p.getClass(), source.contentHash(), source.trusted(), settings);
        return slots.computeIfAbsent(key, k -> new Slot()).get(p, source, settings);
    }

    /** @return how many rulesets are cached, compiled or failed */
    public int size() {
        return slots.size();
    }

    /**
     * Forgets every cached engine and failure, and closes the engines: engines handed out earlier
     * stop working, so call it only when no task uses them any more.
     */
    public void clear() {
        for (Key k : List.copyOf(slots.keySet())) {
            Slot s = slots.remove(k);
            if (s != null) {
                s.close();
            }
        }
    }

    /** Same as {@link #clear()}. */
    @Override
    public void close() {
        clear();
    }

    @Override
    public String toString() {
        return "EngineCache[" + slots.size() + " rulesets]";
    }

    private record Key(Class<?> implementation, String contentHash, boolean trusted, EngineSettings settings) {
    }

    /** One ruleset's compilation: done at most once, by the first thread that needs it. */
    private static final class Slot {
        private volatile FitEngine engine;
        private volatile RulesetException failure;

        FitEngine get(FitEngineProvider provider, RulesetSource source, EngineSettings settings) {
            FitEngine e = engine;
            if (e != null) {
                return e;
            }
            synchronized (this) {
                if (engine != null) {
                    return engine;
                }
                if (failure != null) {
                    throw failure;
                }
                try {
                    engine = new SharedEngine(provider.create(source, settings));
                    return engine;
                } catch (RulesetException x) {
                    failure = x;
                    throw x;
                }
            }
        }

        synchronized void close() {
            if (engine != null) {
                ((SharedEngine) engine).delegate.close();
            }
        }
    }

    /** A cached engine as handed out: closing it would break every other task, so that is ignored. */
    private static final class SharedEngine implements FitEngine {
        private final FitEngine delegate;

        SharedEngine(FitEngine delegate) {
            this.delegate = delegate;
        }

        @Override
        public RulesetInfo ruleset() {
            return delegate.ruleset();
        }

        @Override
        public List<Diagnostic> warnings() {
            return delegate.warnings();
        }

        @Override
        public FitResult evaluate(AccountFacts facts, LocalDate asOf) {
            return delegate.evaluate(facts, asOf);
        }

        @Override
        public Explanation explain(AccountFacts facts, LocalDate asOf) {
            return delegate.explain(facts, asOf);
        }

        @Override
        public List<Outcome> evaluateAll(List<AccountFacts> accounts, LocalDate asOf) {
            return delegate.evaluateAll(accounts, asOf);
        }

        @Override
        public Stream<Outcome> evaluateStream(Stream<AccountFacts> accounts, LocalDate asOf) {
            return delegate.evaluateStream(accounts, asOf);
        }

        @Override
        public Stream<Outcome> evaluateStream(Stream<AccountFacts> accounts, LocalDate asOf, int threads) {
            return delegate.evaluateStream(accounts, asOf, threads);
        }

        @Override
        public Iterator<Outcome> evaluateIterator(Iterator<AccountFacts> accounts, LocalDate asOf) {
            return delegate.evaluateIterator(accounts, asOf);
        }

        @Override
        public void close() {
            // owned by the cache
        }

        @Override
        public String toString() {
            return "cached " + delegate;
        }
    }
}

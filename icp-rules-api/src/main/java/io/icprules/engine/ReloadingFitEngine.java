package io.icprules.engine;

import io.icprules.spi.EngineLog;
import io.icprules.spi.FitEngineProvider;

import io.icprules.error.Diagnostic;
import io.icprules.error.RulesetException;
import io.icprules.fact.AccountFacts;
import io.icprules.result.Explanation;
import io.icprules.result.FitResult;
import io.icprules.result.Outcome;
import io.icprules.result.RulesetInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A {@link FitEngine} whose ruleset can be replaced while it serves, for services that ship new
 * profile versions without a restart.
 *
 * <p>A new version is compiled by the thread that asks for the reload (or by the folder watcher's
 * own thread), never by an evaluating thread, and then swapped in atomically. Each evaluation, and
 * each whole batch, runs on the one version that was current when it started: no evaluation ever sees
 * a mix of two versions, and every result names the version that decided it. A version that fails to
 * compile is rejected with its diagnostics and the previous version keeps serving.
 *
 * <pre>{@code
 * ReloadingFitEngine engine = ReloadingFitEngine.watching(Path.of("rules/retail"), IcpRules.builder(),
 *         Duration.ofMillis(500), result -> log.info(result.message()));
 * }</pre>
 *
 * <p>Replaced engines are not closed, because batches that started on them may still be running;
 * they are left to the garbage collector.
 */
public final class ReloadingFitEngine implements FitEngine {

    /** The logger every reload is reported to (see docs/java-api.md, "Logging"). */
    static final String LOGGER = "io.icprules.engine.ReloadingFitEngine";

    private final Supplier<RulesetSource> reader;
    private final FitEngineProvider provider;
    private final EngineSettings settings;
    private final AtomicReference<FitEngine> current;
    private final EngineLog log;
    private final List<Consumer<ReloadResult>> listeners = new CopyOnWriteArrayList<>();
    /** Told only of the reloads the folder watcher makes, as {@link #watching} promises. */
    private volatile Consumer<ReloadResult> watchListener;
    private final Object reloadLock = new Object();
    private volatile Thread watcher;
    private volatile WatchService watchService;
    private volatile boolean closed;

    private ReloadingFitEngine(Supplier<RulesetSource> reader, IcpRules.Builder builder) {
        this.reader = reader;
        // Settings are fixed now, so later changes to the builder cannot leak into reloads.
        this.provider = builder.resolveProvider();
        this.settings = builder.settings();
        this.log = provider.log(LOGGER);
        this.current = new AtomicReference<>(provider.create(reader.get(), settings));
    }

    /**
     * Compiles the first version now; later {@link #reload()} calls read the source again.
     *
     * @param reader  reads the current ruleset text (for example {@code () -> RulesetSource.fromDirectory(dir)});
     *                may throw {@link RulesetException} when the files are unreadable
     * @param builder settings for every version (its ruleset, if any, is not used), never null
     * @return the engine
     * @throws RulesetException when the first version does not compile
     */
    public static ReloadingFitEngine of(Supplier<RulesetSource> reader, IcpRules.Builder builder) {
        return new ReloadingFitEngine(Objects.requireNonNull(reader, "reader"), Objects.requireNonNull(builder, "builder"));
    }

    /**
     * Compiles the ruleset folder now and reloads it whenever a file below it changes, after the
     * changes have been quiet for {@code debounce} (editors write files in several steps).
     *
     * @param dir      the ruleset folder, never null
     * @param builder  settings for every version, never null
     * @param debounce how long changes must be quiet before a reload, not negative
     * @param listener told of every reload the watcher makes (not of {@link #reload()} calls, which
     *                 return their result), never null
     * @return the engine, already watching
     * @throws RulesetException when the first version does not compile
     */
    public static ReloadingFitEngine watching(Path dir, IcpRules.Builder builder, Duration debounce,
                                              Consumer<ReloadResult> listener) {
        Objects.requireNonNull(listener, "listener");
        ReloadingFitEngine engine = of(() -> RulesetSource.fromDirectory(dir), builder);
        engine.watchListener = listener;
        engine.watch(dir, debounce);
        return engine;
    }

    /**
     * @param listener told of every reload from now on, the watcher's and {@link #reload()}'s (from
     *                 the reloading thread), never null
     */
    public void addListener(Consumer<ReloadResult> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** @return the engine serving new evaluations now, never null */
    public FitEngine current() {
        return current.get();
    }

    /**
     * Reads the source again and, when its content changed, compiles and swaps it in.
     *
     * @return what happened, never null
     * @throws IllegalStateException after {@link #close()}
     */
    public ReloadResult reload() {
        return reloadFromReader(null);
    }

    /** A reload by the watcher, whose listener hears of it. */
    private ReloadResult reloadFromReader(Consumer<ReloadResult> watcherListener) {
        checked();
        RulesetSource source;
        try {
            source = reader.get();
        } catch (RulesetException e) {
            return report(rejected(e), watcherListener);
        }
        return swap(source, watcherListener);
    }

    /**
     * Compiles a given version and swaps it in, unless its content hash equals the serving one.
     *
     * @param source the new version, never null
     * @return what happened, never null
     * @throws IllegalStateException after {@link #close()}
     */
    public ReloadResult reload(RulesetSource source) {
        return swap(Objects.requireNonNull(source, "source"), null);
    }

    private ReloadResult swap(RulesetSource source, Consumer<ReloadResult> watcherListener) {
        synchronized (reloadLock) {
            // Checked under the lock: close() takes it too, so no version is swapped in after it.
            checked();
            RulesetInfo serving = current.get().ruleset();
            if (serving.contentHash().equals(source.contentHash())) {
                return report(new ReloadResult(ReloadResult.Status.UNCHANGED, serving, null, List.of(),
                        "ruleset " + serving + " unchanged"), watcherListener);
            }
            FitEngine next;
            try {
                next = provider.create(source, settings);
            } catch (RulesetException e) {
                return report(rejected(e), watcherListener);
            }
            FitEngine previous = current.getAndSet(next);
            return report(new ReloadResult(ReloadResult.Status.SWAPPED, next.ruleset(), previous.ruleset(),
                    next.warnings(), "ruleset " + previous.ruleset() + " replaced by " + next.ruleset()),
                    watcherListener);
        }
    }

    private ReloadResult rejected(RulesetException e) {
        RulesetInfo serving = current.get().ruleset();
        long errors = e.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
        return new ReloadResult(ReloadResult.Status.REJECTED, serving, null, e.diagnostics(),
                "new version rejected with " + errors + " error(s); " + serving + " keeps serving");
    }

    private ReloadResult report(ReloadResult result, Consumer<ReloadResult> watcherListener) {
        if (result.status() == ReloadResult.Status.REJECTED) {
            log.log(EngineLog.Level.WARN, result.message() + ": " + result.diagnostics(), null);
        } else if (result.status() == ReloadResult.Status.SWAPPED) {
            log.log(EngineLog.Level.INFO, result.message(), null);
        }
        if (watcherListener != null) {
            tell(watcherListener, result);
        }
        for (Consumer<ReloadResult> l : listeners) {
            tell(l, result);
        }
        return result;
    }

    private void tell(Consumer<ReloadResult> listener, ReloadResult result) {
        try {
            listener.accept(result);
        } catch (RuntimeException e) {
            log.log(EngineLog.Level.WARN, "a reload listener failed", e);
        }
    }

    /**
     * Starts a daemon thread that reloads when files below {@code dir} change.
     *
     * @param dir      the folder to watch, never null
     * @param debounce quiet time before a reload, not negative
     * @throws IllegalStateException when already watching, or after {@link #close()}
     * @throws UncheckedIOException  when the folder cannot be watched
     */
    public synchronized void watch(Path dir, Duration debounce) {
        Objects.requireNonNull(dir, "dir");
        checked();
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("debounce must not be negative");
        }
        if (watcher != null) {
            throw new IllegalStateException("already watching");
        }
        try {
            WatchService ws = FileSystems.getDefault().newWatchService();
            register(ws, dir);
            watchService = ws;
            Thread t = new Thread(() -> watchLoop(ws, dir, debounce), "icp-rules-watch-" + dir.getFileName());
            t.setDaemon(true);
            watcher = t;
            t.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + dir, e);
        }
    }

    private static void register(WatchService ws, Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                d.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void watchLoop(WatchService ws, Path dir, Duration debounce) {
        try {
            while (!closed) {
                WatchKey key = ws.take();
                drain(key);
                // Wait until the folder is quiet: an editor's save is several events.
                WatchKey more;
                while ((more = ws.poll(Math.max(1, debounce.toMillis()), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                register(ws, dir); // new sub-folders
                if (closed) {
                    break;
                }
                reloadFromReader(watchListener);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed: stop
        } catch (IllegalStateException e) {
            if (!closed) {
                log.log(EngineLog.Level.ERROR, "watching " + dir + " stopped", e);
            }
        } catch (IOException | RuntimeException e) {
            log.log(EngineLog.Level.ERROR, "watching " + dir + " stopped", e);
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public RulesetInfo ruleset() {
        return current.get().ruleset();
    }

    @Override
    public List<Diagnostic> warnings() {
        return current.get().warnings();
    }

    @Override
    public FitResult evaluate(AccountFacts facts, LocalDate asOf) {
        return checked().evaluate(facts, asOf);
    }

    @Override
    public Explanation explain(AccountFacts facts, LocalDate asOf) {
        return checked().explain(facts, asOf);
    }

    /** Runs the whole batch on the version current when it starts. */
    @Override
    public List<Outcome> evaluateAll(List<AccountFacts> accounts, LocalDate asOf) {
        return checked().evaluateAll(accounts, asOf);
    }

    /** Runs the whole stream on the version current when it starts. */
    @Override
    public Stream<Outcome> evaluateStream(Stream<AccountFacts> accounts, LocalDate asOf) {
        return checked().evaluateStream(accounts, asOf);
    }

    /** Runs the whole stream on the version current when it starts. */
    @Override
    public Stream<Outcome> evaluateStream(Stream<AccountFacts> accounts, LocalDate asOf, int threads) {
        return checked().evaluateStream(accounts, asOf, threads);
    }

    private FitEngine checked() {
        if (closed) {
            throw new IllegalStateException("engine for " + current.get().ruleset() + " is closed");
        }
        return current.get();
    }

    /** Runs the whole batch on the version current when it starts. */
    @Override
    public List<Outcome> evaluateAll(List<AccountFacts> accounts, LocalDate asOf, Executor executor) {
        return checked().evaluateAll(accounts, asOf, executor);
    }

    /** Runs every account on the version current when it starts. */
    @Override
    public Iterator<Outcome> evaluateIterator(Iterator<AccountFacts> accounts, LocalDate asOf) {
        return checked().evaluateIterator(accounts, asOf);
    }

    /**
     * Stops watching and closes the serving engine. Idempotent; afterwards every method but
     * {@link #ruleset()}, {@link #warnings()} and {@link #current()} throws
     * {@link IllegalStateException}, reloads included.
     */
    @Override
    public void close() {
        synchronized (reloadLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        WatchService ws = watchService;
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException e) {
                log.log(EngineLog.Level.DEBUG, "closing the watch service failed", e);
            }
        }
        Thread t = watcher;
        if (t != null) {
            t.interrupt();
        }
        current.get().close();
    }
}

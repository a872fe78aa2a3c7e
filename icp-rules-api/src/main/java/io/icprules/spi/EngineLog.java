package io.icprules.spi;

import java.util.Objects;

/**
 * Where the library's own log lines go: one named logger. The api module depends on nothing but
 * the JDK, so it cannot log through SLF4J itself; it asks the engine's provider
 * ({@link FitEngineProvider#log(String)}) for a log, and the Drools engine answers with SLF4J, the
 * facade of every other log line of the library. Without a provider's log, lines go to
 * {@link System.Logger}.
 *
 * <p>For engine implementers only; applications configure logging through their SLF4J binding.
 */
public interface EngineLog {

    /** How serious a line is. */
    enum Level {
        /** Detail for finding a fault. */
        DEBUG,
        /** Something worth knowing happened, such as a new ruleset version serving. */
        INFO,
        /** Something went wrong and the library carried on, such as a rejected reload. */
        WARN,
        /** Something stopped working, such as a folder watcher. */
        ERROR
    }

    /**
     * Writes one line.
     *
     * @param level   how serious, never null
     * @param message the line, never null
     * @param cause   the failure behind it, or null
     */
    void log(Level level, String message, Throwable cause);

    /**
     * A log that writes to {@link System.Logger}, used when no engine provides one.
     *
     * @param name the logger's name, never null
     * @return the log, never null
     */
    static EngineLog system(String name) {
        System.Logger logger = System.getLogger(Objects.requireNonNull(name, "name"));
        return (level, message, cause) -> {
            System.Logger.Level l = switch (level) {
                case DEBUG -> System.Logger.Level.DEBUG;
                case INFO -> System.Logger.Level.INFO;
                case WARN -> System.Logger.Level.WARNING;
                case ERROR -> System.Logger.Level.ERROR;
            };
            if (cause == null) {
                logger.log(l, message);
            } else {
                logger.log(l, message, cause);
            }
        };
    }
}

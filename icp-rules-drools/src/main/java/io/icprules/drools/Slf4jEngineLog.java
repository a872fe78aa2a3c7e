package io.icprules.drools;

import io.icprules.spi.EngineLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The api module's log lines, written through SLF4J like every other line of the library. */
final class Slf4jEngineLog implements EngineLog {

    private final Logger logger;

    Slf4jEngineLog(String name) {
        this.logger = LoggerFactory.getLogger(name);
    }

    @Override
    public void log(Level level, String message, Throwable cause) {
        switch (level) {
            case DEBUG -> logger.debug(message, cause);
            case INFO -> logger.info(message, cause);
            case WARN -> logger.warn(message, cause);
            case ERROR -> logger.error(message, cause);
        }
    }
}

package io.icprules.error;

/**
 * No engine implementation was found on the class path. Thrown by
 * {@link io.icprules.engine.IcpRules} when {@link java.util.ServiceLoader} finds no
 * {@link io.icprules.spi.FitEngineProvider}.
 */
public class EngineNotFoundException extends IcpRulesException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was looked for and how to fix it, never null
     */
    public EngineNotFoundException(String message) {
        super(message);
    }
}

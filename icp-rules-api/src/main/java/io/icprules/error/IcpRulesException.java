package io.icprules.error;

/**
 * Root of every exception the library throws on purpose.
 *
 * <p>Catching {@code IcpRulesException} catches compilation failures of a ruleset, evaluation
 * failures of one account, invalid facts and a missing engine implementation. It is unchecked so
 * that evaluation can be called from lambdas and streams.
 */
public class IcpRulesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, never null
     */
    public IcpRulesException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, never null
     * @param cause   the underlying failure, may be null
     */
    public IcpRulesException(String message, Throwable cause) {
        super(message, cause);
    }
}

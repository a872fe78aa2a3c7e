package io.icprules.error;

/**
 * A fact (account, event, contact) was built with a value the library does not accept, such as a
 * missing id or a negative headcount. The message names the field and the value.
 */
public class InvalidFactException extends IcpRulesException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param field   the offending field, never null
     * @param message what is wrong with it, never null
     */
    public InvalidFactException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** @return the name of the field that was rejected, never null */
    public String field() {
        return field;
    }
}

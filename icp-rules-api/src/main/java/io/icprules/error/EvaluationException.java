package io.icprules.error;

import java.util.Optional;

/**
 * Evaluating one account failed, for example because a rule threw or exceeded its firing limit.
 * Names the account and, when known, the rule, so that the failure can be traced in a batch.
 */
public class EvaluationException extends IcpRulesException {

    private static final long serialVersionUID = 1L;

    private final String accountId;
    private final String ruleName;

    /**
     * Creates the exception.
     *
     * @param accountId the account being evaluated, never null
     * @param ruleName  the rule at fault, or null when not known
     * @param message   what happened, never null
     * @param cause     the underlying failure, may be null
     */
    public EvaluationException(String accountId, String ruleName, String message, Throwable cause) {
        super("Account " + accountId + (ruleName == null ? "" : ", rule \"" + ruleName + "\"") + ": " + message, cause);
        this.accountId = accountId;
        this.ruleName = ruleName;
    }

    /** @return the id of the account whose evaluation failed, never null */
    public String accountId() {
        return accountId;
    }

    /** @return the rule that failed, when it is known */
    public Optional<String> ruleName() {
        return Optional.ofNullable(ruleName);
    }
}

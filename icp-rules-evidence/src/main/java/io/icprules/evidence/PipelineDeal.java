package io.icprules.evidence;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One open deal of a pipeline file.
 *
 * @param dealId    the deal's id, never null
 * @param accountId the account, never null
 * @param stage     the sales stage as the CRM names it, or null
 * @param amount    the deal's value, or null when unknown
 */
public record PipelineDeal(String dealId, String accountId, String stage, BigDecimal amount) {

    /**
     * Checks the required parts.
     *
     * @param dealId    the deal's id, never null
     * @param accountId the account, never null
     * @param stage     the stage, or null
     * @param amount    the value, or null
     * @throws NullPointerException when the deal or account id is null
     */
    public PipelineDeal {
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(accountId, "accountId");
    }
}

package io.icprules.evidence;

import java.math.BigDecimal;

/**
 * An open deal the audit reports.
 *
 * @param line      its line in the pipeline file
 * @param dealId    the deal id
 * @param accountId the account id
 * @param stage     the sales stage, or null
 * @param amount    the deal's value, or null when unknown
 * @param decision  the account's decision now ({@code DISQUALIFIED}, {@code EXCLUDED} or
 *                  {@code INSUFFICIENT_DATA})
 * @param score     the account's score now
 * @param reason    why: the rule's reason in the ledger, the unmet requirement, or the missing fields
 */
public record AuditDeal(long line, String dealId, String accountId, String stage, BigDecimal amount, String decision,
                        BigDecimal score, String reason) {
}

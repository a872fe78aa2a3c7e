package io.icprules.evidence;

import java.math.BigDecimal;
import java.util.List;

/**
 * The open deals one rule flags: a disqualifier that fires for their account, or a hard filter the
 * account does not meet.
 *
 * @param rule    the rule's name
 * @param kind    {@value #DISQUALIFIER} or {@value #UNMET_HARD_FILTER}
 * @param deals   how many deals it flags
 * @param amount  their total value (deals without an amount add nothing)
 * @param items   the deals, largest amount first
 */
public record AuditGroup(String rule, String kind, long deals, BigDecimal amount, List<AuditDeal> items) {

    /** The rule is a disqualifier that fires. */
    public static final String DISQUALIFIER = "disqualifier";
    /** The rule is a hard filter the account does not meet. */
    public static final String UNMET_HARD_FILTER = "hard filter not met";

    /**
     * Copies the list.
     *
     * @param rule   the rule
     * @param kind   the kind of flag
     * @param deals  how many deals
     * @param amount their total value
     * @param items  the deals
     */
    public AuditGroup {
        items = List.copyOf(items);
    }
}

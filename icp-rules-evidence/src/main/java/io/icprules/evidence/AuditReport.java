package io.icprules.evidence;

import java.math.BigDecimal;
import java.util.List;

/**
 * Open deals whose account the profile now disqualifies or excludes, grouped by the rule that flags
 * them. A deal that several rules flag is in each of their groups but counted once in the totals.
 *
 * @param ruleset              the ruleset
 * @param asOf                 the date the accounts were scored as of
 * @param deals                rows of the pipeline file
 * @param checked              deals whose account was scored
 * @param flagged              deals whose account is disqualified or excluded
 * @param amountAtStake        the total value of the flagged deals
 * @param flaggedWithoutAmount flagged deals with no amount, not in {@code amountAtStake}
 * @param groups               the flagged deals by rule, largest amount first
 * @param insufficientData     deals whose account lacks data the profile requires, so that it
 *                             cannot be judged (not flagged)
 * @param errors               rows that could not be checked, and why
 * @param warnings             other things to know
 */
public record AuditReport(RulesetRef ruleset, String asOf, long deals, long checked, long flagged,
                          BigDecimal amountAtStake, long flaggedWithoutAmount, List<AuditGroup> groups,
                          List<AuditDeal> insufficientData, List<RecordError> errors, List<String> warnings) {

    /**
     * Copies the lists.
     *
     * @param ruleset              the ruleset
     * @param asOf                 the evaluation date
     * @param deals                pipeline rows
     * @param checked              deals checked
     * @param flagged              deals flagged
     * @param amountAtStake        their value
     * @param flaggedWithoutAmount flagged deals without an amount
     * @param groups               the groups
     * @param insufficientData     deals that cannot be judged
     * @param errors               rows not checked
     * @param warnings             other remarks
     */
    public AuditReport {
        groups = List.copyOf(groups);
        insufficientData = List.copyOf(insufficientData);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }
}

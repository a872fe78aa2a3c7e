package io.icprules.evidence;

import java.math.BigDecimal;

/**
 * How one rule's part in an account's ledger differs between two ruleset versions. A hard filter or
 * disqualifier that fires has a 0-point line, so a filter that became unmet, or a disqualifier that
 * started firing, shows here as {@code removed} or {@code added}.
 *
 * @param rule         the rule's name
 * @param kind         {@code hard}, {@code soft}, {@code trigger}, {@code disqualifier} or {@code adjustment}
 * @param change       {@value #ADDED}, {@value #REMOVED} or {@value #POINTS}
 * @param pointsBefore its points under the old version, or null when it did not fire
 * @param pointsAfter  its points under the new version, or null when it does not fire
 * @param reason       the ledger's reason under the new version (the old one when removed)
 */
public record LedgerChange(String rule, String kind, String change, BigDecimal pointsBefore, BigDecimal pointsAfter,
                           String reason) {

    /** Fires under the new version only. */
    public static final String ADDED = "added";
    /** Fired under the old version only. */
    public static final String REMOVED = "removed";
    /** Fires under both, for different points. */
    public static final String POINTS = "points";
}

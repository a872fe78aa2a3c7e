package io.icprules.evidence;

import java.math.BigDecimal;
import java.util.List;

/**
 * An account whose result changes between two ruleset versions.
 *
 * @param line        the account's line in the accounts file
 * @param accountId   the account id
 * @param before      its state under the old version ({@code FIT A}, {@code EXCLUDED}, ... or {@code ERROR})
 * @param after       its state under the new version
 * @param scoreBefore its score under the old version, or null on an error
 * @param scoreAfter  its score under the new version, or null on an error
 * @param change      scoreAfter minus scoreBefore, or null when either is unknown
 * @param changes     the ledger lines that differ, in the new ledger's order, then the removed ones
 */
public record Mover(long line, String accountId, String before, String after, BigDecimal scoreBefore,
                    BigDecimal scoreAfter, BigDecimal change, List<LedgerChange> changes) {

    /**
     * Copies the list.
     *
     * @param line        the line
     * @param accountId   the account id
     * @param before      the old state
     * @param after       the new state
     * @param scoreBefore the old score, or null
     * @param scoreAfter  the new score, or null
     * @param change      the score change, or null
     * @param changes     the ledger changes
     */
    public Mover {
        changes = List.copyOf(changes);
    }
}

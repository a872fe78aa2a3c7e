package io.icprules.result;

/**
 * What to do with an account. When several apply, the first in this order wins:
 * {@link #DISQUALIFIED}, {@link #INSUFFICIENT_DATA}, {@link #EXCLUDED}, {@link #FIT}. The result
 * still lists everything that fired or failed.
 */
public enum Decision {
    /** Every hard filter is met, no disqualifier fired and the required data is present. */
    FIT,
    /** At least one hard filter (must-have) is not met. */
    EXCLUDED,
    /** At least one disqualifier fired: there is evidence the account must not be pursued. */
    DISQUALIFIED,
    /** A field the profile cannot be judged without is unknown, so no verdict is given. */
    INSUFFICIENT_DATA
}

package io.icprules.evidence;

import java.util.Locale;
import java.util.Optional;

/** How a deal ended, as the outcomes file's {@code outcome} column says it. */
public enum DealOutcome {
    /** Closed and won; the customer is still a customer (or it is too early to tell). */
    WON,
    /** Closed and lost. */
    LOST,
    /** Not closed yet: counts in the deal totals, not in win rates. */
    OPEN,
    /** Won, and the customer has since left. Counts as a win; retention is read from {@code retained_12m}. */
    CHURNED;

    /**
     * Parses the column's value.
     *
     * @param text {@code won}, {@code lost}, {@code open} or {@code churned}, any case, may be null
     * @return the outcome, or empty when the text is none of those
     */
    public static Optional<DealOutcome> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "won" -> Optional.of(WON);
            case "lost" -> Optional.of(LOST);
            case "open" -> Optional.of(OPEN);
            case "churned" -> Optional.of(CHURNED);
            default -> Optional.empty();
        };
    }

    /** @return the value written in the outcomes file, such as {@code won} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return true for a deal that closed, won or lost */
    public boolean isClosed() {
        return this != OPEN;
    }

    /** @return true for a deal that was won, whether or not the customer stayed */
    public boolean isWin() {
        return this == WON || this == CHURNED;
    }
}

package io.icprules.result;

import java.util.Locale;
import java.util.Optional;

/** The kinds of rule a ruleset holds, plus the adjustments the scorer adds to the ledger. */
public enum RuleKind {
    /** A must-have: the account is excluded when it does not fire. Worth no points. */
    HARD,
    /** A weighted signal: adds its points (which may be negative) when it fires. */
    SOFT,
    /** A time-bound buying event: adds points that decay with the event's age. */
    TRIGGER,
    /** An explicit exclusion: the account is disqualified when it fires. Worth no points. */
    DISQUALIFIER,
    /** Not a rule: a line the scorer adds when a group cap or the 0..100 range cuts the total. */
    ADJUSTMENT;

    /**
     * Parses the value of a rule's {@code @kind} metadata.
     *
     * @param text {@code hard}, {@code soft}, {@code trigger} or {@code disqualifier}, any case
     * @return the kind, or empty when the text names no rule kind
     */
    public static Optional<RuleKind> fromMetadata(String text) {
        if (text == null) {
            return Optional.empty();
        }
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "hard": return Optional.of(HARD);
            case "soft": return Optional.of(SOFT);
            case "trigger": return Optional.of(TRIGGER);
            case "disqualifier": return Optional.of(DISQUALIFIER);
            default: return Optional.empty();
        }
    }

    /** @return the name used in {@code @kind(...)} metadata and in outputs, such as {@code soft} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

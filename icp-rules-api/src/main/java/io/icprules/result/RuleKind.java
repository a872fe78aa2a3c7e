package io.icprules.result;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of rule a ruleset holds, plus the adjustments the scorer adds to the ledger.
 *
 * <p>Each kind says here, once, what it means: whether a rule may declare it ({@link #isRule()}),
 * whether it is worth points ({@link #scoresPoints()}), whether those points come from matched events
 * and decay with their age ({@link #scoresEvents()}), whether it excludes the account when it does not
 * fire ({@link #excludesUnlessFired()}) or disqualifies it when it does
 * ({@link #disqualifiesWhenFired()}), and how messages name it ({@link #noun()}). The compiler, scorer,
 * linter and explainer ask these rather than naming kinds.
 */
public enum RuleKind {
    /** A must-have: the account is excluded when it does not fire. Worth no points. */
    HARD("hard filter", Trait.RULE, Trait.EXCLUDES_UNLESS_FIRED),
    /** A weighted signal: adds its points (which may be negative) when it fires. */
    SOFT("soft signal", Trait.RULE, Trait.SCORES_POINTS),
    /** A time-bound buying event: adds points that decay with the event's age. */
    TRIGGER("trigger", Trait.RULE, Trait.SCORES_POINTS, Trait.SCORES_EVENTS),
    /** An explicit exclusion: the account is disqualified when it fires. Worth no points. */
    DISQUALIFIER("disqualifier", Trait.RULE, Trait.DISQUALIFIES_WHEN_FIRED),
    /** Not a rule: a line the scorer adds when a group cap or the 0..100 range cuts the total. */
    ADJUSTMENT("adjustment");

    /** What a kind does; each constant lists its own. */
    private enum Trait {
        RULE, SCORES_POINTS, SCORES_EVENTS, EXCLUDES_UNLESS_FIRED, DISQUALIFIES_WHEN_FIRED
    }

    private final String noun;
    private final boolean rule;
    private final boolean scoresPoints;
    private final boolean scoresEvents;
    private final boolean excludesUnlessFired;
    private final boolean disqualifiesWhenFired;

    RuleKind(String noun, Trait... traits) {
        Set<Trait> t = Set.of(traits);
        this.noun = noun;
        this.rule = t.contains(Trait.RULE);
        this.scoresPoints = t.contains(Trait.SCORES_POINTS);
        this.scoresEvents = t.contains(Trait.SCORES_EVENTS);
        this.excludesUnlessFired = t.contains(Trait.EXCLUDES_UNLESS_FIRED);
        this.disqualifiesWhenFired = t.contains(Trait.DISQUALIFIES_WHEN_FIRED);
    }

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
        String label = text.strip().toLowerCase(Locale.ROOT);
        for (RuleKind kind : values()) {
            if (kind.rule && kind.label().equals(label)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** @return the name used in {@code @kind(...)} metadata and in outputs, such as {@code soft} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return how messages name a rule of this kind, such as {@code hard filter} or {@code trigger}
     */
    public String noun() {
        return noun;
    }

    /**
     * @return true when a rule may declare this kind in {@code @kind(...)}; false for
     *         {@link #ADJUSTMENT}, which only the scorer writes
     */
    public boolean isRule() {
        return rule;
    }

    /**
     * @return true when a rule of this kind is worth points: it needs {@code @points} and adds them
     *         when it fires (soft signals, triggers); the other kinds score no points and ignore
     *         {@code @points}
     */
    public boolean scoresPoints() {
        return scoresPoints;
    }

    /**
     * @return true when a rule of this kind scores the events it matches (triggers): its points decay
     *         with the event's age ({@code @halfLife}), it may count every event ({@code @perEvent}),
     *         and its reason may print the event ({@code {event.type}} and the like)
     */
    public boolean scoresEvents() {
        return scoresEvents;
    }

    /** @return true when the account is excluded if a rule of this kind does not fire (hard filters) */
    public boolean excludesUnlessFired() {
        return excludesUnlessFired;
    }

    /** @return true when the account is disqualified if a rule of this kind fires (disqualifiers) */
    public boolean disqualifiesWhenFired() {
        return disqualifiesWhenFired;
    }
}

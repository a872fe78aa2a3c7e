package io.icprules.result;

import java.io.Serializable;
import java.util.Objects;

/** A rule named in a result without points: an unmet hard filter or a disqualifier that fired. */
public final class RuleNote implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String rule;
    private final String reason;

    private RuleNote(String rule, String reason) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param rule   the rule name, never null
     * @param reason readable reason, never null
     * @return the note
     */
    public static RuleNote of(String rule, String reason) {
        return new RuleNote(rule, reason);
    }

    /** @return the rule name, never null */
    public String rule() {
        return rule;
    }

    /** @return the reason in words, never null */
    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleNote && rule.equals(((RuleNote) o).rule) && reason.equals(((RuleNote) o).reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, reason);
    }

    @Override
    public String toString() {
        return rule + ": " + reason;
    }
}

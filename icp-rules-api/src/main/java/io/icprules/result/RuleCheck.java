package io.icprules.result;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A rule that did not fire for an account, and why not, in one line: which condition failed and the
 * account's value (for example {@code employees >= 100 is not met (employees: 40)}). Immutable.
 */
public final class RuleCheck implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String rule;
    private final RuleKind kind;
    private final BigDecimal points;
    private final String whyNot;

    private RuleCheck(String rule, RuleKind kind, BigDecimal points, String whyNot) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.points = Objects.requireNonNull(points, "points");
        this.whyNot = Objects.requireNonNull(whyNot, "whyNot");
    }

    /**
     * @param rule   the rule name, never null
     * @param kind   its kind, never null
     * @param points the points it declares (zero for hard filters and disqualifiers), never null
     * @param whyNot why it did not fire, never null
     * @return the check
     */
    public static RuleCheck of(String rule, RuleKind kind, BigDecimal points, String whyNot) {
        return new RuleCheck(rule, kind, points, whyNot);
    }

    /** @return the rule name, never null */
    public String rule() {
        return rule;
    }

    /** @return the rule's kind, never null */
    public RuleKind kind() {
        return kind;
    }

    /** @return the points the rule declares, never null */
    public BigDecimal points() {
        return points;
    }

    /** @return why it did not fire, in one line, never null */
    public String whyNot() {
        return whyNot;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RuleCheck)) {
            return false;
        }
        RuleCheck c = (RuleCheck) o;
        return rule.equals(c.rule) && kind == c.kind && points.equals(c.points) && whyNot.equals(c.whyNot);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, kind, points, whyNot);
    }

    @Override
    public String toString() {
        return rule + " (" + kind.label() + (points.signum() != 0 ? " " + points.toPlainString() : "") + "): " + whyNot;
    }
}

package io.icprules.result;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a result's ledger: a rule that fired and the points it actually contributed.
 *
 * <p>Points have exactly one decimal place. For a trigger they are the declared points after decay,
 * rounded half-up to one decimal, so the lines of a ledger always add up exactly to the score.
 * Hard filters and disqualifiers that fired appear with zero points, so the ledger shows everything
 * that fired.
 */
public final class LedgerLine implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String rule;
    private final RuleKind kind;
    private final BigDecimal points;
    private final BigDecimal declaredPoints;
    private final String reason;
    private final String group;
    private final String eventType;
    private final LocalDate eventDate;

    private LedgerLine(String rule, RuleKind kind, BigDecimal points, BigDecimal declaredPoints, String reason,
                       String group, String eventType, LocalDate eventDate) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.points = Objects.requireNonNull(points, "points").setScale(1, RoundingMode.HALF_UP);
        this.declaredPoints = Objects.requireNonNull(declaredPoints, "declaredPoints").setScale(1, RoundingMode.HALF_UP);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.group = group;
        this.eventType = eventType;
        this.eventDate = eventDate;
    }

    /**
     * A line for a rule that fired.
     *
     * @param rule           rule name, never null
     * @param kind           rule kind, never null
     * @param points         points awarded (rounded to one decimal), never null
     * @param declaredPoints points declared by the rule before decay, never null
     * @param reason         readable reason, never null
     * @param group          the rule's {@code @group}, or null
     * @return the line
     */
    public static LedgerLine of(String rule, RuleKind kind, BigDecimal points, BigDecimal declaredPoints,
                                String reason, String group) {
        return new LedgerLine(rule, kind, points, declaredPoints, reason, group, null, null);
    }

    /**
     * A line for a trigger rule, naming the event whose age set the decay.
     *
     * @param rule           rule name, never null
     * @param points         points after decay, never null
     * @param declaredPoints points declared by the rule, never null
     * @param reason         readable reason, never null
     * @param group          the rule's {@code @group}, or null
     * @param eventType      the matched event's type, never null
     * @param eventDate      the matched event's date, never null
     * @return the line
     */
    public static LedgerLine trigger(String rule, BigDecimal points, BigDecimal declaredPoints, String reason,
                                     String group, String eventType, LocalDate eventDate) {
        return new LedgerLine(rule, RuleKind.TRIGGER, points, declaredPoints, reason, group,
                Objects.requireNonNull(eventType, "eventType"), Objects.requireNonNull(eventDate, "eventDate"));
    }

    /**
     * An adjustment line added by the scorer (group cap or 0..100 clamp).
     *
     * @param name   what was adjusted, such as {@code cap: technology}, never null
     * @param points the (usually negative) correction, never null
     * @param reason readable reason, never null
     * @return the line
     */
    public static LedgerLine adjustment(String name, BigDecimal points, String reason) {
        return new LedgerLine(name, RuleKind.ADJUSTMENT, points, points, reason, null, null, null);
    }

    /** @return the rule name (or the adjustment's name), never null */
    public String rule() {
        return rule;
    }

    /** @return the kind, never null */
    public RuleKind kind() {
        return kind;
    }

    /** @return the points this line contributes to the score, one decimal place, never null */
    public BigDecimal points() {
        return points;
    }

    /** @return the points the rule declares, before decay; one decimal place, never null */
    public BigDecimal declaredPoints() {
        return declaredPoints;
    }

    /** @return why the rule fired, in words, never null */
    public String reason() {
        return reason;
    }

    /** @return the rule's group, when it has one */
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /** @return the matched event's type, for trigger lines */
    public Optional<String> eventType() {
        return Optional.ofNullable(eventType);
    }

    /** @return the matched event's date, for trigger lines */
    public Optional<LocalDate> eventDate() {
        return Optional.ofNullable(eventDate);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LedgerLine)) {
            return false;
        }
        LedgerLine l = (LedgerLine) o;
        return rule.equals(l.rule) && kind == l.kind && points.equals(l.points)
                && declaredPoints.equals(l.declaredPoints) && reason.equals(l.reason)
                && Objects.equals(group, l.group) && Objects.equals(eventType, l.eventType)
                && Objects.equals(eventDate, l.eventDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, kind, points, declaredPoints, reason, group, eventType, eventDate);
    }

    /** @return {@code +20.0 Rule name (soft): reason} */
    @Override
    public String toString() {
        return (points.signum() >= 0 ? "+" : "") + points.toPlainString() + " " + rule + " (" + kind.label() + "): "
                + reason;
    }
}

package io.icprules.spark;

import io.icprules.result.LedgerLine;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One ledger line as Spark stores it: a JavaBean, because Spark's bean encoder needs a no-argument
 * constructor and setters. Becomes a struct of the {@code ledger} column.
 */
public final class LedgerEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    private String rule;
    private String kind;
    private BigDecimal points;
    private BigDecimal declaredPoints;
    private String reason;
    private String group;
    private String eventType;
    private LocalDate eventDate;

    /** An empty entry, for Spark. */
    public LedgerEntry() {
    }

    /**
     * @param line a ledger line, never null
     * @return the entry holding it
     */
    public static LedgerEntry of(LedgerLine line) {
        LedgerEntry e = new LedgerEntry();
        e.rule = line.rule();
        e.kind = line.kind().name();
        e.points = line.points();
        e.declaredPoints = line.declaredPoints();
        e.reason = line.reason();
        e.group = line.group().orElse(null);
        e.eventType = line.eventType().orElse(null);
        e.eventDate = line.eventDate().orElse(null);
        return e;
    }

    /** @return the rule name, or the adjustment's name such as {@code cap: stack} */
    public String getRule() {
        return rule;
    }

    /** @param rule the rule name */
    public void setRule(String rule) {
        this.rule = rule;
    }

    /** @return {@code HARD}, {@code SOFT}, {@code TRIGGER}, {@code DISQUALIFIER} or {@code ADJUSTMENT} */
    public String getKind() {
        return kind;
    }

    /** @param kind the rule kind's name */
    public void setKind(String kind) {
        this.kind = kind;
    }

    /** @return the points this line adds to the score, one decimal place */
    public BigDecimal getPoints() {
        return points;
    }

    /** @param points the points this line adds */
    public void setPoints(BigDecimal points) {
        this.points = points;
    }

    /** @return the points the rule declares, before decay */
    public BigDecimal getDeclaredPoints() {
        return declaredPoints;
    }

    /** @param declaredPoints the points the rule declares */
    public void setDeclaredPoints(BigDecimal declaredPoints) {
        this.declaredPoints = declaredPoints;
    }

    /** @return why the rule fired, in words */
    public String getReason() {
        return reason;
    }

    /** @param reason why the rule fired */
    public void setReason(String reason) {
        this.reason = reason;
    }

    /** @return the rule's {@code @group}, or null */
    public String getGroup() {
        return group;
    }

    /** @param group the rule's group, or null */
    public void setGroup(String group) {
        this.group = group;
    }

    /** @return the matched event's type for a trigger, else null */
    public String getEventType() {
        return eventType;
    }

    /** @param eventType the matched event's type, or null */
    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    /** @return the matched event's date for a trigger, else null */
    public LocalDate getEventDate() {
        return eventDate;
    }

    /** @param eventDate the matched event's date, or null */
    public void setEventDate(LocalDate eventDate) {
        this.eventDate = eventDate;
    }
}

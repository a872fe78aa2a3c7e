package io.icprules.scoring.internal;

import io.icprules.result.RuleKind;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the scorer needs to know about one rule: its kind, points, decay, group and reason, as
 * declared in the rule's metadata, and where it is written. Immutable.
 */
public final class RuleSpec {

    private final String name;
    private final RuleKind kind;
    private final BigDecimal points;
    private final Duration halfLife;
    private final String group;
    private final ReasonTemplate reason;
    private final boolean perEvent;
    private final String file;
    private final int line;

    private RuleSpec(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.kind = Objects.requireNonNull(b.kind, "kind");
        // One decimal place, as every ledger line has, so lines can reuse the value as it is.
        this.points = (b.points == null ? BigDecimal.ZERO : b.points).setScale(1, java.math.RoundingMode.HALF_UP);
        this.halfLife = b.halfLife;
        this.group = b.group;
        this.reason = b.reason == null ? ReasonTemplate.parse(b.name) : b.reason;
        this.perEvent = b.perEvent;
        this.file = b.file == null ? "" : b.file;
        this.line = b.line;
        if (!kind.isRule()) {
            throw new IllegalArgumentException(kind + " is not a rule kind");
        }
    }

    /**
     * @param name the rule name, unique in its ruleset
     * @param kind the rule kind
     * @return a builder
     */
    public static Builder builder(String name, RuleKind kind) {
        return new Builder(name, kind);
    }

    /** @return the rule name, never null */
    public String name() {
        return name;
    }

    /** @return the kind, never null */
    public RuleKind kind() {
        return kind;
    }

    /** @return declared points with one decimal place (zero for hard filters and disqualifiers), never null */
    public BigDecimal points() {
        return points;
    }

    /** @return the half-life of a trigger's points, when it decays */
    public Optional<Duration> halfLife() {
        return Optional.ofNullable(halfLife);
    }

    /** @return the group whose total a manifest cap limits, when set */
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /** @return the reason template, never null (defaults to the rule name) */
    public ReasonTemplate reason() {
        return reason;
    }

    /** @return true when a trigger counts every matching event, not only the freshest */
    public boolean perEvent() {
        return perEvent;
    }

    /** @return the file the rule is written in, relative to the ruleset; empty when unknown */
    public String file() {
        return file;
    }

    /** @return the 1-based line of the rule, 0 when unknown */
    public int line() {
        return line;
    }

    @Override
    public String toString() {
        return "RuleSpec[" + name + ", " + kind.label() + ", " + points + (file.isEmpty() ? "" : ", " + file + ":" + line) + "]";
    }

    /** Builds a {@link RuleSpec}. */
    public static final class Builder {
        private final String name;
        private final RuleKind kind;
        private BigDecimal points;
        private Duration halfLife;
        private String group;
        private ReasonTemplate reason;
        private boolean perEvent;
        private String file;
        private int line;

        private Builder(String name, RuleKind kind) {
            this.name = name;
            this.kind = kind;
        }

        /**
         * @param points declared points, may be negative
         * @return this builder
         */
        public Builder points(BigDecimal points) {
            this.points = points;
            return this;
        }

        /**
         * @param points declared points, may be negative
         * @return this builder
         */
        public Builder points(double points) {
            return points(BigDecimal.valueOf(points));
        }

        /**
         * @param halfLife positive half-life, or null for no decay
         * @return this builder
         */
        public Builder halfLife(Duration halfLife) {
            if (halfLife != null && (halfLife.isZero() || halfLife.isNegative())) {
                throw new IllegalArgumentException("halfLife must be positive, was " + halfLife);
            }
            this.halfLife = halfLife;
            return this;
        }

        /**
         * @param group group name, or null
         * @return this builder
         */
        public Builder group(String group) {
            this.group = group;
            return this;
        }

        /**
         * @param reason reason template, or null for the rule name
         * @return this builder
         */
        public Builder reason(ReasonTemplate reason) {
            this.reason = reason;
            return this;
        }

        /**
         * @param perEvent whether a trigger counts each matching event
         * @return this builder
         */
        public Builder perEvent(boolean perEvent) {
            this.perEvent = perEvent;
            return this;
        }

        /**
         * @param file file relative to the ruleset
         * @param line 1-based line
         * @return this builder
         */
        public Builder location(String file, int line) {
            this.file = file;
            this.line = line;
            return this;
        }

        /** @return the spec */
        public RuleSpec build() {
            return new RuleSpec(this);
        }
    }
}

package io.icprules.result;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How well one account fits a profile, and why. Immutable.
 *
 * <p>The {@linkplain #ledger() ledger} has one line per rule that fired (plus adjustment lines for
 * group caps and for the 0..100 clamp), and its points add up exactly to the {@linkplain #score()
 * score}. The {@linkplain #tier() tier} follows from the score alone; the {@linkplain #decision()
 * decision} says whether to pursue the account. Always check the decision before the tier: a
 * disqualified account keeps its score and tier so that the reason can be seen.
 */
public final class FitResult implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final String accountId;
    private final BigDecimal score;
    private final String tier;
    private final Decision decision;
    private final List<LedgerLine> ledger;
    private final List<RuleNote> unmetHardFilters;
    private final List<RuleNote> disqualifiers;
    private final List<String> missingFields;
    private final RulesetInfo ruleset;
    private final LocalDate asOf;

    private FitResult(Builder b) {
        this.accountId = Objects.requireNonNull(b.accountId, "accountId");
        this.tier = Objects.requireNonNull(b.tier, "tier");
        this.decision = Objects.requireNonNull(b.decision, "decision");
        this.ruleset = Objects.requireNonNull(b.ruleset, "ruleset");
        this.asOf = Objects.requireNonNull(b.asOf, "asOf");
        this.ledger = List.copyOf(b.ledger);
        this.unmetHardFilters = List.copyOf(b.unmetHardFilters);
        this.disqualifiers = List.copyOf(b.disqualifiers);
        this.missingFields = List.copyOf(b.missingFields);
        BigDecimal sum = sumOf(ledger);
        if (sum.signum() < 0 || sum.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("ledger of " + accountId + " sums to " + sum
                    + "; a score must be within 0..100 (add a clamp adjustment line)");
        }
        this.score = sum;
        if (decision == Decision.DISQUALIFIED && disqualifiers.isEmpty()) {
            throw new IllegalArgumentException("a DISQUALIFIED result must name its disqualifiers");
        }
        if (decision == Decision.INSUFFICIENT_DATA && missingFields.isEmpty()) {
            throw new IllegalArgumentException("an INSUFFICIENT_DATA result must name the missing fields");
        }
        if (decision == Decision.EXCLUDED && unmetHardFilters.isEmpty()) {
            throw new IllegalArgumentException("an EXCLUDED result must name the unmet hard filters");
        }
    }

    /**
     * The exact sum of the lines' points, with one decimal place. Every line has one decimal place, so
     * the sum is kept as a whole number of tenths, which a double holds exactly far beyond any score;
     * a ledger of millions of results then costs no number object per line.
     */
    private static BigDecimal sumOf(List<LedgerLine> ledger) {
        long tenths = 0;
        for (LedgerLine l : ledger) {
            BigDecimal p = l.points();
            double t = p.doubleValue() * 10;
            if (p.scale() != 1 || Math.abs(t) >= 1e12) {
                return exactSum(ledger);
            }
            tenths += Math.round(t);
        }
        return BigDecimal.valueOf(tenths, 1);
    }

    private static BigDecimal exactSum(List<LedgerLine> ledger) {
        BigDecimal sum = BigDecimal.ZERO.setScale(1, RoundingMode.UNNECESSARY);
        for (LedgerLine l : ledger) {
            sum = sum.add(l.points());
        }
        return sum;
    }

    /**
     * Starts building a result. Engines build results; applications normally only read them.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the account's id, never null */
    public String accountId() {
        return accountId;
    }

    /** @return the score, 0.0 to 100.0 with one decimal place: the exact sum of the ledger; never null */
    public BigDecimal score() {
        return score;
    }

    /** @return the tier name whose cutoff the score reaches (by default A, B, C or D), never null */
    public String tier() {
        return tier;
    }

    /** @return the decision, never null */
    public Decision decision() {
        return decision;
    }

    /** @return true when the decision is {@link Decision#FIT} */
    public boolean isFit() {
        return decision == Decision.FIT;
    }

    /**
     * @return the ledger lines in ruleset order (file name, then line), adjustment lines last; never
     *         null
     */
    public List<LedgerLine> ledger() {
        return ledger;
    }

    /**
     * Finds the ledger line of a rule.
     *
     * @param rule the rule name, never null
     * @return the line, when the rule fired
     */
    public Optional<LedgerLine> line(String rule) {
        return ledger.stream().filter(l -> l.rule().equals(rule)).findFirst();
    }

    /** @return the hard filters that did not fire, by rule name; never null, empty when all were met */
    public List<RuleNote> unmetHardFilters() {
        return unmetHardFilters;
    }

    /** @return the disqualifiers that fired; never null, empty when none did */
    public List<RuleNote> disqualifiers() {
        return disqualifiers;
    }

    /** @return required fields that were unknown for this account (such as {@code employees}); never null */
    public List<String> missingFields() {
        return missingFields;
    }

    /** @return the ruleset that decided this result, never null */
    public RulesetInfo ruleset() {
        return ruleset;
    }

    /** @return the evaluation date the account was judged as of, never null */
    public LocalDate asOf() {
        return asOf;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FitResult)) {
            return false;
        }
        FitResult r = (FitResult) o;
        return accountId.equals(r.accountId) && score.equals(r.score) && tier.equals(r.tier)
                && decision == r.decision && ledger.equals(r.ledger) && unmetHardFilters.equals(r.unmetHardFilters)
                && disqualifiers.equals(r.disqualifiers) && missingFields.equals(r.missingFields)
                && ruleset.equals(r.ruleset) && asOf.equals(r.asOf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, score, tier, decision, ledger, unmetHardFilters, disqualifiers,
                missingFields, ruleset, asOf);
    }

    /** @return a multi-line, human-readable explanation: decision, score, tier and the ledger */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        sb.append(accountId).append(": ").append(decision).append(", score ").append(score.toPlainString())
                .append(", tier ").append(tier).append(" (").append(ruleset).append(", as of ").append(asOf)
                .append(")\n");
        for (LedgerLine l : ledger) {
            sb.append("  ").append(l).append('\n');
        }
        for (RuleNote n : unmetHardFilters) {
            sb.append("  unmet hard filter: ").append(n).append('\n');
        }
        for (RuleNote n : disqualifiers) {
            sb.append("  disqualified by: ").append(n).append('\n');
        }
        if (!missingFields.isEmpty()) {
            sb.append("  missing data: ").append(String.join(", ", missingFields)).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "FitResult[" + accountId + ", " + decision + ", " + score.toPlainString() + ", " + tier + "]";
    }

    /**
     * Builds a {@link FitResult}. The score is not set: it is the sum of the ledger, and
     * {@link #build()} rejects a ledger outside 0..100 and a decision without its evidence.
     */
    public static final class Builder {
        private String accountId;
        private String tier;
        private Decision decision;
        private RulesetInfo ruleset;
        private LocalDate asOf;
        private final List<LedgerLine> ledger = new ArrayList<>();
        private final List<RuleNote> unmetHardFilters = new ArrayList<>();
        private final List<RuleNote> disqualifiers = new ArrayList<>();
        private final List<String> missingFields = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param accountId the account id, never null
         * @return this builder
         */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /**
         * @param tier the tier name, never null
         * @return this builder
         */
        public Builder tier(String tier) {
            this.tier = tier;
            return this;
        }

        /**
         * @param decision the decision, never null
         * @return this builder
         */
        public Builder decision(Decision decision) {
            this.decision = decision;
            return this;
        }

        /**
         * @param ruleset the deciding ruleset, never null
         * @return this builder
         */
        public Builder ruleset(RulesetInfo ruleset) {
            this.ruleset = ruleset;
            return this;
        }

        /**
         * @param asOf the evaluation date, never null
         * @return this builder
         */
        public Builder asOf(LocalDate asOf) {
            this.asOf = asOf;
            return this;
        }

        /**
         * @param line a ledger line, never null
         * @return this builder
         */
        public Builder addLine(LedgerLine line) {
            ledger.add(Objects.requireNonNull(line, "line"));
            return this;
        }

        /**
         * @param note an unmet hard filter, never null
         * @return this builder
         */
        public Builder addUnmetHardFilter(RuleNote note) {
            unmetHardFilters.add(Objects.requireNonNull(note, "note"));
            return this;
        }

        /**
         * @param note a disqualifier that fired, never null
         * @return this builder
         */
        public Builder addDisqualifier(RuleNote note) {
            disqualifiers.add(Objects.requireNonNull(note, "note"));
            return this;
        }

        /**
         * @param field a required field that is unknown, never null
         * @return this builder
         */
        public Builder addMissingField(String field) {
            missingFields.add(Objects.requireNonNull(field, "field"));
            return this;
        }

        /**
         * @return the immutable result
         * @throws NullPointerException     when a required value is missing
         * @throws IllegalArgumentException when the ledger sums outside 0..100 or the decision lacks
         *                                  its evidence
         */
        public FitResult build() {
            return new FitResult(this);
        }
    }
}

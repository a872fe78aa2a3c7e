package io.icprules.scoring.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ruleset-wide settings of scoring, from the manifest: tier cutoffs, group caps and the fields
 * a profile cannot be judged without. Immutable.
 */
public final class ScoringPolicy {

    /** A tier and the lowest score that reaches it. */
    public static final class TierCutoff {
        private final String tier;
        private final BigDecimal minScore;

        /**
         * @param tier     tier name, never null
         * @param minScore lowest score of the tier, 0..100
         */
        public TierCutoff(String tier, BigDecimal minScore) {
            this.tier = Objects.requireNonNull(tier, "tier");
            this.minScore = Objects.requireNonNull(minScore, "minScore");
        }

        /** @return the tier name */
        public String tier() {
            return tier;
        }

        /** @return the lowest score of the tier */
        public BigDecimal minScore() {
            return minScore;
        }

        @Override
        public String toString() {
            return tier + ":" + minScore.toPlainString();
        }
    }

    /** Default cutoffs: A from 80, B from 60, C from 40, D below. */
    public static final List<TierCutoff> DEFAULT_TIERS = List.of(
            new TierCutoff("A", BigDecimal.valueOf(80)), new TierCutoff("B", BigDecimal.valueOf(60)),
            new TierCutoff("C", BigDecimal.valueOf(40)), new TierCutoff("D", BigDecimal.ZERO));

    private final List<TierCutoff> tiers;
    private final Map<String, BigDecimal> caps;
    private final List<String> requiredFields;

    private ScoringPolicy(List<TierCutoff> tiers, Map<String, BigDecimal> caps, List<String> requiredFields) {
        List<TierCutoff> sorted = new ArrayList<>(tiers);
        sorted.sort(Comparator.comparing(TierCutoff::minScore).reversed());
        if (sorted.isEmpty() || sorted.get(sorted.size() - 1).minScore().signum() != 0) {
            throw new IllegalArgumentException("the lowest tier must start at 0 so that every score has a tier");
        }
        this.tiers = Collections.unmodifiableList(sorted);
        this.caps = Collections.unmodifiableMap(new LinkedHashMap<>(caps));
        this.requiredFields = List.copyOf(requiredFields);
    }

    /**
     * @param tiers          tier cutoffs in any order; the lowest must be 0
     * @param caps           group name to the most points the group may add
     * @param requiredFields fields that must be known (see {@code Account.field})
     * @return the policy
     */
    public static ScoringPolicy of(List<TierCutoff> tiers, Map<String, BigDecimal> caps, List<String> requiredFields) {
        return new ScoringPolicy(tiers, caps, requiredFields);
    }

    /** @return a policy with default tiers, no caps and no required fields */
    public static ScoringPolicy defaults() {
        return new ScoringPolicy(DEFAULT_TIERS, Map.of(), List.of());
    }

    /** @return tier cutoffs, highest first, never null */
    public List<TierCutoff> tiers() {
        return tiers;
    }

    /** @return group caps, never null */
    public Map<String, BigDecimal> caps() {
        return caps;
    }

    /** @return required fields, never null */
    public List<String> requiredFields() {
        return requiredFields;
    }

    /**
     * @param score a score in 0..100
     * @return the tier the score reaches
     */
    public String tierOf(BigDecimal score) {
        for (int i = 0; i < tiers.size(); i++) {
            TierCutoff t = tiers.get(i);
            if (score.compareTo(t.minScore()) >= 0) {
                return t.tier();
            }
        }
        return tiers.get(tiers.size() - 1).tier();
    }
}

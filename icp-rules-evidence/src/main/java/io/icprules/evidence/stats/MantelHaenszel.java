package io.icprules.evidence.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.List;

/**
 * Whether deals with a pattern win more (or less) often than deals without it <em>of the same
 * stratum</em>, pooled over the strata: the Cochran-Mantel-Haenszel test and the Mantel-Haenszel
 * rate ratio. Used by {@code icp discover} with the strata the profile makes (decision and score
 * band), so that a pattern that only repeats what the profile already scores shows no effect.
 *
 * <p>Each stratum is a 2×2 table: {@code a} wins and {@code b} losses with the pattern, {@code c}
 * wins and {@code d} losses without; {@code n1 = a+b}, {@code n0 = c+d}, {@code m1 = a+c},
 * {@code m0 = b+d}, {@code n = n1+n0}. Strata without deals on both sides carry no information and
 * count for nothing.
 * <ul>
 *   <li>Test: {@code E = Σ n1·m1/n}, {@code V = Σ n1·n0·m1·m0/(n²(n-1))};
 *       {@code χ² = (|Σa - E| - 0.5)² / V} on 1 degree of freedom (two-sided p), and the one-sided
 *       {@code z = (Σa - E ∓ 0.5)/√V} in a given direction.</li>
 *   <li>Rate ratio: {@code RR = R/S}, {@code R = Σ a·n0/n}, {@code S = Σ c·n1/n}, with the
 *       Greenland-Robins 95% interval {@code exp(ln RR ± z·√(Σ (n1·n0·m1 - a·c·n)/n² / (R·S)))}.
 *       When {@code R} or {@code S} is 0 the logarithm is undefined; then 0.5 is added to every cell
 *       of every informative stratum, as {@link Ratio} does, and {@code corrected} says so.</li>
 * </ul>
 *
 * @param observed   wins with the pattern, Σa
 * @param expected   wins with the pattern expected from the strata's win rates, E
 * @param variance   V, 0 when no stratum is informative
 * @param pTwoSided  the two-sided p-value of the χ² test, 1 when V is 0
 * @param rateRatio  RR with its interval, or null when no stratum is informative
 */
public record MantelHaenszel(long observed, double expected, double variance, double pTwoSided, Ratio rateRatio) {

    private static final ChiSquaredDistribution CHI2 = new ChiSquaredDistribution(null, 1);
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /**
     * Pools the strata.
     *
     * @param strata one {@code {a, b, c, d}} per stratum, counts 0 or more; never null
     * @return the test and the ratio
     * @throws IllegalArgumentException when a stratum is not four counts of 0 or more
     */
    public static MantelHaenszel of(List<long[]> strata) {
        long observed = 0;
        double expected = 0;
        double variance = 0;
        boolean informative = false;
        for (long[] t : strata) {
            if (t.length != 4 || t[0] < 0 || t[1] < 0 || t[2] < 0 || t[3] < 0) {
                throw new IllegalArgumentException("a stratum is four counts of 0 or more");
            }
            double n1 = t[0] + t[1];
            double n0 = t[2] + t[3];
            double m1 = t[0] + t[2];
            double m0 = t[1] + t[3];
            double n = n1 + n0;
            if (n1 == 0 || n0 == 0) {
                continue;
            }
            informative = true;
            observed += t[0];
            expected += n1 * m1 / n;
            if (n > 1) {
                variance += n1 * n0 * m1 * m0 / (n * n * (n - 1));
            }
        }
        double p = 1;
        if (variance > 0) {
            double diff = Math.max(0, Math.abs(observed - expected) - 0.5);
            p = 1 - CHI2.cumulativeProbability(diff * diff / variance);
        }
        return new MantelHaenszel(observed, expected, variance, p, informative ? ratio(strata, 0) : null);
    }

    /**
     * The one-sided p-value in a given direction: how likely at least this many more (or this many
     * fewer) wins with the pattern than expected would be by chance.
     *
     * @param more true to test for more wins than expected, false for fewer
     * @return the p-value, 1 when V is 0
     */
    public double pOneSided(boolean more) {
        if (variance <= 0) {
            return 1;
        }
        double z = (observed - expected + (more ? -0.5 : 0.5)) / Math.sqrt(variance);
        return more ? 1 - NORMAL.cumulativeProbability(z) : NORMAL.cumulativeProbability(z);
    }

    private static Ratio ratio(List<long[]> strata, double add) {
        double r = 0;
        double s = 0;
        double v = 0;
        for (long[] t : strata) {
            if (t[0] + t[1] == 0 || t[2] + t[3] == 0) {
                continue;
            }
            double a = t[0] + add;
            double b = t[1] + add;
            double c = t[2] + add;
            double d = t[3] + add;
            double n1 = a + b;
            double n0 = c + d;
            double n = n1 + n0;
            r += a * n0 / n;
            s += c * n1 / n;
            v += (n1 * n0 * (a + c) - a * c * n) / (n * n);
        }
        if ((r == 0 || s == 0) && add == 0) {
            return ratio(strata, 0.5);
        }
        double rr = r / s;
        double se = Math.sqrt(v / (r * s));
        return new Ratio(rr, Math.exp(Math.log(rr) - Confidence.Z95 * se), Math.exp(Math.log(rr) + Confidence.Z95 * se),
                add > 0);
    }
}

package io.icprules.evidence.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Benjamini-Hochberg and Mantel-Haenszel against values worked out by hand. */
class DiscoveryStatsTest {

    @Test
    void benjaminiHochbergMatchesRsPAdjust() {
        // p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "BH"): p(i)·5/i is 0.05 for every i.
        assertThat(BenjaminiHochberg.adjust(new double[] {0.01, 0.02, 0.03, 0.04, 0.05}))
                .containsExactly(new double[] {0.05, 0.05, 0.05, 0.05, 0.05}, within(1e-12));
        // p.adjust(c(0.001, 0.008, 0.039, 0.041, 0.042, 0.060, 0.074, 0.205), "BH"):
        // p(i)·8/i = 0.008, 0.032, 0.104, 0.082, 0.0672, 0.08, 0.084571, 0.205; the running minimum
        // from the largest down gives 0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.084571, 0.205.
        // Given shuffled, the q-values come back in the input's order.
        double[] q = BenjaminiHochberg.adjust(new double[] {0.074, 0.001, 0.205, 0.041, 0.008, 0.060, 0.039, 0.042});
        assertThat(q).containsExactly(new double[] {0.074 * 8 / 7, 0.008, 0.205, 0.0672, 0.032, 0.08, 0.0672, 0.0672},
                within(1e-12));
        // p.adjust(c(0.9, 0.8), "BH"): 0.8·2/1 = 1.6 is brought down to 0.9 by the larger p-value.
        assertThat(BenjaminiHochberg.adjust(new double[] {0.9, 0.8})).containsExactly(new double[] {0.9, 0.9}, within(1e-12));
        assertThat(BenjaminiHochberg.adjust(new double[0])).isEmpty();
        assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[] {0.5, Double.NaN}))
                .hasMessageContaining("a p-value must be in 0..1");
    }

    @Test
    void oneStratumIsTheContinuityCorrectedChiSquareAndTheKatzRatio() {
        // a=10 wins, b=20 losses with; c=5, d=30 without: n1=30, n0=35, m1=15, m0=50, n=65.
        // E = 30·15/65 = 6.923077; V = 30·35·15·50/(65²·64) = 2.912352;
        // χ² = (|10 - 6.923077| - 0.5)²/V = 2.576923²/2.912352 = 2.280127, p = P(χ²₁ > 2.280127) = 0.131041.
        MantelHaenszel mh = MantelHaenszel.of(List.<long[]>of(new long[] {10, 20, 5, 30}));
        assertThat(mh.observed()).isEqualTo(10);
        assertThat(mh.expected()).isCloseTo(6.923077, within(1e-6));
        assertThat(mh.variance()).isCloseTo(2.912352, within(1e-6));
        assertThat(mh.pTwoSided()).isCloseTo(0.131041, within(1e-6));
        // One-sided z = 2.576923/√V = 1.510009: half the two-sided p in the direction seen.
        assertThat(mh.pOneSided(true)).isCloseTo(0.131041 / 2, within(1e-6));
        assertThat(mh.pOneSided(false)).isGreaterThan(0.9);
        // With one stratum the MH ratio is (10/30)/(5/35) = 2.333 and Greenland-Robins' variance
        // (n1·n0·m1 - a·c·n)/n² / (R·S) = 2.958580/(5.384615·2.307692) = 0.238095 equals Katz's
        // 1/a - 1/n1 + 1/c - 1/n0.
        Ratio katz = Ratio.katz(10, 30, 5, 35);
        assertThat(mh.rateRatio().value()).isCloseTo(7.0 / 3, within(1e-12));
        assertThat(mh.rateRatio().low()).isCloseTo(katz.low(), within(1e-9));
        assertThat(mh.rateRatio().high()).isCloseTo(katz.high(), within(1e-9));
    }

    @Test
    void strataTakeAwayAnEffectThatOnlyRepeatsWhatTheStrataSay() {
        // Both strata: the same win rate with and without (90%, then 10%); pooled without strata,
        // "with" wins 91/110 against 19/110 only because it sits mostly in the good stratum.
        MantelHaenszel mh = MantelHaenszel.of(List.of(new long[] {90, 10, 9, 1}, new long[] {1, 9, 10, 90}));
        assertThat(mh.expected()).isCloseTo(91, within(1e-9));
        assertThat(mh.pTwoSided()).isEqualTo(1.0);
        assertThat(mh.rateRatio().value()).isCloseTo(1.0, within(1e-12));
        assertThat(mh.rateRatio().low()).isLessThan(1).isPositive();
        assertThat(mh.rateRatio().high()).isGreaterThan(1);
    }

    @Test
    void noWinsWithThePatternGivesACorrectedRatioAndStrataWithOneSideCountForNothing() {
        MantelHaenszel mh = MantelHaenszel.of(List.of(new long[] {0, 30, 20, 20}, new long[] {5, 5, 0, 0}));
        assertThat(mh.observed()).isZero();
        // The second stratum has no deals without the pattern: what is left is one table, 0/30 against
        // 20/40, corrected by 0.5 in every cell exactly as Ratio.katz corrects it.
        Ratio katz = Ratio.katz(0, 30, 20, 40);
        assertThat(mh.rateRatio().corrected()).isTrue();
        assertThat(mh.rateRatio().value()).isCloseTo(katz.value(), within(1e-12));
        assertThat(mh.rateRatio().high()).isCloseTo(katz.high(), within(1e-9)).isLessThan(1);
        assertThat(mh.pTwoSided()).isLessThan(1e-4);
        MantelHaenszel none = MantelHaenszel.of(List.<long[]>of(new long[] {5, 5, 0, 0}));
        assertThat(none.pTwoSided()).isEqualTo(1.0);
        assertThat(none.rateRatio()).isNull();
        assertThatThrownBy(() -> MantelHaenszel.of(List.<long[]>of(new long[] {1, 2, 3})))
                .hasMessageContaining("four counts");
    }
}

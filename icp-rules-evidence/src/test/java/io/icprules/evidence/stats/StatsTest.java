package io.icprules.evidence.stats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The statistics against values worked out by hand from their formulas (z = 1.96). */
class StatsTest {

    private static final double EPS = 1e-6;

    @Test
    void wilsonIntervalOfThreeInTen() {
        // p = 0.3, z² = 3.8416, z²/n = 0.38416; centre = (0.3 + 0.19208) / 1.38416 = 0.355508;
        // half = 1.96 / 1.38416 × sqrt(0.3 × 0.7 / 10 + 3.8416 / 400) = 1.416021 × 0.174940 = 0.247719.
        Rate r = Rate.wilson(3, 10);
        assertThat(r.value()).isEqualTo(0.3);
        assertThat(r.low()).isCloseTo(0.107789, within(EPS));
        assertThat(r.high()).isCloseTo(0.603227, within(EPS));
        assertThat(r.successes()).isEqualTo(3);
        assertThat(r.trials()).isEqualTo(10);
    }

    @Test
    void wilsonIntervalStaysInsideZeroToOneAtTheEdges() {
        // p = 0: low = 0, high = (z²/n) / (1 + z²/n) = 0.19208 / 1.19208 = 0.161130.
        Rate none = Rate.wilson(0, 20);
        assertThat(none.low()).isEqualTo(0.0);
        assertThat(none.high()).isCloseTo(0.161130, within(EPS));
        // p = 1 mirrors it: low = 1 / 1.19208 = 0.838870, high = 1.
        Rate all = Rate.wilson(20, 20);
        assertThat(all.low()).isCloseTo(0.838870, within(EPS));
        assertThat(all.high()).isEqualTo(1.0);
    }

    @Test
    void aRateWithoutTrialsIsUnknownNotZero() {
        Rate r = Rate.wilson(0, 0);
        assertThat(r.isKnown()).isFalse();
        assertThat(r.value()).isNull();
        assertThat(r.low()).isNull();
        assertThat(r.high()).isNull();
        assertThatThrownBy(() -> Rate.wilson(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rate.wilson(-1, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void katzIntervalOfARatioOfTwo() {
        // (30/100) / (15/100) = 2; se = sqrt(1/30 - 1/100 + 1/15 - 1/100) = sqrt(0.08) = 0.282843;
        // 2 × exp(∓1.96 × 0.282843) = 2 × exp(∓0.554372) = 1.148866 and 3.481694.
        Ratio r = Ratio.katz(30, 100, 15, 100);
        assertThat(r.value()).isCloseTo(2.0, within(1e-12));
        assertThat(r.low()).isCloseTo(1.148866, within(EPS));
        assertThat(r.high()).isCloseTo(3.481694, within(EPS));
        assertThat(r.corrected()).isFalse();
    }

    @Test
    void katzAddsHalfToEachCellWhenASideHasNoSuccesses() {
        // 0 of 10 against 5 of 10 becomes 0.5 of 11 against 5.5 of 11: ratio 1/11 = 0.090909;
        // se = sqrt(2 - 1/11 + 1/5.5 - 1/11) = sqrt(2); 0.090909 × exp(∓2.771859) = 0.005686 and 1.453484.
        Ratio r = Ratio.katz(0, 10, 5, 10);
        assertThat(r.corrected()).isTrue();
        assertThat(r.value()).isCloseTo(0.090909, within(EPS));
        assertThat(r.low()).isCloseTo(0.005686, within(EPS));
        assertThat(r.high()).isCloseTo(1.453484, within(EPS));
        assertThatThrownBy(() -> Ratio.katz(1, 0, 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void medianWithOrderStatisticInterval() {
        // n = 25: z·sqrt(n)/2 = 4.9; j = floor(12.5 - 4.9) = 7, k = ceil(1 + 12.5 + 4.9) = 19.
        List<Integer> values = IntStream.rangeClosed(1, 25).map(i -> 26 - i).boxed().toList(); // unsorted on purpose
        Median m = Median.of(values);
        assertThat(m.count()).isEqualTo(25);
        assertThat(m.median()).isEqualTo(13.0);
        assertThat(m.low()).isEqualTo(7.0);
        assertThat(m.high()).isEqualTo(19.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwoAndSmallCountsGetNoInterval() {
        // n = 8: z·sqrt(8)/2 = 2.771859; j = floor(4 - 2.77) = 1, k = ceil(7.77) = 8: the extremes.
        Median eight = Median.of(new double[] {80, 10, 70, 20, 60, 30, 50, 40});
        assertThat(eight.median()).isEqualTo(45.0);
        assertThat(eight.low()).isEqualTo(10.0);
        assertThat(eight.high()).isEqualTo(80.0);
        // n = 7: j = floor(3.5 - 2.59) = 0: no interval.
        Median seven = Median.of(new double[] {1, 2, 3, 4, 5, 6, 7});
        assertThat(seven.median()).isEqualTo(4.0);
        assertThat(seven.low()).isNull();
        assertThat(seven.high()).isNull();
        Median none = Median.of(List.of());
        assertThat(none.count()).isZero();
        assertThat(none.median()).isNull();
    }
}

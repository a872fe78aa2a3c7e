package io.icprules.evidence.stats;

import java.util.Arrays;
import java.util.Collection;

/**
 * The median of some values, with a distribution-free 95% interval taken from the sorted values
 * themselves (order statistics), so that it needs no assumption about the shape of, say, deal sizes.
 *
 * <p>The interval runs from the {@code j}-th to the {@code k}-th smallest value (1-based), where
 * {@code j = floor(n/2 - z·sqrt(n)/2)} and {@code k = ceil(1 + n/2 + z·sqrt(n)/2)}: the normal
 * approximation of the binomial count of values below the median, slightly conservative. With fewer
 * than 8 values {@code j} falls below 1 and the bounds are null: the data does not allow an interval.
 * Without values everything but {@code count} is null.
 *
 * @param count  how many values there were
 * @param median the median (the mean of the two middle values when the count is even), or null
 * @param low    the lower bound of the 95% interval, or null when the count does not allow one
 * @param high   the upper bound of the 95% interval, or null when the count does not allow one
 */
public record Median(long count, Double median, Double low, Double high) {

    /**
     * Computes the median of some values.
     *
     * @param values the values, never null; none may be null
     * @return the median and its interval
     */
    public static Median of(Collection<? extends Number> values) {
        return of(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /**
     * Computes the median of some values.
     *
     * @param values the values, never null; not changed
     * @return the median and its interval
     */
    public static Median of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Median(0, null, null, null);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double spread = Confidence.Z95 * Math.sqrt(n) / 2;
        long j = (long) Math.floor(n / 2.0 - spread);
        long k = (long) Math.ceil(1 + n / 2.0 + spread);
        if (j < 1 || k > n) {
            return new Median(n, median, null, null);
        }
        return new Median(n, median, sorted[(int) j - 1], sorted[(int) k - 1]);
    }
}

package io.icprules.evidence.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini-Hochberg adjustment of p-values for many tests at once: the adjusted value (q-value) of
 * a test is the smallest false discovery rate at which it would be called significant. Calling
 * every test with {@code q <= 0.05} significant keeps the expected share of false findings among
 * them at 5% or less, for independent or positively dependent tests.
 *
 * <p>With the {@code m} p-values sorted ascending, {@code q(i) = min over j >= i of p(j)·m/j}, at most
 * 1; the same as R's {@code p.adjust(p, method = "BH")}.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /**
     * Adjusts p-values.
     *
     * @param p the p-values, each in 0..1, in any order; never null
     * @return the q-values, in the same order as {@code p}
     * @throws IllegalArgumentException when a p-value is not in 0..1
     */
    public static double[] adjust(double[] p) {
        int m = p.length;
        for (double x : p) {
            if (!(x >= 0 && x <= 1)) {
                throw new IllegalArgumentException("a p-value must be in 0..1, was " + x);
            }
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] q = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, p[i] * m / rank);
            q[i] = running;
        }
        return q;
    }
}

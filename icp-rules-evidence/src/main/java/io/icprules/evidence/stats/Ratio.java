package io.icprules.evidence.stats;

/**
 * The ratio of two rates, such as "in-ICP deals win 2.3 times as often as out-of-ICP deals", with
 * its 95% interval by the Katz log method: {@code exp(ln r ± z·sqrt(1/a - 1/n1 + 1/c - 1/n2))}.
 *
 * <p>When either side has no successes (or only successes) the logarithm is undefined; then 0.5 is
 * added to each of the four cells (successes and failures of both sides), the usual Haldane
 * correction, and {@code corrected} says so.
 *
 * @param value     the first rate divided by the second
 * @param low       the lower bound of the 95% interval
 * @param high      the upper bound of the 95% interval
 * @param corrected true when the Haldane correction was applied
 */
public record Ratio(double value, double low, double high, boolean corrected) {

    /**
     * Computes {@code (a/n1) / (c/n2)} and its Katz interval.
     *
     * @param a  successes of the first side, 0..n1
     * @param n1 trials of the first side, at least 1
     * @param c  successes of the second side, 0..n2
     * @param n2 trials of the second side, at least 1
     * @return the ratio
     * @throws IllegalArgumentException when a side has no trials or a count is out of range
     */
    public static Ratio katz(long a, long n1, long c, long n2) {
        if (n1 <= 0 || n2 <= 0 || a < 0 || c < 0 || a > n1 || c > n2) {
            throw new IllegalArgumentException("need 0 <= a <= n1, 0 <= c <= n2 and n1, n2 >= 1; got "
                    + a + "/" + n1 + " and " + c + "/" + n2);
        }
        boolean corrected = a == 0 || c == 0 || a == n1 || c == n2;
        double x = a;
        double y = c;
        double m1 = n1;
        double m2 = n2;
        if (corrected) {
            x += 0.5;
            y += 0.5;
            m1 += 1;
            m2 += 1;
        }
        double ratio = (x / m1) / (y / m2);
        double se = Math.sqrt(1 / x - 1 / m1 + 1 / y - 1 / m2);
        double log = Math.log(ratio);
        return new Ratio(ratio, Math.exp(log - Confidence.Z95 * se), Math.exp(log + Confidence.Z95 * se), corrected);
    }
}

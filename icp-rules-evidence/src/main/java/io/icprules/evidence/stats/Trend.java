package io.icprules.evidence.stats;

/**
 * A straight line through points that are each known with their own precision, such as the
 * logarithms of a ratio measured period by period: weighted least squares with weights
 * {@code 1/se²}, and a 95% interval of the slope.
 *
 * <p>{@code b = Σw(x-x̄)(y-ȳ) / Σw(x-x̄)²}, {@code a = ȳ - b·x̄} (means weighted by {@code w}). The
 * standard error of the slope is {@code sqrt(φ / Σw(x-x̄)²)}, where {@code φ = max(1, Q/(k-2))} and
 * {@code Q = Σw(y - a - b·x)²} over the {@code k} points: when the points scatter around the line more
 * than their own errors explain, the interval widens accordingly (and never narrows below what the
 * errors alone give). The interval is {@code b ± 1.96·se}.
 *
 * @param intercept  {@code a}, the fitted value at {@code x = 0}
 * @param slope      {@code b}, the change of {@code y} per unit of {@code x}
 * @param slopeLow   the lower bound of the slope's 95% interval
 * @param slopeHigh  the upper bound of the slope's 95% interval
 * @param points     how many points the line was fitted to
 * @param dispersion {@code φ}, 1 when the points scatter no more than their errors say
 */
public record Trend(double intercept, double slope, double slopeLow, double slopeHigh, int points,
                    double dispersion) {

    /**
     * Fits the line.
     *
     * @param x  the positions, at least two distinct
     * @param y  the values
     * @param se the standard error of each value, each above 0
     * @return the line
     * @throws IllegalArgumentException when the arrays differ in length, an error is not above 0, or
     *                                  the positions are all the same
     */
    public static Trend fit(double[] x, double[] y, double[] se) {
        int k = x.length;
        if (y.length != k || se.length != k) {
            throw new IllegalArgumentException("x, y and se must have the same length");
        }
        double sw = 0;
        double swx = 0;
        double swy = 0;
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            if (!(se[i] > 0) || Double.isInfinite(se[i])) {
                throw new IllegalArgumentException("standard error " + se[i] + " of point " + i + " is not above 0");
            }
            w[i] = 1 / (se[i] * se[i]);
            sw += w[i];
            swx += w[i] * x[i];
            swy += w[i] * y[i];
        }
        double mx = swx / sw;
        double my = swy / sw;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < k; i++) {
            sxx += w[i] * (x[i] - mx) * (x[i] - mx);
            sxy += w[i] * (x[i] - mx) * (y[i] - my);
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("a trend needs at least two distinct positions");
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double q = 0;
        for (int i = 0; i < k; i++) {
            double r = y[i] - a - b * x[i];
            q += w[i] * r * r;
        }
        double phi = k > 2 ? Math.max(1, q / (k - 2)) : 1;
        double half = Confidence.Z95 * Math.sqrt(phi / sxx);
        return new Trend(a, b, b - half, b + half, k, phi);
    }

    /**
     * @param x a position
     * @return the line's value there
     */
    public double at(double x) {
        return intercept + slope * x;
    }
}

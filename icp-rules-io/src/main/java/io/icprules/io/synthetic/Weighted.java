package io.icprules.io.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed set of values with relative weights, to draw realistic mixes (many small companies, few
 * large; mostly US accounts) rather than uniform ones.
 *
 * @param <T> the value type
 */
public final class Weighted<T> {

    /** An empty set; values are added with {@link #add}. */
    public Weighted() {
    }

    private final List<T> values = new ArrayList<>();
    private final List<Double> cumulative = new ArrayList<>();
    private double total;

    /**
     * Adds a value; the order of additions is part of the generator's output, keep it fixed.
     *
     * @param value  the value
     * @param weight its relative weight, positive
     * @return this set
     */
    public Weighted<T> add(T value, double weight) {
        total += weight;
        values.add(value);
        cumulative.add(total);
        return this;
    }

    /**
     * Draws a value.
     *
     * @param rnd the random sequence to draw from
     * @return a value, with the probability of its weight
     */
    public T draw(SplitMix rnd) {
        double x = rnd.nextDouble() * total;
        for (int i = 0; i < values.size(); i++) {
            if (x < cumulative.get(i)) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}

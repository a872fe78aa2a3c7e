package io.icprules.examples.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed set of values with relative weights, to draw realistic mixes (many small companies, few
 * large; mostly US accounts) rather than uniform ones.
 *
 * @param <T> the value type
 */
final class Weighted<T> {

    private final List<T> values = new ArrayList<>();
    private final List<Double> cumulative = new ArrayList<>();
    private double total;

    /** Adds a value; the order of additions is part of the generator's output, keep it fixed. */
    Weighted<T> add(T value, double weight) {
        total += weight;
        values.add(value);
        cumulative.add(total);
        return this;
    }

    T draw(SplitMix rnd) {
        double x = rnd.nextDouble() * total;
        for (int i = 0; i < values.size(); i++) {
            if (x < cumulative.get(i)) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}

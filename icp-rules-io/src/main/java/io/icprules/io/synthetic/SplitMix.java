package io.icprules.io.synthetic;

import java.util.List;

/**
 * A tiny SplitMix64 random generator. Written out here, rather than taken from the JDK, because its
 * output must never change between Java versions: the same seed must give byte-identical files on
 * every machine, today and later.
 *
 * <p>Shared by the synthetic account and deal-history generators; not thread-safe.
 */
public final class SplitMix {

    private long state;

    /**
     * Starts a sequence.
     *
     * @param seed the seed; the same seed gives the same sequence
     */
    public SplitMix(long seed) {
        this.state = seed;
    }

    /** @return the next 64 random bits */
    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return uniform in [0, 1) */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * @param bound the exclusive upper bound, positive
     * @return uniform in [0, bound)
     */
    public int nextInt(int bound) {
        return (int) (nextDouble() * bound);
    }

    /**
     * @param probability between 0 and 1
     * @return true with the given probability
     */
    public boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** @return a standard normal value (Box-Muller) */
    public double gaussian() {
        double u = 1.0 - nextDouble(); // (0, 1], so the logarithm is finite
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * nextDouble());
    }

    /**
     * @param mean the mean, small (Knuth's method)
     * @return a Poisson-distributed count with the given mean
     */
    public int poisson(double mean) {
        double limit = StrictMath.exp(-mean);
        double p = 1.0;
        int k = 0;
        while ((p *= nextDouble()) > limit) {
            k++;
        }
        return k;
    }

    /**
     * @param items the items, not empty
     * @param <T>   the item type
     * @return one element, uniformly
     */
    public <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }
}

package io.icprules.evidence.stats;

/**
 * A proportion, such as a win rate: {@code successes} out of {@code trials}, with its 95% Wilson
 * score interval.
 *
 * <p>Wilson rather than the textbook {@code p ± z·sqrt(p(1-p)/n)}: it stays inside 0..1 and keeps
 * its coverage for small counts and for rates near 0 or 1, which is where most tiers of a young
 * pipeline sit. With no trials there is no rate: {@code value}, {@code low} and {@code high} are
 * null.
 *
 * @param successes how many succeeded, 0..trials
 * @param trials    how many there were, 0 or more
 * @param value     successes / trials, or null when there were no trials
 * @param low       the lower bound of the 95% interval, or null when there were no trials
 * @param high      the upper bound of the 95% interval, or null when there were no trials
 */
public record Rate(long successes, long trials, Double value, Double low, Double high) {

    /**
     * Checks the counts.
     *
     * @param successes how many succeeded
     * @param trials    how many there were
     * @param value     the rate, or null
     * @param low       the lower bound, or null
     * @param high      the upper bound, or null
     * @throws IllegalArgumentException when the counts are negative or successes exceed trials
     */
    public Rate {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
    }

    /**
     * Computes the rate and its Wilson score interval at 95% ({@link Confidence#Z95}):
     * {@code (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)}.
     *
     * @param successes how many succeeded, 0..trials
     * @param trials    how many there were, 0 or more
     * @return the rate; without trials, a rate whose value and bounds are null
     * @throws IllegalArgumentException when the counts are negative or successes exceed trials
     */
    public static Rate wilson(long successes, long trials) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
        if (trials == 0) {
            return new Rate(0, 0, null, null, null);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Confidence.Z95 * Confidence.Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Confidence.Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // Rounding can push a bound a hair past 0 or 1 when p is 0 or 1.
        return new Rate(successes, trials, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** @return true when there were trials, so that the value and bounds are known */
    public boolean isKnown() {
        return trials > 0;
    }
}

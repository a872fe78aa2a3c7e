package io.icprules.evidence.discover;

/**
 * How {@link Discovery} searches.
 *
 * @param holdoutShare share of accounts held out to confirm what the rest suggests, above 0 and below 1
 * @param windowDays   an event counts for a deal when dated at most this many days before the deal
 *                     entered the pipeline (and not after), 1 or more
 * @param minDeals     a pattern is tested only with at least this many closed deals with it and
 *                     without it in the discovery part, 1 or more
 * @param fdr          the false discovery rate: a pattern is significant when its Benjamini-Hochberg
 *                     q-value is at most this, above 0 and below 1
 */
public record DiscoveryOptions(double holdoutShare, int windowDays, int minDeals, double fdr) {

    /** 30% of accounts held out. */
    public static final double HOLDOUT_SHARE = 0.3;
    /** Events of the 90 days before a deal entered the pipeline. */
    public static final int WINDOW_DAYS = 90;
    /** At least 20 closed deals with and without a pattern. */
    public static final int MIN_DEALS = 20;
    /** 5% false discovery rate. */
    public static final double FDR = 0.05;

    /**
     * Checks the ranges.
     *
     * @param holdoutShare share held out
     * @param windowDays   event window in days
     * @param minDeals     fewest closed deals on each side
     * @param fdr          false discovery rate
     * @throws IllegalArgumentException when a value is out of range, saying which
     */
    public DiscoveryOptions {
        if (!(holdoutShare > 0 && holdoutShare < 1)) {
            throw new IllegalArgumentException("the holdout share must be above 0 and below 1, was " + holdoutShare);
        }
        if (windowDays < 1) {
            throw new IllegalArgumentException("the event window must be 1 day or more, was " + windowDays);
        }
        if (minDeals < 1) {
            throw new IllegalArgumentException("the fewest deals must be 1 or more, was " + minDeals);
        }
        if (!(fdr > 0 && fdr < 1)) {
            throw new IllegalArgumentException("the false discovery rate must be above 0 and below 1, was " + fdr);
        }
    }

    /** @return the defaults: {@value #HOLDOUT_SHARE} held out, {@value #WINDOW_DAYS} days, {@value #MIN_DEALS} deals, {@value #FDR} */
    public static DiscoveryOptions defaults() {
        return new DiscoveryOptions(HOLDOUT_SHARE, WINDOW_DAYS, MIN_DEALS, FDR);
    }
}

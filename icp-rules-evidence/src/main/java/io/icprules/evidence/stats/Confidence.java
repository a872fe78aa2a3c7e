package io.icprules.evidence.stats;

/** The confidence level every interval of this package uses. */
public final class Confidence {

    /**
     * The standard normal quantile for a two-sided 95% interval, rounded as tables print it; the
     * figures in the reports and their tests are computed with exactly this value.
     */
    public static final double Z95 = 1.96;

    private Confidence() {
    }
}

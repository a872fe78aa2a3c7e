package io.icprules.evidence.discover;

/**
 * One pattern no rule covers, with how deals with it went in the discovery part and the holdout.
 *
 * @param pattern    the pattern as reports print it
 * @param candidate  the pattern
 * @param direction  {@value #MORE} or {@value #FEWER}: more or fewer wins with it than deals the
 *                   profile rated alike, in the discovery part
 * @param discovery  the figures in the discovery part
 * @param holdout    the figures in the holdout; its q-value is null unless the pattern was
 *                   significant in the discovery part
 * @param status     {@value #CONFIRMED}, {@value #NOT_CONFIRMED} or {@value #NOT_SIGNIFICANT}
 * @param suggestion the rule to add, for a confirmed pattern only; else null
 */
public record Finding(String pattern, Candidate candidate, String direction, PartFigures discovery,
                      PartFigures holdout, String status, Suggestion suggestion) {

    /** More wins with the pattern than expected. */
    public static final String MORE = "wins more";
    /** Fewer wins with the pattern than expected. */
    public static final String FEWER = "wins less";
    /** Significant in the discovery part and again in the holdout: a rule is suggested. */
    public static final String CONFIRMED = "confirmed on holdout";
    /** Significant in the discovery part but not in the holdout: probably chance; no rule is suggested. */
    public static final String NOT_CONFIRMED = "not confirmed on holdout";
    /** Not significant in the discovery part. */
    public static final String NOT_SIGNIFICANT = "not significant";

    /** @return true when the pattern was significant in the discovery part */
    public boolean significant() {
        return !status.equals(NOT_SIGNIFICANT);
    }
}

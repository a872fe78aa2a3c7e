package io.icprules.evidence;

import java.util.List;
import java.util.Optional;

/**
 * What a backtest found: how deals went by tier and decision, in-ICP against out-of-ICP, by score,
 * and by rule, with a plain verdict. The JSON and HTML reports print exactly these figures.
 *
 * @param ruleset              the ruleset the deals were scored with
 * @param scoredAsOf           how the evaluation date was chosen (each deal's entry date)
 * @param dealRows             data rows of the outcomes file
 * @param scored               deals scored and counted in the figures
 * @param errorCount           rows left out of the figures; each is in {@code errors}
 * @param accountsWithoutDeals accounts of the accounts file that no outcomes row names
 * @param verdict              the answer to "is the profile right?"
 * @param segments             figures per tier (fits only, best tier first), per other decision,
 *                             for in-ICP, out-of-ICP and all deals
 * @param scoreHistogram       deals and outcomes per band of 10 points
 * @param rules                every rule that fired for a closed deal, most predictive of winning first
 * @param errors               every row left out, and why
 * @param warnings             other things to know, such as event rows naming no known account
 * @param drift                the in-ICP advantage period by period and its trend, or null when not asked for
 */
public record BacktestReport(RulesetRef ruleset, String scoredAsOf, long dealRows, long scored, long errorCount,
                             long accountsWithoutDeals, Verdict verdict, List<SegmentStats> segments,
                             List<ScoreBin> scoreHistogram, List<RuleSignal> rules, List<RecordError> errors,
                             List<String> warnings, Drift drift) {

    /** The segment of deals the profile calls a fit. */
    public static final String IN_ICP = "in-ICP";
    /** The segment of every other deal. */
    public static final String OUT_OF_ICP = "out-of-ICP";
    /** The segment of all deals: the baseline lifts are measured against. */
    public static final String ALL = "all";

    /**
     * Copies the lists.
     *
     * @param ruleset              the ruleset
     * @param scoredAsOf           how the evaluation date was chosen
     * @param dealRows             rows of the outcomes file
     * @param scored               deals counted
     * @param errorCount           rows left out
     * @param accountsWithoutDeals accounts without deals
     * @param verdict              the verdict
     * @param segments             the segments
     * @param scoreHistogram       the score bands
     * @param rules                the rules
     * @param errors               the rows left out
     * @param warnings             other remarks
     * @param drift                the drift over time, or null
     */
    public BacktestReport {
        segments = List.copyOf(segments);
        scoreHistogram = List.copyOf(scoreHistogram);
        rules = List.copyOf(rules);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /**
     * A report without the drift over time.
     *
     * @param ruleset              the ruleset
     * @param scoredAsOf           how the evaluation date was chosen
     * @param dealRows             rows of the outcomes file
     * @param scored               deals counted
     * @param errorCount           rows left out
     * @param accountsWithoutDeals accounts without deals
     * @param verdict              the verdict
     * @param segments             the segments
     * @param scoreHistogram       the score bands
     * @param rules                the rules
     * @param errors               the rows left out
     * @param warnings             other remarks
     */
    public BacktestReport(RulesetRef ruleset, String scoredAsOf, long dealRows, long scored, long errorCount,
                          long accountsWithoutDeals, Verdict verdict, List<SegmentStats> segments,
                          List<ScoreBin> scoreHistogram, List<RuleSignal> rules, List<RecordError> errors,
                          List<String> warnings) {
        this(ruleset, scoredAsOf, dealRows, scored, errorCount, accountsWithoutDeals, verdict, segments,
                scoreHistogram, rules, errors, warnings, null);
    }

    /**
     * Finds a segment by name.
     *
     * @param name a tier, a decision, {@value #IN_ICP}, {@value #OUT_OF_ICP} or {@value #ALL}
     * @return the segment, or empty when no deal fell in it
     */
    public Optional<SegmentStats> segment(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** @return the tier segments, best tier first */
    public List<SegmentStats> tiers() {
        return segments.stream().filter(s -> s.kind().equals("tier")).toList();
    }
}

package io.icprules.evidence.discover;

import io.icprules.evidence.RecordError;
import io.icprules.evidence.RulesetRef;

import java.util.List;

/**
 * What {@link Discovery} found: the patterns of won and lost deals that no rule of the profile
 * covers, tested in the discovery part and confirmed (or not) in the holdout, with the rules to add
 * for the confirmed ones. The JSON report holds exactly these figures.
 *
 * @param ruleset         the profile
 * @param method          how the deals were compared, in one sentence
 * @param split           how the deals were split, in one sentence
 * @param options         the options used
 * @param dealRows        data rows of the outcomes file
 * @param closedDeals     closed deals used (won, churned or lost, with a usable account)
 * @param discoveryDeals  closed deals in the discovery part
 * @param holdoutDeals    closed deals in the holdout
 * @param candidates      patterns seen in the discovery part
 * @param tooFew          patterns left untested for too few deals with or without them
 * @param covered         patterns left untested because a rule covers them, and which
 * @param tested          patterns tested
 * @param findings        every tested pattern: confirmed first, then not confirmed, then the rest,
 *                        each group by discovery q-value
 * @param errors          rows left out, and why
 * @param warnings        other things to know
 */
public record DiscoveryReport(RulesetRef ruleset, String method, String split, DiscoveryOptions options,
                              long dealRows, long closedDeals, long discoveryDeals, long holdoutDeals,
                              long candidates, long tooFew, List<CoveredPattern> covered, long tested,
                              List<Finding> findings, List<RecordError> errors, List<String> warnings) {

    /**
     * A pattern a rule already covers.
     *
     * @param pattern the pattern
     * @param rule    the rule that covers it
     * @param how     {@code conditions on it} (read from the rule) or {@code fires for the same deals}
     */
    public record CoveredPattern(String pattern, String rule, String how) {
    }

    /**
     * Copies the lists.
     *
     * @param ruleset        the profile
     * @param method         the method
     * @param split          the split
     * @param options        the options
     * @param dealRows       rows of the outcomes file
     * @param closedDeals    closed deals used
     * @param discoveryDeals closed deals in the discovery part
     * @param holdoutDeals   closed deals in the holdout
     * @param candidates     patterns seen
     * @param tooFew         patterns with too few deals
     * @param covered        patterns covered
     * @param tested         patterns tested
     * @param findings       the findings
     * @param errors         rows left out
     * @param warnings       remarks
     */
    public DiscoveryReport {
        covered = List.copyOf(covered);
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** @return the findings significant in the discovery part, confirmed or not */
    public List<Finding> significant() {
        return findings.stream().filter(Finding::significant).toList();
    }

    /** @return the confirmed findings, each with its suggested rule */
    public List<Finding> suggestions() {
        return findings.stream().filter(f -> f.suggestion() != null).toList();
    }
}

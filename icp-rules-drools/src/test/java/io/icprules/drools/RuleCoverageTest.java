package io.icprules.drools;

import io.icprules.drools.analysis.RuleCoverage;
import io.icprules.engine.RulesetSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What a ruleset's rules condition on, as {@code icp discover} leaves it untested. */
class RuleCoverageTest {

    private static RuleCoverage coverage(String rules) {
        return RuleCoverage.of(TestRulesets.manifest("name=c\nversion=1\n").drl("r.drl", rules).source());
    }

    @Test
    void aTestOfNamedValuesCoversThoseValuesAndAnyOtherTestTheWholeField() {
        RuleCoverage c = coverage(""
                + "rule \"Stack\" @kind(soft) @points(5)\n"
                + "when Account( technologies contains \"Toast\" || technologies contains \"Square\" ) then end\n"
                + "rule \"Cloud\" @kind(soft) @points(5)\nwhen Account( attributes[\"pos_category\"] == \"cloud\" ) then end\n"
                + "rule \"Verticals\" @kind(soft) @points(5)\nwhen Account( industry in (\"Retail\", \"grocery\") ) then end\n"
                + "rule \"Not US\" @kind(soft) @points(-5)\nwhen Account( country != \"US\" ) then end\n"
                + "rule \"Union\" @kind(soft) @points(-5)\nwhen Account( attributes[\"unionized\"] == true ) then end\n"
                + "rule \"Size\" @kind(soft) @points(5)\nwhen Account( $n : employees, employees >= 50 ) then end\n"
                + "rule \"Funding\" @kind(trigger) @points(5)\nwhen Event( type == \"funding_round\", daysAgo <= 90 ) then end\n");

        assertThat(c.coveringRule("technologies", "Toast")).contains("Stack");
        assertThat(c.coveringRule("technologies", "square")).contains("Stack");
        assertThat(c.coveringRule("technologies", "Stripe")).isEmpty();
        assertThat(c.coveringRule("attributes.pos_category", "cloud")).contains("Cloud");
        assertThat(c.coveringRule("attributes.pos_category", "on_prem")).isEmpty();
        // Values are compared ignoring case, as an author who wrote "Retail" meant retail.
        assertThat(c.coveringRule("industry", "retail")).contains("Verticals");
        assertThat(c.coveringRule("industry", "healthcare")).isEmpty();
        // != names a value but tests every other one too.
        assertThat(c.coveringRule("country", "DE")).contains("Not US");
        assertThat(c.coveringRule("attributes.unionized", "false")).contains("Union");
        assertThat(c.coveringRule("employees", null)).contains("Size");
        assertThat(c.coveringRule("annualRevenue", null)).isEmpty();
        assertThat(c.coveringRule(RuleCoverage.EVENT_TYPE, "funding_round")).contains("Funding");
        assertThat(c.coveringRule(RuleCoverage.EVENT_TYPE, "merger")).isEmpty();
    }

    @Test
    void aHardFilterCoversItsWholeFieldAndAnUntypedEventEveryType() {
        RuleCoverage c = coverage(""
                + "rule \"Countries\" @kind(hard)\nwhen Account( country in (\"US\", \"CA\") ) then end\n"
                + "rule \"Any news\" @kind(trigger) @points(3)\nwhen Event( daysAgo <= 30 ) then end\n"
                + "rule \"Blocked\" @kind(disqualifier)\nwhen not Account( industry == \"retail\" ) then end\n");
        // A value the filter leaves out is excluded already: a signal on it could never count.
        assertThat(c.coveringRule("country", "DE")).contains("Countries");
        assertThat(c.coveringRule(RuleCoverage.EVENT_TYPE, "merger")).contains("Any news");
        assertThat(c.coveringRule("industry", "retail")).contains("Blocked");
        assertThat(c.coveringRule("industry", "software")).isEmpty();
        assertThat(c.covered()).extracting(RuleCoverage.Covered::rule).containsExactly("Countries", "Any news", "Blocked");
    }

    @Test
    void theExampleProfileCoversItsOwnSignalsButNotEverything() {
        RuleCoverage c = RuleCoverage.of(RulesetSource.fromDirectory(
                Path.of("../icp-rules-examples/rulesets/workforce-scheduling")));
        assertThat(c.coveringRule("technologies", "Gusto")).contains("Payroll we sync with");
        assertThat(c.coveringRule("attributes.locations", null)).isEqualTo(Optional.of("More than one location"));
        assertThat(c.coveringRule("attributes.scheduling_tool", "paper")).contains("Rota on spreadsheets or paper");
        assertThat(c.coveringRule("attributes.scheduling_tool", "in_house")).isEmpty();
        assertThat(c.coveringRule(RuleCoverage.EVENT_TYPE, "exec_hire")).contains("New head of operations");
        assertThat(c.coveringRule(RuleCoverage.EVENT_TYPE, "merger")).isEmpty();
        assertThat(c.coveringRule("technologies", "Stripe")).isEmpty();
        assertThat(c.coveringRule("foundedYear", null)).isEmpty();
    }
}

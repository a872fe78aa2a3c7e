package io.icprules.drools;

import io.icprules.drools.analysis.Linter;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.error.RulesetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LinterTest {

    static List<Diagnostic> lint(String manifest, String rules, Linter.Usage usage) {
        return Linter.lint(TestRulesets.manifest(manifest).drl("r.drl", rules).source(), usage);
    }

    static List<String> messages(List<Diagnostic> d) {
        return d.stream().map(Diagnostic::toString).toList();
    }

    @Test
    void findsWhatACompilingRulesetGetsWrong() {
        String rules = ""
                + "rule \"Mid-market\" @kind(hard)\nwhen Account( employees >= 100, employees <= 500 ) then end\n"        // 5
                + "rule \"Tiny shops\" @kind(soft) @points(10)\nwhen Account( employees < 50 ) then end\n"                 // rule on line 7
                + "rule \"Competitor\" @kind(disqualifier)\nwhen Account( technologies contains \"CompetitorX\" ) then end\n" // 9
                + "rule \"Competitor power user\" @kind(soft) @points(5)\n"
                + "when Account( technologies contains \"CompetitorX\", employees > 200 ) then end\n"                     // 11
                + "rule \"Band A\" @kind(soft) @points(5) activation-group \"size\" salience 1\n"
                + "when Account( employees >= 50, employees <= 200 ) then end\n"                                           // 14
                + "rule \"Band B\" @kind(soft) @points(8) activation-group \"size\" salience 1\n"
                + "when Account( employees >= 150, employees <= 300 ) then end\n"                                          // 16
                + "rule \"Band C\" @kind(soft) @points(9) activation-group \"size\" salience 3\n"
                + "when Account( employees >= 400 ) then end\n"                                                            // 18
                + "rule \"Huge\" @kind(soft) @points(60)\nwhen Account( industry == \"Retail\" ) then end\n"               // 20
                + "rule \"Nothing\" @kind(soft) @points(0)\nwhen Account( region == \"EMEA\" ) then end\n"                 // 22
                + "rule \"Forever\" @kind(trigger) @points(10)\nwhen Event( type == \"fundng_round\" ) then end\n"         // 24
                + "rule \"Locations\" @kind(soft) @points(5)\nwhen Account( attributes[\"locatons\"] > 3 ) then end\n"     // 26
                + "rule \"No champion\" @kind(soft) @points(-3)\nwhen not Contact( role == \"champion\" ) then end\n";     // 28
        List<String> m = messages(lint("name=l\nversion=1\n", rules,
                new Linter.Usage(Set.of("funding_round"), Set.of("locations"))));
        assertThat(m).contains(
                "r.drl:7:0: warning: rule \"Tiny shops\" can only fire when hard filter \"Mid-market\" fails (employees in (-inf, 50) vs employees in [100, 500]): its points never count for a fit",
                "r.drl:11:0: warning: rule \"Competitor power user\" can only fire when disqualifier \"Competitor\" fires: its points never count for a fit",
                "r.drl:15:0: warning: rule \"Band B\" has the same salience (1) as \"Band A\" in activation-group \"size\": when both match, which one counts is not defined",
                "r.drl:17:0: warning: activation-group \"size\" leaves a gap in employees between \"Band B\" (up to 300) and \"Band C\" (from 400): accounts in between get none of its points",
                "r.drl:19:0: warning: rule \"Huge\" is worth 60.0 points; more than 40 either way lets one signal decide the tier alone",
                "r.drl:21:0: warning: rule \"Nothing\" is worth 0 points",
                "r.drl:23:0: warning: trigger \"Forever\" has neither a window (daysAgo <= N) nor a @halfLife: an event from years ago counts in full",
                "r.drl:24:0: warning: rule \"Forever\": event type \"fundng_round\" appears in no data or case file (a typo?)",
                "r.drl:26:0: warning: rule \"Locations\": attribute \"locatons\" appears in no data or case file (a typo?)");
        assertThat(m).anySatisfy(s -> assertThat(s).startsWith("r.drl:27:0: info: rule \"No champion\" can match without any fact"));
        assertThat(m).noneSatisfy(s -> assertThat(s).contains("\"Band A\" (up to 200) and \"Band B\""));
    }

    @Test
    void missingKindsOfRulesAreReported() {
        List<String> m = messages(lint("name=l\nversion=1\n", "rule \"S\" @kind(soft) @points(5)\nwhen Account() then end\n",
                Linter.Usage.none()));
        assertThat(m).contains(
                "ruleset.properties:0:0: warning: the ruleset has no hard filter: every account passes as a fit; an ICP without must-haves is usually too broad",
                "ruleset.properties:0:0: warning: the ruleset has no disqualifier: lost deals and churned customers usually show who not to sell to");
    }

    @Test
    void adjacentBandsWithDistinctSalienceAreClean() {
        List<String> m = messages(lint("name=l\nversion=1\n", ""
                + "rule \"H\" @kind(hard)\nwhen Account( employees > 0 ) then end\n"
                + "rule \"D\" @kind(disqualifier)\nwhen Account( industry == \"Gambling\" ) then end\n"
                + "rule \"B1\" @kind(soft) @points(5) activation-group \"s\" salience 1\nwhen Account( employees >= 50, employees < 150 ) then end\n"
                + "rule \"B2\" @kind(soft) @points(8) activation-group \"s\" salience 2\nwhen Account( employees >= 150, employees <= 500 ) then end\n"
                + "rule \"B3\" @kind(soft) @points(9) activation-group \"s\" salience 3\nwhen Account( employees > 500 ) then end\n"
                + "rule \"T\" @kind(trigger) @points(9) @halfLife(P30D)\nwhen Event( type == \"merger\" ) then end\n",
                new Linter.Usage(Set.of("merger"), Set.of())));
        assertThat(m).isEmpty();
    }

    @Test
    void aRulesetThatDoesNotCompileIsReportedAsSuch() {
        assertThatThrownBy(() -> lint("name=l\nversion=1\n", "rule \"X\" @kind(soft)\nwhen Account() then end\n", Linter.Usage.none()))
                .isInstanceOf(RulesetException.class).hasMessageContaining("needs @points");
    }

    /** One path: a rule file that scoring refuses is refused by lint too, with the same diagnostics. */
    @ParameterizedTest
    @ValueSource(strings = {
            "then System.exit(0); end",
            "then java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")); end",
            "then getClass().forName(\"java.lang.Runtime\"); end"})
    void lintRefusesWhatScoringRefuses(String consequence) {
        RulesetSource folder = RulesetSource.of("folder", false, Map.of(
                "ruleset.properties", "name=t\nversion=1\n",
                "r.drl", TestRulesets.HEADER + "rule \"Bad\" @kind(soft) @points(1)\nwhen Account() " + consequence + "\n"));
        RulesetException scoring = catchThrowableOfType(
                RulesetException.class,
                () -> IcpRules.builder().ruleset(folder).build());
        RulesetException lint = catchThrowableOfType(
                RulesetException.class,
                () -> Linter.lint(folder, Linter.Usage.none()));
        assertThat(scoring).isNotNull();
        assertThat(lint).as("lint must refuse what scoring refuses").isNotNull();
        assertThat(lint.diagnostics()).isEqualTo(scoring.diagnostics());
    }
}

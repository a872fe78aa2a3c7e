package io.icprules.evidence.discover;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.evidence.stats.Rate;
import io.icprules.evidence.stats.Ratio;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Event;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of suggested rule compiles, added to the example ruleset, with the real engine in
 * restricted mode, and fires for exactly the accounts the pattern describes.
 */
class SuggestedRulesTest {

    private static final LocalDate ENTERED = LocalDate.of(2026, 6, 1);
    private static final Ratio MORE = new Ratio(2.0, 1.5, 2.6, false);
    private static final Ratio LESS = new Ratio(0.7, 0.55, 0.9, false);
    private static final Ratio FAR_LESS = new Ratio(0.3, 0.2, 0.45, false);

    private record Case(Candidate candidate, Ratio lift, String kind) {
    }

    private static final List<Case> CASES = List.of(
            new Case(new Candidate(Candidate.Kind.VALUE, "industry", "healthcare", null, null, false, 0), MORE, "soft"),
            new Case(new Candidate(Candidate.Kind.VALUE, "attributes.owner", "O\"Brien \\ {co}", null, null, false, 0),
                    MORE, "soft"),
            new Case(new Candidate(Candidate.Kind.FLAG, "attributes.has_it_director", "true", null, null, false, 0), LESS,
                    "soft"),
            new Case(new Candidate(Candidate.Kind.TECHNOLOGY, "technologies", "Stripe", null, null, false, 0), FAR_LESS,
                    "disqualifier"),
            new Case(new Candidate(Candidate.Kind.BAND, "foundedYear", null, 2000.0, 2010.0, true, 0), MORE, "soft"),
            new Case(new Candidate(Candidate.Kind.BAND, "attributes.staff_turnover", null, 0.35, 0.6, false, 0), LESS,
                    "soft"),
            new Case(new Candidate(Candidate.Kind.BAND, "annualRevenue", null, null, 5_000_000_000.0, true, 0), FAR_LESS,
                    "hard"),
            new Case(new Candidate(Candidate.Kind.BAND, "attributes.locations", null, 50.0, null, true, 0), FAR_LESS,
                    "hard"),
            new Case(new Candidate(Candidate.Kind.BAND, "attributes.hourly_share", null, 0.4, 0.8, false, 0), FAR_LESS,
                    "disqualifier"),
            new Case(new Candidate(Candidate.Kind.EVENT, "event.type", "merger", null, null, false, 90), MORE, "trigger"),
            new Case(new Candidate(Candidate.Kind.EVENT, "event.type", "product_launch", null, null, false, 90), LESS,
                    "soft"),
            new Case(new Candidate(Candidate.Kind.EVENT, "event.type", "competitor_displacement", null, null, false, 30),
                    FAR_LESS, "disqualifier"));

    private static PartFigures figures() {
        return new PartFigures(40, 400, Rate.wilson(20, 40), Rate.wilson(80, 400), 20, 10, MORE, 0.001, 0.01);
    }

    private static List<AccountFacts> accounts() {
        Account.Builder base = Account.builder("a").industry("retail").employees(120).country("US")
                .attribute("locations", 12L).attribute("hourly_share", 0.85);
        return List.of(
                AccountFacts.of(base.build(), List.of(), List.of()),
                AccountFacts.of(Account.builder("b").industry("healthcare").foundedYear(2005).annualRevenue(9_000_000_000L)
                        .technology("Stripe").attribute("owner", "O\"Brien \\ {co}").attribute("has_it_director", true)
                        .attribute("staff_turnover", 0.4).attribute("locations", 50L).attribute("hourly_share", 0.4)
                        .build(), List.of(
                        Event.builder("merger", ENTERED.minusDays(90)).build(),
                        Event.builder("product_launch", ENTERED.minusDays(10)).build(),
                        Event.builder("competitor_displacement", ENTERED.minusDays(31)).build()), List.of()),
                AccountFacts.of(Account.builder("c").industry("Healthcare").foundedYear(2010).annualRevenue(4_999_999_999L)
                        .attribute("has_it_director", false).attribute("staff_turnover", 0.6).attribute("locations", 49L)
                        .attribute("hourly_share", 0.79).build(), List.of(
                        Event.builder("merger", ENTERED.minusDays(91)).build(),
                        Event.builder("product_launch", ENTERED.plusDays(1)).build(),
                        Event.builder("competitor_displacement", ENTERED.minusDays(30)).build()), List.of()));
    }

    @Test
    void everyKindOfSuggestionCompilesAndFiresExactlyForThePattern() {
        Path examples = Path.of("../icp-rules-examples/rulesets/workforce-scheduling");
        Map<String, String> files = new LinkedHashMap<>(RulesetSource.fromDirectory(examples).files());
        StringBuilder discovered = new StringBuilder("package icp.workforce;\n\nimport io.icprules.fact.Account;\n"
                + "import io.icprules.fact.Event;\n");
        Map<String, Case> byRule = new LinkedHashMap<>();
        for (Case c : CASES) {
            Suggestion s = SuggestedRules.suggest(c.candidate(), c.lift(), figures(), figures());
            assertThat(s.kind()).as(c.candidate().label()).isEqualTo(c.kind());
            assertThat(s.points() != null).isEqualTo(c.kind().equals("soft") || c.kind().equals("trigger"));
            if (s.points() != null) {
                assertThat(s.points()).isBetween(-20, 20).isNotZero();
                assertThat(s.points() > 0).isEqualTo(c.lift().value() > 1);
            }
            assertThat(s.drl()).startsWith("// icp discover: ").contains("@kind(" + c.kind() + ")");
            discovered.append('\n').append(s.drl());
            byRule.put(s.rule(), c);
        }
        assertThat(byRule).hasSize(CASES.size());
        files.put("discovered.drl", discovered.toString());

        // Compiled as a folder's rules are: restricted mode, every rule kind and metadata checked.
        try (FitEngine engine = IcpRules.builder().ruleset(RulesetSource.of("examples+discovered", false, files)).build()) {
            assertThat(engine.warnings()).isEmpty();
            assertThat(engine.ruleset().ruleNames()).containsAll(byRule.keySet());
            for (AccountFacts facts : accounts()) {
                FitResult r = engine.evaluate(facts, ENTERED);
                List<String> fired = r.ledger().stream().map(LedgerLine::rule).toList();
                byRule.forEach((rule, c) -> {
                    boolean has = c.candidate().matches(facts.account(), facts.events(), ENTERED);
                    // A hard filter is written as the requirement: it fires where the pattern is absent.
                    boolean expected = c.kind().equals("hard") != has;
                    assertThat(fired.contains(rule)).as("%s for account %s", rule, facts.accountId()).isEqualTo(expected);
                });
            }
        }
    }

    @Test
    void pointsFollowTheLiftAndTheReasonHasNoPlaceholders() {
        Candidate stripe = new Candidate(Candidate.Kind.TECHNOLOGY, "technologies", "Stripe", null, null, false, 0);
        assertThat(SuggestedRules.suggest(stripe, new Ratio(1.3, 1.1, 1.6, false), figures(), figures()).points()).isEqualTo(5);
        assertThat(SuggestedRules.suggest(stripe, MORE, figures(), figures()).points()).isEqualTo(10);
        assertThat(SuggestedRules.suggest(stripe, new Ratio(3.0, 2.0, 4.0, false), figures(), figures()).points()).isEqualTo(15);
        assertThat(SuggestedRules.suggest(stripe, new Ratio(9.0, 5.0, 12.0, false), figures(), figures()).points()).isEqualTo(20);
        assertThat(SuggestedRules.suggest(stripe, new Ratio(0.5, 0.4, 0.7, false), figures(), figures()).points()).isEqualTo(-10);
        Candidate braces = new Candidate(Candidate.Kind.VALUE, "industry", "{industry}", null, null, false, 0);
        assertThat(SuggestedRules.suggest(braces, MORE, figures(), figures()).drl())
                .contains("@reason(\"industry = (industry): such deals won 2.00x")
                .contains("Account( industry == \"{industry}\" )");
    }
}

package io.icprules.evidence.discover;

import io.icprules.drools.analysis.RuleCoverage;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.evidence.AccountBook;
import io.icprules.evidence.Deal;
import io.icprules.evidence.DealOutcome;
import io.icprules.evidence.DealRecord;
import io.icprules.evidence.report.DiscoveryReports;
import io.icprules.evidence.synthetic.SyntheticHistory;
import io.icprules.io.AccountRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On a synthetic history where accounts using Stripe (a technology no rule of the example profile
 * reads) win twice as often, discovery finds Stripe, confirms it on the holdout and suggests a soft
 * signal; with the same deals' outcomes shuffled it suggests nothing.
 */
class DiscoveryTest {

    private static final Path RULES = Path.of("../icp-rules-examples/rulesets/workforce-scheduling");
    private static final LocalDate ANCHOR = LocalDate.of(2026, 11, 1);
    private static final int DEALS = 4000;
    private static final long SEED = 19;

    private static FitEngine engine;
    private static Coverage coverage;
    private static List<SyntheticHistory.HistoryDeal> history;
    private static AccountBook accounts;

    @BeforeAll
    static void generate() {
        engine = IcpRules.fromDirectory(RULES);
        coverage = RuleCoverage.of(RulesetSource.fromDirectory(RULES))::coveringRule;
        history = SyntheticHistory.generate(engine, DEALS, SEED, ANCHOR, new SyntheticHistory.Signal("Stripe", 2.0));
        List<AccountRecord> records = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            records.add(AccountRecord.ok(i + 2, history.get(i).facts()));
        }
        accounts = AccountBook.of("accounts.csv", records, List.of());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static List<DealRecord> records(List<Deal> deals) {
        List<DealRecord> out = new ArrayList<>();
        for (int i = 0; i < deals.size(); i++) {
            out.add(DealRecord.ok(i + 2, deals.get(i)));
        }
        return out;
    }

    private static List<Deal> historyDeals() {
        return history.stream().map(SyntheticHistory.HistoryDeal::deal).toList();
    }

    @Test
    void findsThePlantedSignalConfirmsItAndSuggestsASignalThatCompiles() {
        DiscoveryReport r = Discovery.run(engine, accounts, records(historyDeals()), coverage, DiscoveryOptions.defaults());
        assertThat(r.errors()).isEmpty();
        assertThat(r.closedDeals()).isEqualTo(r.discoveryDeals() + r.holdoutDeals());
        assertThat((double) r.holdoutDeals() / r.closedDeals()).isBetween(0.25, 0.35);

        // The planted signal, and only it: nothing the profile already scores comes back.
        assertThat(r.suggestions()).extracting(Finding::pattern).containsExactly("technologies contains Stripe");
        Finding stripe = r.suggestions().get(0);
        assertThat(stripe.status()).isEqualTo(Finding.CONFIRMED);
        assertThat(stripe.direction()).isEqualTo(Finding.MORE);
        assertThat(stripe.discovery().q()).isLessThan(0.001);
        assertThat(stripe.holdout().q()).isLessThan(0.05);
        // Planted: twice the win probability of a deal the profile rated alike.
        assertThat(2.0).isBetween(stripe.discovery().lift().low(), stripe.discovery().lift().high());
        assertThat(stripe.discovery().winRateWith().value()).isGreaterThan(stripe.discovery().winRateWithout().value());
        assertThat(stripe.suggestion().kind()).isEqualTo("soft");
        assertThat(stripe.suggestion().points()).isEqualTo(10);
        assertThat(stripe.suggestion().drl()).contains("Account( technologies contains \"Stripe\" )");

        // What the profile reads is covered, by reading the rules: its POS list, its rota values, its events.
        assertThat(r.covered()).extracting(DiscoveryReport.CoveredPattern::pattern)
                .contains("technologies contains Toast", "attributes.scheduling_tool = paper",
                        "industry = healthcare", "event exec_hire within 90 days before entry")
                .doesNotContain("technologies contains Stripe");
        assertThat(r.covered()).filteredOn(c -> c.pattern().equals("technologies contains Toast"))
                .extracting(DiscoveryReport.CoveredPattern::rule).containsExactly("POS with a native integration");
        assertThat(r.tested()).isEqualTo(r.findings().size()).isGreaterThan(20);

        // Pasted into the profile, the suggested rule compiles and fires for accounts using Stripe.
        Map<String, String> files = new LinkedHashMap<>(RulesetSource.fromDirectory(RULES).files());
        files.put("discovered.drl", "package icp.workforce;\nimport io.icprules.fact.Account;\n"
                + "import io.icprules.fact.Event;\n\n" + stripe.suggestion().drl());
        try (FitEngine amended = IcpRules.builder().ruleset(RulesetSource.of("amended", false, files)).build()) {
            for (SyntheticHistory.HistoryDeal h : history.subList(0, 300)) {
                boolean fired = amended.evaluate(h.facts(), h.deal().enteredPipeline()).ledger().stream()
                        .anyMatch(l -> l.rule().equals(stripe.suggestion().rule()));
                assertThat(fired).isEqualTo(h.facts().account().getTechnologies().contains("Stripe"));
            }
        }
        assertThat(DiscoveryReports.text(r)).contains("1  technologies contains Stripe", Finding.CONFIRMED,
                "Suggested rules:", "rule \"Discovered: technologies contains Stripe\"");
    }

    @Test
    void suggestsNothingOnShuffledOutcomes() {
        // Each deal keeps its account and entry date but takes another deal's result.
        List<Deal> originals = historyDeals();
        List<Deal> donors = new ArrayList<>(originals);
        Collections.shuffle(donors, new Random(SEED));
        List<Deal> shuffled = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            Deal d = originals.get(i);
            Deal o = donors.get(i);
            shuffled.add(new Deal(d.dealId(), d.accountId(), d.enteredPipeline(), o.outcome(), null, o.amount(),
                    o.cycleDays(), o.retained12m(), o.expansion()));
        }
        DiscoveryReport r = Discovery.run(engine, accounts, records(shuffled), coverage, DiscoveryOptions.defaults());
        assertThat(r.tested()).isGreaterThan(20);
        assertThat(r.significant()).isEmpty();
        assertThat(r.suggestions()).isEmpty();
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.discovery().q()).isGreaterThan(0.05));
        assertThat(DiscoveryReports.text(r)).contains("No pattern that no rule covers is significant at a 5% false "
                + "discovery rate: nothing to suggest.").doesNotContain("Suggested rules");
    }

    @Test
    void aPatternOnlyTheDiscoveryPartShowsIsNotConfirmedAndNotSuggested() {
        // Slack users win far more often, but only among the accounts of the discovery part: a
        // pattern of those accounts alone, as chance would make it.
        Random rnd = new Random(SEED);
        List<Deal> deals = new ArrayList<>();
        for (SyntheticHistory.HistoryDeal h : history) {
            Deal d = h.deal();
            boolean luck = d.outcome().isClosed() && h.facts().account().getTechnologies().contains("Slack")
                    && !HoldoutSplit.isHoldout(d.accountId(), DiscoveryOptions.HOLDOUT_SHARE) && rnd.nextDouble() < 0.5;
            deals.add(luck ? new Deal(d.dealId(), d.accountId(), d.enteredPipeline(), DealOutcome.WON, d.closeDate(),
                    d.amount(), d.cycleDays(), null, null) : d);
        }
        DiscoveryReport r = Discovery.run(engine, accounts, records(deals), coverage, DiscoveryOptions.defaults());
        Finding slack = r.findings().stream().filter(f -> f.pattern().equals("technologies contains Slack"))
                .findFirst().orElseThrow();
        assertThat(slack.discovery().q()).isLessThan(0.001);
        assertThat(slack.status()).isEqualTo(Finding.NOT_CONFIRMED);
        assertThat(slack.suggestion()).isNull();
        assertThat(slack.holdout().q()).isGreaterThan(0.05);
        assertThat(r.suggestions()).extracting(Finding::pattern).containsExactly("technologies contains Stripe");
        assertThat(DiscoveryReports.text(r)).contains("technologies contains Slack", Finding.NOT_CONFIRMED)
                .doesNotContain("rule \"Discovered: technologies contains Slack\"");
    }

    @Test
    void theSplitIsByAccountDeterministicAndNearTheShare() {
        long held = 0;
        for (int i = 0; i < 10_000; i++) {
            String id = "acc-" + i;
            boolean h = HoldoutSplit.isHoldout(id, 0.3);
            assertThat(HoldoutSplit.isHoldout(id, 0.3)).isEqualTo(h);
            assertThat(HoldoutSplit.position(id)).isGreaterThanOrEqualTo(0).isLessThan(1);
            held += h ? 1 : 0;
        }
        assertThat(held).isBetween(2_850L, 3_150L);
        // Fixed by the id alone: the same on every machine and run.
        assertThat(HoldoutSplit.position("acc-0000001")).isEqualTo(HoldoutSplit.position("acc-0000001"));
        assertThatThrownBy(() -> new DiscoveryOptions(1.0, 90, 20, 0.05)).hasMessageContaining("holdout share");
    }
}

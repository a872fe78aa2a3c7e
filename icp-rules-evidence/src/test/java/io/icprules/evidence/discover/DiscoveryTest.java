package io.icprules.evidence.discover;

import io.icprules.drools.analysis.RuleCoverage;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.evidence.AccountBook;
import io.icprules.evidence.Deal;
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
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void findsThePlantedSignal() {
        DiscoveryReport r = Discovery.run(engine, accounts, records(history.stream().map(SyntheticHistory.HistoryDeal::deal)
                .toList()), coverage, DiscoveryOptions.defaults());
        System.out.println(DiscoveryReports.text(r));
        assertThat(r.suggestions()).extracting(Finding::pattern).contains("technologies contains Stripe");
    }

    @Test
    void suggestsNothingOnShuffledOutcomes() {
        List<Deal> originals = history.stream().map(SyntheticHistory.HistoryDeal::deal).toList();
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
        System.out.println(DiscoveryReports.text(r));
        assertThat(r.suggestions()).isEmpty();
    }
}

package io.icprules.drools;

import io.icprules.engine.FitEngine;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;
import io.icprules.result.FitResult;
import io.icprules.result.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** One engine shared by many threads gives exactly the results of a sequential run. */
class ConcurrencyTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    static FitEngine engine;
    static List<AccountFacts> accounts;

    @BeforeAll
    static void setUp() {
        engine = TestRulesets.manifest("name=conc\nversion=1\ncap.stack=20\nrequired=industry\n")
                .drl("r.drl", ""
                        + "rule \"Size\" @kind(hard)\nwhen Account( employees >= 50 ) then end\n"
                        + "rule \"Retail\" @kind(soft) @points(30) @reason(\"{industry}\")\nwhen Account( industry == \"Retail\" ) then end\n"
                        + "rule \"Small band\" @kind(soft) @points(10) activation-group \"size\" salience 1\n"
                        + "when Account( employees < 300 ) then end\n"
                        + "rule \"Big band\" @kind(soft) @points(20) activation-group \"size\" salience 2\n"
                        + "when Account( employees >= 200 ) then end\n"
                        + "rule \"Shopify\" @kind(soft) @points(15) @group(stack)\nwhen Account( technologies contains \"Shopify\" ) then end\n"
                        + "rule \"Toast\" @kind(soft) @points(15) @group(stack)\nwhen Account( technologies contains \"Toast\" ) then end\n"
                        + "rule \"Funding\" @kind(trigger) @points(25) @halfLife(P45D)\n"
                        + "when Event( type == \"funding_round\", daysAgo <= 365 ) then end\n"
                        + "rule \"No champion\" @kind(soft) @points(-5)\nwhen not Contact( role == \"champion\" ) then end\n"
                        + "rule \"Competitor\" @kind(disqualifier)\nwhen Account( technologies contains \"CompetitorX\" ) then end\n")
                .engine();
        Random rnd = new Random(42);
        String[] industries = {"Retail", "Manufacturing", "Software", null};
        String[] tech = {"Shopify", "Toast", "CompetitorX", "Slack"};
        accounts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Account.Builder a = Account.builder("acc-" + i).industry(industries[rnd.nextInt(industries.length)])
                    .employees(rnd.nextInt(10) == 0 ? null : rnd.nextInt(600));
            for (String t : tech) {
                if (rnd.nextInt(4) == 0) {
                    a.technology(t);
                }
            }
            List<Event> events = new ArrayList<>();
            for (int e = rnd.nextInt(4); e > 0; e--) {
                events.add(Event.builder("funding_round", AS_OF.minusDays(rnd.nextInt(400) - 10)).build());
            }
            List<Contact> contacts = rnd.nextBoolean() ? List.of(Contact.builder().role("champion").build()) : List.of();
            accounts.add(AccountFacts.of(a.build(), events, contacts));
        }
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    @Test
    void manyThreadsOneEngineSameResultsAsSequential() throws Exception {
        List<FitResult> sequential = accounts.stream().map(a -> engine.evaluate(a, AS_OF)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<FitResult>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int offset = t * 97;
                futures.add(pool.submit(() -> {
                    List<FitResult> out = new ArrayList<>(accounts.size());
                    // every thread walks the whole list from a different start, so threads overlap
                    for (int i = 0; i < accounts.size(); i++) {
                        out.add(null);
                    }
                    for (int k = 0; k < accounts.size(); k++) {
                        int i = (k + offset) % accounts.size();
                        out.set(i, engine.evaluate(accounts.get(i), AS_OF));
                    }
                    return out;
                }));
            }
            for (Future<List<FitResult>> f : futures) {
                assertThat(f.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sequential.stream().map(FitResult::decision).collect(Collectors.toSet())).hasSize(4);
    }

    @Test
    void parallelBatchIsOrderedAndEqualToSequential() {
        List<FitResult> sequential = accounts.stream().map(a -> engine.evaluate(a, AS_OF)).toList();
        List<Outcome> batch = engine.evaluateAll(accounts, AS_OF);
        assertThat(batch).hasSize(accounts.size());
        assertThat(batch.stream().map(o -> o.result().orElseThrow()).toList()).isEqualTo(sequential);
        List<Outcome> streamed = engine.evaluateStream(accounts.stream(), AS_OF).toList();
        assertThat(streamed.stream().map(Outcome::index).toList())
                .isEqualTo(java.util.stream.LongStream.range(0, accounts.size()).boxed().toList());
        assertThat(streamed.stream().map(o -> o.result().orElseThrow()).toList()).isEqualTo(sequential);
    }
}

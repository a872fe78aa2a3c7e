package io.icprules.drools;

import io.icprules.engine.FitEngine;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;
import io.icprules.result.Outcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code evaluateIterator} evaluates a partition as it is read, one account per outcome, with the
 * results of evaluating each account on its own.
 */
class IteratorEvaluationTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    /** Hands out accounts and counts how many were taken. */
    private static final class CountingIterator implements Iterator<AccountFacts> {
        private final Iterator<AccountFacts> in;
        int taken;

        CountingIterator(List<AccountFacts> accounts) {
            this.in = accounts.iterator();
        }

        @Override
        public boolean hasNext() {
            return in.hasNext();
        }

        @Override
        public AccountFacts next() {
            taken++;
            return in.next();
        }
    }

    @Test
    void givesTheResultsOfSingleEvaluationsReadingOneAccountPerOutcome() {
        try (FitEngine engine = TestRulesets.basic().drl("r.drl", SessionReuseTest.RULES).engine()) {
            List<AccountFacts> accounts = accounts(3000);
            CountingIterator input = new CountingIterator(accounts);

            Iterator<Outcome> out = engine.evaluateIterator(input, AS_OF);
            assertThat(input.taken).isZero();

            for (int i = 0; i < accounts.size(); i++) {
                assertThat(out.hasNext()).isTrue();
                Outcome o = out.next();
                assertThat(input.taken).isEqualTo(i + 1);
                assertThat(o.index()).isEqualTo(i);
                assertThat(o.result()).contains(engine.evaluate(accounts.get(i), AS_OF));
            }
            assertThat(out.hasNext()).isFalse();
            assertThatThrownBy(out::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void aFailingAccountBecomesAFailedOutcomeAndTheRestGoOn() {
        try (FitEngine engine = TestRulesets.basic().drl("t.drl", ""
                + "rule \"Explodes\" @kind(soft) @points(1)\n"
                + "when Account( industry == \"Boom\" ) then throw new IllegalStateException(\"kaboom\"); end\n"
                + "rule \"Fine\" @kind(soft) @points(5)\nwhen Account() then end\n").engine()) {
            List<AccountFacts> batch = List.of(
                    AccountFacts.of(Account.builder("a").build()),
                    AccountFacts.of(Account.builder("b").industry("Boom").build()),
                    AccountFacts.of(Account.builder("c").build()));
            List<Outcome> out = new ArrayList<>();
            engine.evaluateIterator(batch.iterator(), AS_OF).forEachRemaining(out::add);
            assertThat(out).extracting(Outcome::accountId).containsExactly("a", "b", "c");
            assertThat(out).extracting(Outcome::isSuccess).containsExactly(true, false, true);
            assertThat(out.get(1).error()).get().satisfies(e -> {
                assertThat(e.accountId()).isEqualTo("b");
                assertThat(e.ruleName()).contains("Explodes");
            });
            assertThat(out.get(2).result().orElseThrow().score()).isEqualByComparingTo("5.0");
        }
    }

    private static List<AccountFacts> accounts(int n) {
        Random rnd = new Random(7);
        String[] industries = {"Retail", "Software", null};
        String[] roles = {"champion", "user", "economic_buyer"};
        String[] departments = {"it", "operations", "finance"};
        List<AccountFacts> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Account.Builder a = Account.builder("it-" + i).industry(industries[rnd.nextInt(industries.length)]);
            if (rnd.nextInt(10) > 0) {
                a.employees(rnd.nextInt(600));
            }
            if (rnd.nextInt(20) == 0) {
                a.technology("CompetitorX");
            }
            List<Event> events = new ArrayList<>();
            for (int e = rnd.nextInt(3); e > 0; e--) {
                events.add(Event.builder(rnd.nextBoolean() ? "funding_round" : "exec_hire",
                        AS_OF.minusDays(rnd.nextInt(300) - 20)).build());
            }
            List<Contact> contacts = new ArrayList<>();
            for (int c = rnd.nextInt(4); c > 0; c--) {
                contacts.add(Contact.builder().role(roles[rnd.nextInt(roles.length)])
                        .department(departments[rnd.nextInt(departments.length)])
                        .seniority(rnd.nextBoolean() ? "director" : "manager").build());
            }
            out.add(AccountFacts.of(a.build(), events, contacts));
        }
        return out;
    }
}

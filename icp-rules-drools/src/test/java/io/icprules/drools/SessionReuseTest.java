package io.icprules.drools;

import io.icprules.drools.internal.compile.RulesetCompiler;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;
import io.icprules.result.FitResult;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reusing sessions between accounts must give exactly the results of a fresh session per account,
 * including for rules over absent facts ({@code not}), bands, triggers and contacts.
 */
class SessionReuseTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    static final String RULES = ""
            + "rule \"Size\" @kind(hard)\nwhen Account( employees >= 50 ) then end\n"
            + "rule \"Retail\" @kind(soft) @points(20) @reason(\"{industry}\")\nwhen Account( industry == \"Retail\" ) then end\n"
            + "rule \"Band low\" @kind(soft) @points(5) activation-group \"size\" salience 1\nwhen Account( employees < 300 ) then end\n"
            + "rule \"Band high\" @kind(soft) @points(15) activation-group \"size\" salience 2\nwhen Account( employees >= 200 ) then end\n"
            + "rule \"Champion\" @kind(soft) @points(10)\nwhen exists Contact( role == \"champion\" ) then end\n"
            + "rule \"Per contact\" @kind(soft) @points(1)\nwhen Contact( department == \"it\" ) then end\n"
            + "rule \"No IT director\" @kind(soft) @points(-5)\nwhen Account()\n not Contact( department == \"it\", seniority == \"director\" ) then end\n"
            + "rule \"Funding\" @kind(trigger) @points(25) @halfLife(P30D)\nwhen Event( type == \"funding_round\", daysAgo <= 200 ) then end\n"
            + "rule \"Funding and champion\" @kind(soft) @points(3)\nwhen Event( type == \"funding_round\" )\n Contact( role == \"champion\" ) then end\n"
            + "rule \"Competitor\" @kind(disqualifier)\nwhen Account( technologies contains \"CompetitorX\" ) then end\n";

    static final String UNANCHORED = "rule \"No champion at all\" @kind(soft) @points(-7)\n"
            + "when not Contact( role == \"champion\" ) then end\n";

    static List<AccountFacts> accounts(int n, long seed) {
        Random rnd = new Random(seed);
        String[] roles = {"champion", "user", "economic_buyer"};
        String[] departments = {"it", "finance", "operations"};
        String[] seniorities = {"director", "manager", "vp"};
        List<AccountFacts> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Account.Builder a = Account.builder("acc-" + i).industry(rnd.nextBoolean() ? "Retail" : "Software")
                    .employees(rnd.nextInt(8) == 0 ? null : rnd.nextInt(500));
            if (rnd.nextInt(6) == 0) {
                a.technology("CompetitorX");
            }
            List<Event> events = new ArrayList<>();
            for (int e = rnd.nextInt(3); e > 0; e--) {
                events.add(Event.builder(rnd.nextBoolean() ? "funding_round" : "exec_hire",
                        AS_OF.minusDays(rnd.nextInt(260) - 20)).build());
            }
            List<Contact> contacts = new ArrayList<>();
            for (int c = rnd.nextInt(4); c > 0; c--) {
                contacts.add(Contact.builder().role(roles[rnd.nextInt(3)]).department(departments[rnd.nextInt(3)])
                        .seniority(seniorities[rnd.nextInt(3)]).build());
            }
            out.add(AccountFacts.of(a.build(), events, contacts));
        }
        return out;
    }

    static List<FitResult> run(RulesetSource source, boolean reuse, List<AccountFacts> accounts) {
        try (FitEngine engine = IcpRules.builder().ruleset(source).reuseSessions(reuse).build()) {
            return accounts.stream().map(a -> engine.evaluate(a, AS_OF)).toList();
        }
    }

    @Test
    void reusedSessionsGiveIdenticalResults() {
        RulesetSource source = TestRulesets.basic().drl("r.drl", RULES).source();
        assertThat(RulesetCompiler.compile(source).unanchoredRules()).isEmpty();
        List<AccountFacts> accounts = accounts(5000, 7);
        List<FitResult> fresh = run(source, false, accounts);
        List<FitResult> reused = run(source, true, accounts);
        for (int i = 0; i < fresh.size(); i++) {
            assertThat(reused.get(i)).as("account %s", i).withFailMessage("%s%n%s%n%s", accounts.get(i).events(), fresh.get(i).explain(), reused.get(i).explain()).isEqualTo(fresh.get(i));
        }
        // the data exercises what matters: rules over absent contacts both firing and not
        assertThat(fresh).anySatisfy(r -> assertThat(r.line("No IT director")).isPresent())
                .anySatisfy(r -> assertThat(r.line("No IT director")).isEmpty())
                .anySatisfy(r -> assertThat(r.line("Band high")).isPresent())
                .anySatisfy(r -> assertThat(r.line("Funding and champion")).isPresent());
    }

    @Test
    void rulesetWithARuleOverNoFactsFallsBackToFreshSessions() {
        RulesetSource source = TestRulesets.basic().drl("r.drl", RULES + UNANCHORED).source();
        assertThat(RulesetCompiler.compile(source).unanchoredRules()).containsExactly("No champion at all");
        List<AccountFacts> accounts = accounts(2000, 11);
        List<FitResult> fresh = run(source, false, accounts);
        assertThat(run(source, true, accounts)).isEqualTo(fresh);
        long withoutChampion = accounts.stream()
                .filter(a -> a.contacts().stream().noneMatch(c -> "champion".equals(c.getRole()))).count();
        assertThat(fresh.stream().filter(r -> r.line("No champion at all").isPresent()).count()).isEqualTo(withoutChampion);
    }

    @Test
    void factsInsertedByARuleAreNeverSeenByTheNextAccount() {
        RulesetSource source = TestRulesets.basic().drl("r.drl", ""
                + "declare Marker end\n"
                + "rule \"Mark\" @kind(soft) @points(1)\nwhen Account( industry == \"Retail\" ) then insert(new Marker()); end\n"
                + "rule \"Marked\" @kind(soft) @points(50)\nwhen Account()\n exists Marker() then end\n").source();
        try (FitEngine engine = IcpRules.builder().ruleset(source).build()) {
            assertThat(engine.evaluate(AccountFacts.of(Account.builder("a").industry("Retail").build()), AS_OF).score())
                    .isEqualByComparingTo("51");
            for (int i = 0; i < 3; i++) {
                assertThat(engine.evaluate(AccountFacts.of(Account.builder("b" + i).industry("Software").build()), AS_OF)
                        .score()).isEqualByComparingTo("0");
            }
        }
    }
}

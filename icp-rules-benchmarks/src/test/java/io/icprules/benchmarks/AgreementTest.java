package io.icprules.benchmarks;

import io.icprules.benchmarks.floor.HandWrittenProfile;
import io.icprules.benchmarks.peer.EasyRulesProfile;
import io.icprules.benchmarks.profile.ReferenceProfile;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.fact.AccountFacts;
import io.icprules.result.Decision;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark ratios mean something only if the three implementations compute the same profile:
 * the engine, the hand-written floor and the Easy Rules peer must give equal results (decision,
 * score, tier, every ledger line with its reason, unmet filters, disqualifiers, missing fields) over
 * thousands of generated accounts, and the profile must exercise every rule. The engine with a fresh
 * session per account must give exactly the results of reused sessions.
 */
class AgreementTest {

    static final int ACCOUNTS = 5000;

    static List<AccountFacts> accounts;
    static FitEngine engine;
    static List<FitResult> expected;

    @BeforeAll
    static void evaluateWithTheEngine() {
        accounts = ReferenceProfile.accounts(ACCOUNTS);
        engine = ReferenceProfile.engine();
        expected = accounts.stream().map(a -> engine.evaluate(a, ReferenceProfile.AS_OF)).toList();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void handWrittenFloorAgreesWithTheEngine() {
        HandWrittenProfile floor = HandWrittenProfile.forReference();
        assertAgree(accounts.stream().map(a -> floor.evaluate(a, ReferenceProfile.AS_OF)).toList(), "floor");
    }

    @Test
    void easyRulesPeerAgreesWithTheEngine() {
        EasyRulesProfile peer = EasyRulesProfile.forReference();
        assertThat(peer.ruleCount()).isEqualTo(50);
        assertAgree(accounts.stream().map(a -> peer.evaluate(a, ReferenceProfile.AS_OF)).toList(), "peer");
    }

    @Test
    void aFreshSessionPerAccountAgreesWithReusedSessions() {
        try (FitEngine fresh = IcpRules.builder().ruleset(ReferenceProfile.source()).reuseSessions(false).build()) {
            // Two modes of the same engine: equal as they are, ledger order included.
            List<FitResult> actual = accounts.stream().map(a -> fresh.evaluate(a, ReferenceProfile.AS_OF)).toList();
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void theProfileFiresEveryRuleAndReachesEveryDecision() {
        Map<String, Integer> fired = new HashMap<>();
        Map<Decision, Integer> decisions = new EnumMap<>(Decision.class);
        Map<String, Integer> tiersOfFits = new HashMap<>();
        for (FitResult r : expected) {
            r.ledger().forEach(l -> fired.merge(l.rule(), 1, Integer::sum));
            decisions.merge(r.decision(), 1, Integer::sum);
            if (r.isFit()) {
                tiersOfFits.merge(r.tier(), 1, Integer::sum);
            }
        }
        assertThat(fired.keySet().stream().filter(k -> !k.startsWith("cap: ") && !k.equals("clamp")))
                .as("rules that fired at least once").hasSize(50);
        assertThat(fired).containsKeys("cap: committee", "cap: intent", "cap: stack", "cap: timing");
        assertThat(decisions).containsOnlyKeys(Decision.values());
        // A realistic purchased list: a minority fits, and fits spread over the tiers.
        assertThat(decisions.get(Decision.FIT)).isBetween(ACCOUNTS / 20, ACCOUNTS / 2);
        assertThat(tiersOfFits).containsKeys("A", "B", "C", "D");
        System.out.println("decisions " + decisions + ", tiers of fits " + tiersOfFits);
    }

    /** Equal results, comparing the lines of a {@code @perEvent} trigger in event-date order. */
    private static void assertAgree(List<FitResult> actual, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            FitResult e = canonical(expected.get(i));
            FitResult a = canonical(actual.get(i));
            if (!e.equals(a)) {
                differences.add(accounts.get(i) + "\n  engine: " + e.explain() + "  " + what + ": " + a.explain());
            }
        }
        assertThat(differences).as(what + " disagrees with the engine on " + differences.size() + " of "
                + expected.size() + " accounts").isEmpty();
    }

    /**
     * The result with the lines of a {@code @perEvent} trigger sorted by event date: the contract
     * orders a ledger by rule, and leaves the order of one rule's lines to the engine.
     */
    static FitResult canonical(FitResult r) {
        List<LedgerLine> lines = new ArrayList<>(r.ledger());
        Comparator<LedgerLine> byRuleBlock = (x, y) -> 0;
        for (int i = 0; i < lines.size(); ) {
            int j = i;
            while (j < lines.size() && lines.get(j).rule().equals(lines.get(i).rule())) {
                j++;
            }
            lines.subList(i, j).sort(byRuleBlock.thenComparing(l -> l.eventDate().orElse(null),
                    Comparator.nullsFirst(Comparator.naturalOrder())));
            i = j;
        }
        FitResult.Builder b = FitResult.builder().accountId(r.accountId()).tier(r.tier()).decision(r.decision())
                .ruleset(r.ruleset()).asOf(r.asOf());
        lines.forEach(b::addLine);
        r.unmetHardFilters().forEach(b::addUnmetHardFilter);
        r.disqualifiers().forEach(b::addDisqualifier);
        r.missingFields().forEach(b::addMissingField);
        return b.build();
    }
}

package io.icprules.benchmarks;

import io.icprules.benchmarks.ceiling.AccountScopedRuleset;
import io.icprules.benchmarks.ceiling.MatchLog;
import io.icprules.benchmarks.ceiling.SessionMatcher;
import io.icprules.benchmarks.profile.ReferenceProfile;
import io.icprules.drools.internal.compile.RulesetCompiler;
import io.icprules.engine.FitEngine;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import io.icprules.result.RuleKind;
import io.icprules.result.RuleNote;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching-ceiling benchmark measures what it says: the plain session matcher finds the rules
 * the engine scores, and the account-scoped rewrite lets accounts share a session without seeing
 * each other's facts.
 */
class AccountScopedRulesetTest {

    static final int COUNT = 640;
    static final AccountFacts[] ACCOUNTS = ReferenceProfile.accounts(COUNT).toArray(AccountFacts[]::new);

    @Test
    void everyRuleIsScopedToItsAccountAndNoBandIsLeft() {
        AccountScopedRuleset.source().files().forEach((name, text) -> {
            if (!name.endsWith(".drl")) {
                return;
            }
            long rules = text.lines().filter(l -> l.startsWith("rule ")).count();
            assertThat(text).doesNotContain("activation-group");
            assertThat(count(text, AccountScopedRuleset.SCOPE + " : Account(")).as(name).isEqualTo(rules);
            assertThat(count(text, "Event( ")).isEqualTo(count(text, "Event( accountId == $scope.id, "));
            assertThat(count(text, "Contact( ")).isEqualTo(count(text, "Contact( accountId == $scope.id, "));
        });
    }

    @Test
    void accountsSharingASessionMatchAsInSessionsOfTheirOwn() {
        KieBase scoped = RulesetCompiler.compile(AccountScopedRuleset.source()).kieBase();
        Map<Account, List<String>> alone = new IdentityHashMap<>();
        Map<Account, List<String>> shared = new IdentityHashMap<>();
        try (SessionMatcher m = new SessionMatcher(scoped)) {
            for (int a = 0; a < COUNT; a++) {
                record(m.match(ACCOUNTS, a, a + 1, ReferenceProfile.AS_OF), alone);
            }
            for (int a = 0; a < COUNT; a += 64) {
                record(m.match(ACCOUNTS, a, a + 64, ReferenceProfile.AS_OF), shared);
            }
        }
        assertThat(shared.keySet()).containsExactlyInAnyOrderElementsOf(alone.keySet());
        alone.values().forEach(l -> l.sort(null));
        shared.values().forEach(l -> l.sort(null));
        for (AccountFacts f : ACCOUNTS) {
            assertThat(shared.get(f.account())).as(f.accountId()).isEqualTo(alone.get(f.account()));
        }
        // Contacts and events count: the rules that join them fired for some accounts.
        assertThat(alone.values().stream().flatMap(List::stream)).contains("Economic buyer known", "Funding round");
    }

    @Test
    void theMatcherFindsEveryRuleTheEngineScores() {
        KieBase reference = RulesetCompiler.compile(ReferenceProfile.source()).kieBase();
        try (FitEngine engine = ReferenceProfile.engine(); SessionMatcher m = new SessionMatcher(reference)) {
            for (int a = 0; a < COUNT; a++) {
                MatchLog log = m.match(ACCOUNTS, a, a + 1, ReferenceProfile.AS_OF);
                List<String> fired = new ArrayList<>();
                for (int i = 0; i < log.size(); i++) {
                    fired.add(log.rule(i));
                }
                FitResult r = engine.evaluate(ACCOUNTS[a], ReferenceProfile.AS_OF);
                assertThat(fired).as(r.accountId()).containsAll(Stream.concat(
                        r.ledger().stream().filter(l -> l.kind() != RuleKind.ADJUSTMENT).map(LedgerLine::rule), r.disqualifiers().stream().map(RuleNote::rule)).toList());
                List<String> unmet = r.unmetHardFilters().stream().map(RuleNote::rule).toList();
                assertThat(fired).as(r.accountId()).noneMatch(unmet::contains);
            }
        }
    }

    private static void record(MatchLog log, Map<Account, List<String>> into) {
        for (int i = 0; i < log.size(); i++) {
            assertThat(log.account(i)).isNotNull();
            into.computeIfAbsent(log.account(i), k -> new ArrayList<>()).add(log.rule(i));
        }
    }

    private static long count(String text, String part) {
        long n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}

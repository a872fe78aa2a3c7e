package io.icprules.drools;

import io.icprules.engine.FitEngine;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules with empty consequences are compiled without Java to build faster; rules whose results
 * could depend on the dialect keep their author's, and every rule scores as written.
 */
class DialectTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    @Test
    void evalKeepsJavaSemanticsAndEmptyRulesStillScore() {
        try (FitEngine engine = TestRulesets.basic().drl("r.drl", ""
                + "rule \"Retail\" @kind(soft) @points(10)\n"
                + "when Account( industry == \"Retail\" ) then // counted by its metadata\nend\n"
                // In Java, == on two String objects compares identity: a new String is never the
                // account's. In MVEL it would compare text and fire.
                + "rule \"Identity\" @kind(soft) @points(20)\n"
                + "when Account( $i : industry ) eval( $i == new String(\"Retail\") ) then end\n"
                + "rule \"Text\" @kind(soft) @points(30)\n"
                + "when Account( $i : industry ) eval( $i.equals(\"Retail\") ) then end\n"
                + "rule \"With code\" @kind(soft) @points(5)\n"
                + "when Account( employees >= 10 ) then String s = \"ok\"; s.length(); end\n").engine()) {
            FitResult r = engine.evaluate(AccountFacts.of(Account.builder("a-1").industry("Retail").employees(20).build()),
                    AS_OF);
            assertThat(r.ledger()).extracting(LedgerLine::rule).containsExactly("Retail", "Text", "With code");
            assertThat(r.score()).isEqualByComparingTo("45");
        }
    }
}

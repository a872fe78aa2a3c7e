package io.icprules.drools;

import io.icprules.engine.ProfileSet;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.result.Decision;
import io.icprules.result.ProfileResults;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileSetTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    static TestRulesets profile(String name, String industry, int points) {
        return TestRulesets.manifest("name=" + name + "\nversion=1\n").drl("p.drl", ""
                + "rule \"Industry\" @kind(hard)\nwhen Account( industry == \"" + industry + "\" ) then end\n"
                + "rule \"Size\" @kind(soft) @points(" + points + ")\nwhen Account( employees > 100 ) then end\n");
    }

    @Test
    void evaluatesEveryProfileAndPicksTheBestFit() {
        try (ProfileSet set = ProfileSet.builder()
                .add("retail", profile("retail", "Retail", 40).engine())
                .add("retail-plus", profile("retail-plus", "Retail", 70).engine())
                .add("manufacturing", profile("mfg", "Manufacturing", 90).engine())
                .build()) {
            ProfileResults r = set.evaluate(AccountFacts.of(Account.builder("x").industry("Retail").employees(300).build()), AS_OF);
            assertThat(r.results()).containsOnlyKeys("retail", "retail-plus", "manufacturing");
            assertThat(r.result("manufacturing")).get().extracting(f -> f.decision()).isEqualTo(Decision.EXCLUDED);
            assertThat(r.bestProfile()).contains("retail-plus");
            assertThat(r.best()).get().satisfies(f -> assertThat(f.score()).isEqualByComparingTo("70"));

            ProfileResults none = set.evaluate(AccountFacts.of(Account.builder("y").industry("Banking").build()), AS_OF);
            assertThat(none.bestProfile()).isEmpty();
            assertThat(set.profiles()).containsExactly("retail", "retail-plus", "manufacturing");
        }
    }

    @Test
    void namesMustBeUnique() {
        var engine = profile("a", "Retail", 1).engine();
        assertThatThrownBy(() -> ProfileSet.builder().add("a", engine).add("a", engine))
                .hasMessageContaining("added twice");
        assertThatThrownBy(() -> ProfileSet.builder().build()).hasMessageContaining("at least one");
        engine.close();
    }
}

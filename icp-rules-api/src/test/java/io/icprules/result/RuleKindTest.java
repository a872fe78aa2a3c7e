package io.icprules.result;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What each kind means, as the compiler, scorer, linter and explainer read it. */
class RuleKindTest {

    @Test
    void parsesTheLabelsOfRuleKindsOnly() {
        assertThat(RuleKind.fromMetadata(" Hard ")).contains(RuleKind.HARD);
        assertThat(RuleKind.fromMetadata("soft")).contains(RuleKind.SOFT);
        assertThat(RuleKind.fromMetadata("TRIGGER")).contains(RuleKind.TRIGGER);
        assertThat(RuleKind.fromMetadata("disqualifier")).contains(RuleKind.DISQUALIFIER);
        assertThat(RuleKind.fromMetadata("adjustment")).isEmpty();
        assertThat(RuleKind.fromMetadata("weak")).isEmpty();
        assertThat(RuleKind.fromMetadata(null)).isEmpty();
    }

    @Test
    void eachKindSaysWhatItDoes() {
        assertThat(RuleKind.values()).filteredOn(RuleKind::isRule)
                .containsExactly(RuleKind.HARD, RuleKind.SOFT, RuleKind.TRIGGER, RuleKind.DISQUALIFIER);
        assertThat(RuleKind.values()).filteredOn(RuleKind::scoresPoints).containsExactly(RuleKind.SOFT, RuleKind.TRIGGER);
        assertThat(RuleKind.values()).filteredOn(RuleKind::scoresEvents).containsExactly(RuleKind.TRIGGER);
        assertThat(RuleKind.values()).filteredOn(RuleKind::excludesUnlessFired).containsExactly(RuleKind.HARD);
        assertThat(RuleKind.values()).filteredOn(RuleKind::disqualifiesWhenFired).containsExactly(RuleKind.DISQUALIFIER);
        assertThat(RuleKind.values()).extracting(RuleKind::noun)
                .containsExactly("hard filter", "soft signal", "trigger", "disqualifier", "adjustment");
    }
}

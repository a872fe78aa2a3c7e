package io.icprules.engine;

import io.icprules.error.EngineNotFoundException;
import io.icprules.error.RulesetException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IcpRulesTest {

    @Test
    void missingImplementationFailsWithAClearMessage() {
        // this module's tests have no engine on the class path
        assertThatThrownBy(IcpRules::provider).isInstanceOf(EngineNotFoundException.class)
                .hasMessageContaining("io.icprules:icp-rules-drools");
    }

    @Test
    void builderValidatesSettings() {
        assertThatThrownBy(() -> IcpRules.builder().maxFiringsPerAccount(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> IcpRules.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no ruleset");
        assertThat(IcpRules.builder().maxFiringsPerAccount(7).settings().maxFiringsPerAccount()).isEqualTo(7);
    }

    @Test
    void inMemorySourceKeepsOnlyRuleFilesAndManifest() {
        RulesetSource s = RulesetSource.of("mem", false, Map.of("ruleset.properties", "name=a\nversion=1",
                "a.drl", "rule", "cases.yaml", "x"));
        assertThat(s.files()).containsOnlyKeys("a.drl", "ruleset.properties");
        assertThat(s.contentHash()).hasSize(64);
        assertThat(s.trusted()).isFalse();
        assertThatThrownBy(() -> RulesetSource.of("mem", false, Map.of("a.drl", "x")))
                .isInstanceOf(RulesetException.class).hasMessageContaining("no manifest");
    }

    @Test
    void classpathSourceIsReadAndTrusted() {
        RulesetSource s = RulesetSource.fromClasspath("/sample-ruleset", IcpRulesTest.class.getClassLoader());
        assertThat(s.trusted()).isTrue();
        assertThat(s.origin()).isEqualTo("classpath:sample-ruleset");
        assertThat(s.files()).containsOnlyKeys("ruleset.properties", "rules.drl");
        assertThatThrownBy(() -> RulesetSource.fromClasspath("nowhere", IcpRulesTest.class.getClassLoader()))
                .isInstanceOf(RulesetException.class).hasMessageContaining("no ruleset.properties found at classpath:nowhere");
    }
}

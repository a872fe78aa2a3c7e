package io.icprules.drools;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.error.RulesetException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any manifest text and any damage to a rule file gives either an engine or a {@link RulesetException}
 * whose diagnostics point into the ruleset; nothing else escapes. Run longer with
 * {@code -Djqwik.tries.default=5000}.
 */
class RulesetProperties {

    static final String GOOD = TestRulesets.HEADER
            + "rule \"Size\" @kind(hard) @reason(\"{employees}\")\nwhen Account( employees >= 50 ) then end\n"
            + "rule \"Band\" @kind(soft) @points(5) activation-group \"b\" salience 2\nwhen Account( employees > 100 ) then end\n"
            + "rule \"Funding\" @kind(trigger) @points(10) @halfLife(P30D)\nwhen Event( type == \"funding_round\", daysAgo <= 90 ) then end\n"
            + "rule \"Competitor\" @kind(disqualifier)\nwhen Account( technologies contains \"X\" ) then end\n";

    static void compileOrDiagnose(Map<String, String> files) {
        try (FitEngine e = IcpRules.builder().ruleset(RulesetSource.of("fuzz", false, files)).build()) {
            assertThat(e.ruleset().contentHash()).hasSize(64);
        } catch (RulesetException e) {
            assertThat(e.diagnostics()).isNotEmpty();
            assertThat(e.diagnostics()).anySatisfy(d -> assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR));
            assertThat(e.diagnostics()).allSatisfy(d -> {
                assertThat(d.file()).isIn(Set.of("ruleset.properties", "r.drl", "fuzz", "(ruleset)"));
                assertThat(d.line()).isGreaterThanOrEqualTo(0);
            });
        }
    }

    @Provide
    Arbitrary<String> manifests() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("name=x", "version=1", "tiers=A:80,B:60,C:40,D:0", "required=employees", "cap.g=5",
                        "tiers=", "tiers=A:x", "cap.=3", "required=nope", "name", "# c", "=", "\\", "name=a b",
                        "tiers=A:101,D:0", "version=\\u0041", "colour=blue"),
                Arbitraries.strings().all().ofMaxLength(30));
        return line.list().ofMaxSize(8).map(l -> String.join("\n", l));
    }

    @Property
    void anyManifest(@ForAll("manifests") String manifest) {
        compileOrDiagnose(Map.of("ruleset.properties", manifest, "r.drl", GOOD));
    }

    @Property
    void damagedRuleFile(@ForAll @IntRange(min = 0, max = 10_000) int at, @ForAll @IntRange(min = 0, max = 12) int cut,
                         @ForAll("insertions") String insert) {
        int pos = at % (GOOD.length() + 1);
        String damaged = GOOD.substring(0, pos) + insert + GOOD.substring(Math.min(GOOD.length(), pos + cut));
        compileOrDiagnose(Map.of("ruleset.properties", "name=x\nversion=1\n", "r.drl", damaged));
    }

    @Provide
    Arbitrary<String> insertions() {
        return Arbitraries.oneOf(Arbitraries.of("", "(", ")", "\"", "@kind(", "then", "end", "rule \"Size\"", "when",
                "@points(x)", "$", ";", "\n", "\u0000", "activation-group"), Arbitraries.strings().ofMaxLength(6));
    }
}

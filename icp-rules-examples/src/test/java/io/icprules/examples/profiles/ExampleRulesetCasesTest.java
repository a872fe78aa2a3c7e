package io.icprules.examples.profiles;

import io.icprules.junit.FitCases;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The fit test cases that ship with the example rulesets ({@code rulesets/<profile>/cases/*.yaml}),
 * run the way a user project runs its own: one dynamic test per case.
 */
class ExampleRulesetCasesTest {

    private static final Path RULESETS = Path.of("rulesets");

    @TestFactory
    Stream<DynamicNode> exampleRulesetCases() {
        return Stream.of("workforce-scheduling", "growth-agency", "msp-manufacturing")
                .map(profile -> DynamicContainer.dynamicContainer(profile, FitCases.from(RULESETS.resolve(profile))));
    }
}

package io.icprules.junit;

import io.icprules.result.FitResult;

/**
 * Entry point of the fluent assertions on fit results, for teams who test rulesets in Java:
 *
 * <pre>{@code
 * import static io.icprules.junit.IcpAssertions.assertThat;
 *
 * assertThat(engine.evaluate(facts, asOf))
 *         .isFit()
 *         .hasTier("A")
 *         .fired("Chain of 10-40 locations")
 *         .didNotFire("Legacy on-prem POS");
 * }</pre>
 *
 * <p>It can be imported next to AssertJ's {@code Assertions.assertThat}: Java picks the overload by
 * the argument's type.
 */
public final class IcpAssertions {

    private IcpAssertions() {
    }

    /**
     * Starts assertions on a result.
     *
     * @param actual the result, may be null (the first assertion then fails)
     * @return the assertions
     */
    public static FitResultAssert assertThat(FitResult actual) {
        return new FitResultAssert(actual);
    }
}

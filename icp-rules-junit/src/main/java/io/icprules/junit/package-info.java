/**
 * JUnit 5 support for rulesets: {@link io.icprules.junit.FitCases} runs a ruleset's YAML test cases as
 * dynamic tests, and {@link io.icprules.junit.IcpAssertions} offers fluent assertions on fit results
 * for tests written in Java.
 */
package io.icprules.junit;

/**
 * The Drools engine behind {@code IcpRules}: {@link io.icprules.drools.DroolsEngineProvider} is found
 * by {@link java.util.ServiceLoader} and compiles each ruleset into an engine. Applications never name
 * these types: they add the jar and call {@code IcpRules}.
 */
package io.icprules.drools;

/**
 * The Drools engine behind {@code IcpRules}: {@link io.icprules.drools.DroolsEngineProvider} is found
 * by {@link java.util.ServiceLoader} and builds {@link io.icprules.drools.DroolsFitEngine}s.
 */
package io.icprules.drools;

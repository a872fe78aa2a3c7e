/**
 * Lint for rule authors: {@link io.icprules.drools.analysis.Linter} reads a ruleset as written and
 * reports what it probably gets wrong (a rule that can never fire, points out of scale, a field or
 * event type the data never has), as diagnostics with file and line. Used by {@code icp validate}.
 */
package io.icprules.drools.analysis;

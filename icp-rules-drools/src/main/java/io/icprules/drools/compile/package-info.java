/**
 * Compiling a ruleset: the manifest, the rules' metadata and the DRL, with every problem reported as
 * a diagnostic with file, line and column.
 */
package io.icprules.drools.compile;

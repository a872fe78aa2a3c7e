/**
 * The peer: the reference profile in Easy Rules, a rule engine that reads rule files (YAML with
 * MVEL conditions and actions), scored by the same engine-free scorer the Drools engine uses.
 */
package io.icprules.benchmarks.peer;

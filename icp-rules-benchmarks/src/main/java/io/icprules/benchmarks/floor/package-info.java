/**
 * The floor: the reference profile hand-written in plain Java, what its logic costs with no rule
 * engine.
 */
package io.icprules.benchmarks.floor;

/** Turns a JMH results file into the tables of {@code docs/PERFORMANCE.md}, with the cost ratios. */
package io.icprules.benchmarks.report;

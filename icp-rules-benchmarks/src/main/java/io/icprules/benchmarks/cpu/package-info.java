/**
 * A cross-check of the JMH figures that a busy machine cannot skew as much: CPU time per account,
 * measured on the evaluating thread.
 */
package io.icprules.benchmarks.cpu;

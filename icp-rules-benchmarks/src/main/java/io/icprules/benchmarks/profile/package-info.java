/**
 * The reference profile every benchmark evaluates, the accounts it is evaluated on, and the one
 * interface the three implementations share.
 */
package io.icprules.benchmarks.profile;

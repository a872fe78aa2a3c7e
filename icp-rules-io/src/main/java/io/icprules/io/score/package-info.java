/**
 * Scoring a stream of input records with an engine, keeping input order and one output per input,
 * and tallying what came out for a run's summary.
 */
package io.icprules.io.score;

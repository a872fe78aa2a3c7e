/**
 * Scoring at scale on Apache Spark: {@link io.icprules.spark.SparkScorer} is the Dataset API (accounts,
 * with events and contacts as Datasets or nested arrays, or through a column mapping, scored inside
 * {@code mapPartitions} with the same results as the in-process engine);
 * {@link io.icprules.spark.SparkScoreJob} is the runnable job for {@code spark-submit}, a thin wrapper
 * over it with {@link io.icprules.spark.SparkInputs} and {@link io.icprules.spark.SparkOutput}.
 *
 * <p>Only the ruleset's text travels to the workers (a serializable
 * {@link io.icprules.engine.RulesetSource}); each worker JVM compiles it once and shares the engine
 * through {@link io.icprules.engine.EngineCache}. Spark itself is provided by the cluster.
 */
package io.icprules.spark;

/**
 * Scoring at scale on Apache Spark: {@link io.icprules.spark.SparkScorer} scores a
 * {@code Dataset<Row>} of accounts, joined with their events and contacts, inside
 * {@code mapPartitions}, with the same rules and the same results as the in-process engine;
 * {@link io.icprules.spark.SparkScoreJob} is the runnable job for {@code spark-submit}.
 *
 * <p>Only the ruleset's text travels to the workers (a serializable
 * {@link io.icprules.engine.RulesetSource}); each worker JVM compiles it once and shares the engine
 * through {@link io.icprules.engine.EngineCache}. Spark itself is provided by the cluster.
 */
package io.icprules.spark;

/**
 * Internal: how {@link io.icprules.spark.SparkScorer} reads Spark rows, groups accounts with their
 * events and contacts, and builds result rows. Not an API: these types change without notice.
 */
package io.icprules.spark.internal;

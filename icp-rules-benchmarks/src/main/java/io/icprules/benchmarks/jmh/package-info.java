/**
 * The JMH benchmarks: evaluation latency and batch throughput of the engine, the hand-written floor
 * and the Easy Rules peer on the same accounts; the library's batch API; ruleset build and hot
 * reload. Run them all with {@code java -jar icp-rules-benchmarks/target/benchmarks.jar}.
 */
package io.icprules.benchmarks.jmh;

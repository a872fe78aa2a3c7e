#!/bin/sh
# Spark (local[2]) against icp score on the same generated accounts, in one run; see
# docs/PERFORMANCE.md, "Scoring at scale with Spark". Usage, from the repository's root:
#   icp-rules-spark/probe.sh [DATA_DIR] [COUNT] [RULESET_DIR]
# Generates COUNT accounts (default 500,000) with events and contacts into DATA_DIR once (default
# /tmp/icp-spark-probe-COUNT, about 170 MB for 500,000), then measures icp score's steps, the engine
# alone and the Spark job's steps, each in a fresh JVM, and compares Spark's output with icp score's.
# PROBE_OPTS adds JVM options, such as -Dprobe.steps=spark or -Dprobe.jfr=/tmp/spark.jfr.
set -e
root=$(cd "$(dirname "$0")/.." && pwd -P)
count=${2:-500000}
data=${1:-/tmp/icp-spark-probe-$count}
rules=${3:-$root/icp-rules-benchmarks/src/main/resources/reference-ruleset}
cd "$root"
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_OPTS:-} -pl icp-rules-spark -am test-compile dependency:build-classpath \
  -Dmaven.javadoc.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/probe.cp 1>&2
# The module access Spark needs on Java 17+, as the tests pass it (spark.test.jvm.options in the pom).
opens=$(sed -n 's:.*<spark.test.jvm.options>\(.*\)</spark.test.jvm.options>.*:\1:p' icp-rules-spark/pom.xml)
spark=icp-rules-spark/target
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
# shellcheck disable=SC2086
exec java -Xmx2g $opens ${PROBE_OPTS:-} -cp "$spark/test-classes:$spark/classes:$(cat $spark/probe.cp)" \
  io.icprules.spark.probe.SparkThroughputProbe "$data" "$rules" "$count"

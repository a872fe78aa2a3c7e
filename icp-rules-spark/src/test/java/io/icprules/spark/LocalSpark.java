package io.icprules.spark;

import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One Spark session for every Spark test of the JVM (starting one takes seconds): two local cores,
 * no web UI, bound to the loopback address, few shuffle partitions. Spark stops it when the JVM
 * exits.
 */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            try {
                session = SparkSession.builder()
                        .master("local[2]")
                        .appName("icp-rules tests")
                        .config("spark.ui.enabled", "false")
                        .config("spark.driver.bindAddress", "127.0.0.1")
                        .config("spark.driver.host", "127.0.0.1")
                        .config("spark.sql.shuffle.partitions", "4")
                        .config("spark.sql.warehouse.dir",
                                Files.createTempDirectory("icp-spark-warehouse").toUri().toString())
                        .getOrCreate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return session;
    }
}

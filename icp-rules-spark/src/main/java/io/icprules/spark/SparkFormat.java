package io.icprules.spark;

import java.util.Locale;
import java.util.Optional;

/** The file formats the Spark job reads and writes. */
public enum SparkFormat {
    /** Comma-separated values with a header line, UTF-8: a file or a folder of part files. */
    CSV,
    /** Apache Parquet: a file or a folder of part files. */
    PARQUET;

    /**
     * Infers the format from a path's extension: {@code .csv} or {@code .parquet}, in any case.
     *
     * @param path a file or folder path, never null
     * @return the format, or empty when the path has neither extension
     */
    public static Optional<SparkFormat> fromPath(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (p.endsWith(".parquet")) {
            return Optional.of(PARQUET);
        }
        return Optional.empty();
    }

    /** @return the name Spark knows the format by: {@code csv} or {@code parquet} */
    public String sparkName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

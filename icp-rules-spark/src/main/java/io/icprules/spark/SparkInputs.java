package io.icprules.spark;

import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.Objects;

import static org.apache.spark.sql.functions.col;

/**
 * Reads accounts, events or contacts files into Datasets the way {@link SparkScorer} expects them:
 * CSV with a header (every cell read as text, then typed exactly as the {@code icp score} command
 * types it) or Parquet (typed columns), each row tagged with the name of the file it came from.
 *
 * <p>A CSV row whose cells do not line up with the header is not guessed at: Spark keeps its raw
 * text in {@value #CORRUPT_RECORD}, and the scorer turns that account into an error record.
 */
public final class SparkInputs {

    /** Column holding the name of the file a row was read from; used in error messages. */
    public static final String SOURCE_FILE = "_source_file";

    /** Column holding the raw text of a CSV row that does not match the header, else null. */
    public static final String CORRUPT_RECORD = "_corrupt_record";

    private SparkInputs() {
    }

    /**
     * Reads a file or a folder of part files.
     *
     * @param spark     the session, never null
     * @param path      a path Spark can read (local, HDFS, object store), never null
     * @param format    the format, never null
     * @param multiLine for CSV: whether quoted cells may hold line breaks. Such files cannot be split
     *                  between tasks, so leave it off for large files without line breaks in cells
     * @return the rows, with {@value #SOURCE_FILE} added, and {@value #CORRUPT_RECORD} for CSV
     */
    public static Dataset<Row> read(SparkSession spark, String path, SparkFormat format, boolean multiLine) {
        Objects.requireNonNull(path, "path");
        Dataset<Row> rows;
        if (format == SparkFormat.CSV) {
            DataFrameReader csv = spark.read()
                    .option("header", "true")
                    .option("encoding", "UTF-8")
                    .option("multiLine", Boolean.toString(multiLine))
                    // RFC 4180: a quote inside a quoted cell is doubled, as the icp command writes it.
                    .option("escape", "\"");
            // The header fixes the columns, all read as text; the extra column catches misaligned rows.
            StructType header = csv.csv(path).schema();
            rows = csv.schema(header.add(CORRUPT_RECORD, DataTypes.StringType, true))
                    // Every part file's header must name the same columns: never read one by position.
                    .option("enforceSchema", "false")
                    .option("mode", "PERMISSIVE")
                    .option("columnNameOfCorruptRecord", CORRUPT_RECORD)
                    .csv(path);
        } else {
            rows = spark.read().parquet(path);
        }
        return rows.withColumn(SOURCE_FILE, col("_metadata.file_name"));
    }
}

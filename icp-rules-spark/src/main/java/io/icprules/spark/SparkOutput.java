package io.icprules.spark;

import io.icprules.io.CsvResultWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

/**
 * Writes the results of {@link SparkScorer} as Parquet (every column, the ledger as an array of
 * structs) or CSV (a folder of part files with a header; the ledger as its readable text only,
 * since CSV cannot hold structs).
 *
 * <p>CSV cells that may hold input data are made safe for spreadsheets the way the {@code icp}
 * command does it ({@link CsvResultWriter#neutralise(String)}), and quotes inside cells are doubled
 * (RFC 4180).
 */
public final class SparkOutput {

    /** Columns written as they are in CSV: they are numbers, dates, hashes or fixed words. */
    private static final Set<String> NOT_NEUTRALISED = Set.of("decision", "score", "ruleset_hash", "as_of");

    /** Parquet column paths whose values rarely repeat. */
    private static final List<String> UNIQUE = List.of("account_id", "ledger_text", "ledger.list.element.reason");

    private SparkOutput() {
    }

    /**
     * Writes results.
     *
     * @param results   rows with the columns of {@link SparkScorer#COLUMNS}, never null
     * @param path      the output folder, never null
     * @param format    the format, never null
     * @param overwrite whether to replace an existing output; otherwise an existing one stops the write
     */
    public static void write(Dataset<Row> results, String path, SparkFormat format, boolean overwrite) {
        SaveMode mode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
        if (format == SparkFormat.PARQUET) {
            DataFrameWriter<Row> writer = results.write().mode(mode);
            // Columns with a different value on nearly every row: a dictionary would only be built
            // and thrown away for each row group (Parquet falls back to plain encoding).
            for (String column : UNIQUE) {
                writer = writer.option("parquet.enable.dictionary#" + column, "false");
            }
            writer.parquet(path);
            return;
        }
        UserDefinedFunction safe = udf((UDF1<String, String>) CsvResultWriter::neutralise, DataTypes.StringType);
        List<Column> cells = new ArrayList<>();
        for (String c : SparkScorer.COLUMNS) {
            if (c.equals("ledger")) {
                continue;
            }
            cells.add(NOT_NEUTRALISED.contains(c) ? col(c) : safe.apply(col(c)).as(c));
        }
        results.select(cells.toArray(Column[]::new))
                .write().mode(mode)
                .option("header", "true")
                .option("escape", "\"")
                .csv(path);
    }
}

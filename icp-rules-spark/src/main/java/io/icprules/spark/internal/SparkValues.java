package io.icprules.spark.internal;

import io.icprules.io.TextValues;
import org.apache.spark.sql.Row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the value of one Spark cell into the text the file readers would have read, so that a
 * typed Parquet column goes through exactly the same parsing and validation as a CSV cell
 * ({@link TextValues} and the field rules of {@code io.icprules.io}): a whole number reads as a whole
 * number, a decimal keeps its decimal point (so {@code 1.0} stays a decimal), a date as
 * {@code yyyy-MM-dd}, an array as a list ({@code a;b}), a map as pairs ({@code k=v;k=v}). Only what
 * is particular to Spark's types is here; the text forms are {@link TextValues}'.
 */
public final class SparkValues {

    private SparkValues() {
    }

    /**
     * @param row   a row, never null
     * @param index the cell's position
     * @return the cell as text, or null when the cell is null
     */
    public static String text(Row row, int index) {
        if (row.isNullAt(index)) {
            return null;
        }
        Object v = row.get(index);
        if (v instanceof scala.collection.Seq<?>) {
            List<Object> list = row.getList(index);
            return TextValues.joinList(list.stream().filter(Objects::nonNull).map(SparkValues::scalar).toList());
        }
        if (v instanceof scala.collection.Map<?, ?>) {
            Map<String, String> pairs = new LinkedHashMap<>();
            row.<Object, Object>getJavaMap(index).forEach((key, value) -> {
                if (value != null) {
                    pairs.put(String.valueOf(key), scalar(value));
                }
            });
            return TextValues.joinPairs(pairs);
        }
        return scalar(v);
    }

    private static String scalar(Object v) {
        if (v instanceof Double d) {
            return TextValues.decimalText(d);
        }
        if (v instanceof Float f) {
            // The float's own shortest digits: widening to double would add digits it never had.
            return f.isNaN() || f.isInfinite() ? f.toString() : TextValues.decimalText(new BigDecimal(f.toString()));
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString(); // a DECIMAL(10,0) headcount stays a whole number
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        return v.toString();
    }
}

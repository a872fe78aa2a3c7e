package io.icprules.spark;

import org.apache.spark.sql.Row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Turns the value of one Spark cell into the text the file readers would have read, so that a
 * typed Parquet column goes through exactly the same parsing and validation as a CSV cell: a whole
 * number reads as a whole number, a decimal keeps its decimal point (so {@code 1.0} stays a decimal),
 * a date as {@code yyyy-MM-dd}, an array as {@code a;b}, a map as {@code k=v;k=v}.
 */
final class SparkValues {

    private SparkValues() {
    }

    /**
     * @param row   a row, never null
     * @param index the cell's position
     * @return the cell as text, or null when the cell is null
     */
    static String text(Row row, int index) {
        if (row.isNullAt(index)) {
            return null;
        }
        Object v = row.get(index);
        if (v instanceof scala.collection.Seq<?>) {
            List<Object> list = row.getList(index);
            return list.stream().filter(Objects::nonNull).map(SparkValues::scalar).collect(Collectors.joining(";"));
        }
        if (v instanceof scala.collection.Map<?, ?>) {
            Map<Object, Object> map = row.getJavaMap(index);
            return map.entrySet().stream().filter(e -> e.getValue() != null)
                    .map(e -> e.getKey() + "=" + scalar(e.getValue())).collect(Collectors.joining(";"));
        }
        return scalar(v);
    }

    private static String scalar(Object v) {
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? d.toString() : decimal(BigDecimal.valueOf(d));
        }
        if (v instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? f.toString() : decimal(new BigDecimal(f.toString()));
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        return v.toString();
    }

    /** Plain notation with a decimal point ({@code 1200000.0}, never {@code 1.2E6}). */
    private static String decimal(BigDecimal b) {
        String plain = b.toPlainString();
        return plain.indexOf('.') >= 0 ? plain : plain + ".0";
    }
}

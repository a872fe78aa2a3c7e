package io.icprules.spark;

import io.icprules.io.AccountFields;
import io.icprules.io.ColumnNames;
import io.icprules.io.ContactFields;
import io.icprules.io.EventFields;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

/**
 * Which column of an input Dataset holds which field, resolved on the driver before a job starts
 * with the column rules of the {@code icp score} command (names match ignoring case and spaces,
 * {@code attr.<name>} for custom attributes, unknown columns refused), plus a check of each column's
 * Spark type so that no value is misread on the workers.
 */
final class InputColumns {

    private final Map<String, String> columns;
    private final boolean source;
    private final boolean corrupt;

    private InputColumns(Map<String, String> columns, boolean source, boolean corrupt) {
        this.columns = columns;
        this.source = source;
        this.corrupt = corrupt;
    }

    /**
     * @param schema the accounts Dataset's schema
     * @return the accounts' columns
     * @throws IllegalArgumentException naming every unusable column
     */
    static InputColumns accounts(StructType schema) {
        return resolve("accounts", schema, AccountFields.NAMES, true, Set.of("id"), (field, type) ->
                switch (field) {
                    case "id" -> text(type) || type instanceof IntegralType ? null : "text or a whole number";
                    case "technologies" -> text(type) || textArray(type) ? null : "text (separated by ;) or an array of text";
                    default -> text(type) || type instanceof IntegralType || fractional(type)
                            || type instanceof BooleanType || type instanceof DateType ? null
                            : "text, a number, a boolean or a date";
                });
    }

    /**
     * @param schema the events Dataset's schema
     * @return the events' columns
     * @throws IllegalArgumentException naming every unusable column
     */
    static InputColumns events(StructType schema) {
        return resolve("events", schema, EventFields.COLUMNS, false, Set.of("account_id", "type", "date"),
                (field, type) -> switch (field) {
                    case "account_id" -> text(type) || type instanceof IntegralType ? null : "text or a whole number";
                    case "date" -> text(type) || type instanceof DateType ? null : "a date or yyyy-MM-dd text";
                    case "details" -> text(type) || textMap(type) ? null : "key=value;key=value text or a map of text";
                    default -> text(type) ? null : "text";
                });
    }

    /**
     * @param schema the contacts Dataset's schema
     * @return the contacts' columns
     * @throws IllegalArgumentException naming every unusable column
     */
    static InputColumns contacts(StructType schema) {
        return resolve("contacts", schema, ContactFields.COLUMNS, false, Set.of("account_id"),
                (field, type) -> field.equals("account_id")
                        ? text(type) || type instanceof IntegralType ? null : "text or a whole number"
                        : text(type) ? null : "text");
    }

    /** What a field needs, or null when its type is fine. */
    private interface TypeRule {
        String problem(String field, DataType type);
    }

    private static InputColumns resolve(String what, StructType schema, List<String> known, boolean attributes,
                                        Set<String> required, TypeRule rule) {
        List<String> header = new ArrayList<>();
        List<StructField> fields = new ArrayList<>();
        boolean source = false;
        boolean corrupt = false;
        for (StructField f : schema.fields()) {
            if (f.name().equals(SparkInputs.SOURCE_FILE)) {
                source = true;
            } else if (f.name().equals(SparkInputs.CORRUPT_RECORD)) {
                corrupt = true;
            } else {
                header.add(f.name());
                fields.add(f);
            }
        }
        Map<String, Integer> resolved;
        try {
            resolved = ColumnNames.resolve(header, known, attributes, required);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        resolved.forEach((field, i) -> {
            StructField f = fields.get(i);
            String need = rule.problem(field, f.dataType());
            if (need != null) {
                problems.add("column '" + f.name() + "' is " + f.dataType().simpleString() + "; it must be " + need);
            }
            columns.put(field, f.name());
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(what + ": " + String.join("; ", problems));
        }
        return new InputColumns(columns, source, corrupt);
    }

    private static boolean text(DataType t) {
        return t instanceof StringType;
    }

    private static boolean fractional(DataType t) {
        return t instanceof DoubleType || t instanceof FloatType || t instanceof DecimalType;
    }

    private static boolean textArray(DataType t) {
        return t instanceof ArrayType a && a.elementType() instanceof StringType;
    }

    private static boolean textMap(DataType t) {
        return t instanceof MapType m && m.keyType() instanceof StringType && m.valueType() instanceof StringType;
    }

    /** @return the fields present, such as {@code id}, {@code employees}, {@code attr.locations}, in column order */
    List<String> fields() {
        return List.copyOf(columns.keySet());
    }

    /**
     * @param field a field name, such as {@code employees}
     * @return the column holding it, or a text null when the Dataset has no such column
     */
    Column column(String field) {
        String name = columns.get(field);
        return name == null ? lit(null).cast(DataTypes.StringType) : quoted(name);
    }

    /** @return the file name of each row, or a text null when unknown */
    Column sourceFile() {
        return source ? quoted(SparkInputs.SOURCE_FILE) : lit(null).cast(DataTypes.StringType);
    }

    /** @return the raw text of a row that did not match the header, or a text null */
    Column corruptRecord() {
        return corrupt ? quoted(SparkInputs.CORRUPT_RECORD) : lit(null).cast(DataTypes.StringType);
    }

    /**
     * The join key of an id column: as text, stripped, and null when blank, as the readers read ids.
     *
     * @param field {@code id} or {@code account_id}
     * @return the key column
     */
    Column key(String field) {
        Column stripped = regexp_replace(column(field).cast(DataTypes.StringType), "^\\s+|\\s+$", "");
        return when(length(stripped).gt(0), stripped);
    }

    /** Dots in names such as {@code attr.locations} would otherwise read as a struct field access. */
    static Column quoted(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }
}

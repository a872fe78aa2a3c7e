package io.icprules.spark.internal;

import io.icprules.io.AccountFields;
import io.icprules.io.ColumnNames;
import io.icprules.io.ContactFields;
import io.icprules.io.EventFields;
import io.icprules.spark.SparkInputs;
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
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

/**
 * Which column of an input Dataset holds which field, resolved on the driver before a job starts
 * with the column rules of the {@code icp score} command (names match ignoring case and spaces,
 * {@code attr.<name>} for custom attributes, unknown columns refused), plus a check of each column's
 * Spark type so that no value is misread on the workers. Also used for the structs of nested
 * {@code events} and {@code contacts} arrays, which have no {@code account_id}.
 */
public final class InputColumns {

    /** Names of the nested array columns an accounts Dataset may have instead of separate Datasets. */
    public static final String NESTED_EVENTS = "events";
    /** See {@link #NESTED_EVENTS}. */
    public static final String NESTED_CONTACTS = "contacts";

    private final Map<String, String> columns;
    private final Map<String, Integer> positions;
    private final boolean source;
    private final boolean corrupt;

    private InputColumns(Map<String, String> columns, Map<String, Integer> positions, boolean source, boolean corrupt) {
        this.columns = columns;
        this.positions = positions;
        this.source = source;
        this.corrupt = corrupt;
    }

    /**
     * @param schema an accounts Dataset's schema
     * @param name   {@link #NESTED_EVENTS} or {@link #NESTED_CONTACTS}
     * @return the position of that nested array-of-structs column (name matched ignoring case and
     *         spaces), or -1 when there is none
     */
    public static int nested(StructType schema, String name) {
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].name().strip().equalsIgnoreCase(name) && fields[i].dataType() instanceof ArrayType a
                    && a.elementType() instanceof StructType) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param schema an accounts Dataset's schema
     * @return the names of the columns that hold account fields or attributes, for a column mapping:
     *         all but the nested arrays and the file name and raw-row columns, in order
     */
    public static List<String> header(StructType schema) {
        List<String> out = new ArrayList<>();
        int events = nested(schema, NESTED_EVENTS);
        int contacts = nested(schema, NESTED_CONTACTS);
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            if (i != events && i != contacts && !internal(fields[i].name())) {
                out.add(fields[i].name());
            }
        }
        return out;
    }

    /** @return true for the columns {@link SparkInputs} adds: the file name and a CSV row's raw text */
    public static boolean internal(String column) {
        return column.equals(SparkInputs.SOURCE_FILE) || column.equals(SparkInputs.CORRUPT_RECORD);
    }

    /**
     * @param schema the accounts Dataset's schema
     * @return the accounts' columns
     * @throws IllegalArgumentException naming every unusable column
     */
    public static InputColumns accounts(StructType schema) {
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
    public static InputColumns events(StructType schema) {
        return events("events", schema, Set.of("account_id", "type", "date"));
    }

    /**
     * @param schema the struct of a nested {@code events} array's elements
     * @return the events' columns; {@code account_id} is not needed
     * @throws IllegalArgumentException naming every unusable field
     */
    public static InputColumns nestedEvents(StructType schema) {
        return events("accounts: events", schema, Set.of("type", "date"));
    }

    private static InputColumns events(String what, StructType schema, Set<String> required) {
        return resolve(what, schema, EventFields.COLUMNS, false, required,
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
    public static InputColumns contacts(StructType schema) {
        return contacts("contacts", schema, Set.of("account_id"));
    }

    /**
     * @param schema the struct of a nested {@code contacts} array's elements
     * @return the contacts' columns; {@code account_id} is not needed
     * @throws IllegalArgumentException naming every unusable field
     */
    public static InputColumns nestedContacts(StructType schema) {
        return contacts("accounts: contacts", schema, Set.of());
    }

    private static InputColumns contacts(String what, StructType schema, Set<String> required) {
        return resolve(what, schema, ContactFields.COLUMNS, false, required,
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
        List<Integer> at = new ArrayList<>();
        boolean source = false;
        boolean corrupt = false;
        int events = attributes ? nested(schema, NESTED_EVENTS) : -1;
        int contacts = attributes ? nested(schema, NESTED_CONTACTS) : -1;
        StructField[] all = schema.fields();
        for (int i = 0; i < all.length; i++) {
            StructField f = all[i];
            if (f.name().equals(SparkInputs.SOURCE_FILE)) {
                source = true;
            } else if (f.name().equals(SparkInputs.CORRUPT_RECORD)) {
                corrupt = true;
            } else if (i != events && i != contacts) {
                header.add(f.name());
                fields.add(f);
                at.add(i);
            }
        }
        Map<String, Integer> resolved;
        try {
            resolved = ColumnNames.resolve(header, known, attributes, required);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        resolved.forEach((field, i) -> {
            StructField f = fields.get(i);
            positions.put(field, at.get(i));
            String need = rule.problem(field, f.dataType());
            if (need != null) {
                problems.add("column '" + f.name() + "' is " + f.dataType().simpleString() + "; it must be " + need);
            }
            columns.put(field, f.name());
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(what + ": " + String.join("; ", problems));
        }
        return new InputColumns(columns, positions, source, corrupt);
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
    public List<String> fields() {
        return List.copyOf(columns.keySet());
    }

    /**
     * @param field a field name, such as {@code employees}
     * @return the field's position in the schema, or -1 when absent
     */
    public int position(String field) {
        return positions.getOrDefault(field, -1);
    }

    /**
     * @param field a field name, such as {@code employees}
     * @return the column holding it, or a text null when the Dataset has no such column
     */
    public Column column(String field) {
        String name = columns.get(field);
        return name == null ? lit(null).cast(DataTypes.StringType) : quoted(name);
    }

    /** @return the file name of each row, or a text null when unknown */
    public Column sourceFile() {
        return source ? quoted(SparkInputs.SOURCE_FILE) : lit(null).cast(DataTypes.StringType);
    }

    /** @return the raw text of a row that did not match the header, or a text null */
    public Column corruptRecord() {
        return corrupt ? quoted(SparkInputs.CORRUPT_RECORD) : lit(null).cast(DataTypes.StringType);
    }

    /**
     * The join key of an id column: as text, stripped, and null when blank, as the readers read ids.
     *
     * @param field {@code id} or {@code account_id}
     * @return the key column
     */
    public Column key(String field) {
        return key(column(field));
    }

    /**
     * @param id an id column
     * @return its join key: as text, stripped, and null when blank, as the readers read ids
     */
    public static Column key(Column id) {
        // The whitespace of Java's \s, trimmed without a regular expression (one per row costs).
        Column stripped = trim(id.cast(DataTypes.StringType), " \t\n\u000B\f\r");
        return when(length(stripped).gt(0), stripped);
    }

    /** Dots in names such as {@code attr.locations} would otherwise read as a struct field access. */
    public static Column quoted(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }
}

package io.icprules.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Matches the column names of a header with the names a layout accepts: ignoring case and
 * surrounding spaces, with {@code attr.<name>} columns for custom attributes where the layout allows
 * them. Shared by the CSV readers and the Spark job, so that a file is read the same way by both.
 */
public final class ColumnNames {

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private ColumnNames() {
    }

    /**
     * Resolves a header.
     *
     * @param header     the column names as written, in order, never null
     * @param known      the accepted column names, in lower case, never null
     * @param attributes whether {@code attr.<name>} columns are accepted
     * @param required   the columns that must be present, never null
     * @return normalised column name (such as {@code employees} or {@code attr.locations}) to its
     *         0-based position, in header order
     * @throws IllegalArgumentException naming every unknown, repeated or missing column and listing
     *                                  the accepted ones
     */
    public static Map<String, Integer> resolve(List<String> header, Collection<String> known, boolean attributes,
                                               Set<String> required) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i).replace("\uFEFF", "").strip();
            String lower = raw.toLowerCase(Locale.ROOT);
            String name;
            if (known.contains(lower)) {
                name = lower;
            } else if (attributes && lower.startsWith(AccountFields.ATTRIBUTE_PREFIX)) {
                String attr = raw.substring(AccountFields.ATTRIBUTE_PREFIX.length());
                if (!ATTRIBUTE_NAME.matcher(attr).matches()) {
                    problems.add("column " + (i + 1) + " '" + TextValues.preview(raw)
                            + "': attribute names may use letters, digits, '_', '-' and '.' only");
                    continue;
                }
                name = AccountFields.ATTRIBUTE_PREFIX + attr;
            } else {
                problems.add("column " + (i + 1) + " '" + TextValues.preview(raw) + "' is not a known column");
                continue;
            }
            if (columns.putIfAbsent(name, i) != null) {
                problems.add("column " + (i + 1) + " '" + name + "' appears more than once");
            }
        }
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(columns.keySet());
        if (!missing.isEmpty()) {
            problems.add("required " + (missing.size() == 1 ? "column " : "columns ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(TextValues.listed(problems, "; ") + ". Accepted columns: "
                    + String.join(", ", known) + (attributes ? ", " + AccountFields.ATTRIBUTE_PREFIX + "<name>" : "")
                    + (required.isEmpty() ? "" : " (required: " + String.join(", ", new TreeSet<>(required)) + ")"));
        }
        return columns;
    }
}

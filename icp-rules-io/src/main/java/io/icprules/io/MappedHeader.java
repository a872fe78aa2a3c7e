package io.icprules.io;

import io.icprules.error.InvalidFactException;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Event;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link ColumnMapping} checked against one header, turning that header's rows into account
 * records with the mapping's conversions (see {@link MappedCsvAccountReader} for the rules). Shared
 * by the CSV reader and the Spark scorer, so that a CRM export is read the same way by both.
 */
public final class MappedHeader {

    /** A mapped column found in the header, under its lower-case name. */
    private record Found(ColumnMapping.Column column, String key) {
    }

    private final List<Found> columns;
    private final Found id;
    private final Map<String, Integer> positions;

    private MappedHeader(List<Found> columns, Map<String, Integer> positions) {
        this.columns = List.copyOf(columns);
        this.id = columns.stream().filter(f -> f.column().target().equals("id")).findFirst().orElseThrow();
        this.positions = positions;
    }

    /**
     * Checks a header against a mapping. Headers match ignoring case and surrounding spaces.
     *
     * @param mapping the mapping, never null
     * @param header  the column names as written, in order, never null
     * @return the checked header
     * @throws IllegalArgumentException naming every problem at once: a mapped column missing (unless
     *                                  optional) or repeated, a column neither mapped nor ignored
     *                                  (unless the mapping ignores unmapped columns), no id column
     */
    public static MappedHeader of(ColumnMapping mapping, List<String> header) {
        Objects.requireNonNull(mapping, "mapping");
        Map<String, ColumnMapping.Column> byHeader = new HashMap<>();
        mapping.columns().forEach(c -> byHeader.put(c.header().toLowerCase(Locale.ROOT), c));
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<Found> found = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i).replace("\uFEFF", "").strip();
            String lower = raw.toLowerCase(Locale.ROOT);
            ColumnMapping.Column c = byHeader.get(lower);
            if (c != null) {
                if (positions.putIfAbsent(lower, i) != null) {
                    problems.add("column " + (i + 1) + " '" + TextValues.preview(raw) + "' appears more than once");
                } else {
                    found.add(new Found(c, lower));
                }
            } else if (!mapping.ignored().contains(lower) && !mapping.ignoreUnmapped()) {
                unmapped.add("'" + TextValues.preview(raw) + "'");
            }
        }
        if (!unmapped.isEmpty()) {
            problems.add((unmapped.size() == 1 ? "column " : "columns ") + TextValues.listed(unmapped, ", ")
                    + (unmapped.size() == 1 ? " is" : " are") + " not in the mapping " + mapping.source()
                    + " (map them, list them under ignore:, or set ignore_unmapped: true)");
        }
        List<String> missing = new ArrayList<>();
        for (ColumnMapping.Column c : mapping.columns()) {
            if (!c.optional() && !positions.containsKey(c.header().toLowerCase(Locale.ROOT))) {
                missing.add("'" + c.header() + "'");
            }
        }
        if (!missing.isEmpty()) {
            problems.add("mapped " + (missing.size() == 1 ? "column " : "columns ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing (fix the header in the mapping, or mark the "
                    + "column optional: true)");
        }
        if (found.stream().noneMatch(f -> f.column().target().equals("id")) && missing.isEmpty()) {
            problems.add("the column mapped to id is missing; every row needs an account id");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(TextValues.listed(problems, "; "));
        }
        return new MappedHeader(found, positions);
    }

    /** @return the lower-case name of every mapped column of the header, with its 0-based position */
    public Map<String, Integer> positions() {
        return positions;
    }

    /**
     * Converts one row's cells, given in header order.
     *
     * @param line    the row's line for messages, 0 when unknown
     * @param cells   the cells in header order, never null; a missing or null cell is unknown
     * @param problem why the row's cells cannot be trusted (they do not line up with the header), or
     *                null; such a row becomes an error record with its id when it has one
     * @return the record, or an error record naming the column, the field and the value
     */
    public AccountRecord toRecord(long line, List<String> cells, String problem) {
        return toRecord(line, key -> {
            Integer i = positions.get(key);
            return i == null || i >= cells.size() ? null : cells.get(i);
        }, false, problem);
    }

    /**
     * Converts one row.
     *
     * @param line    the row's line for messages, 0 when unknown
     * @param cell    the cell of a mapped column, by its lower-case name, or null
     * @param broken  whether the row's text could not be read at all
     * @param problem why the row cannot be trusted (unreadable, or cells not lining up with the
     *                header), or null
     * @return the record, or an error record
     */
    AccountRecord toRecord(long line, Function<String, String> cell, boolean broken, String problem) {
        String accountId = TextValues.blankToNull(translate(id.column(), cell.apply(id.key())));
        if (broken) {
            return AccountRecord.error(line, AccountFields.usableId(accountId), problem);
        }
        if (accountId == null) {
            String width = problem == null ? "" : "; " + problem;
            return AccountRecord.error(line, null, label(id.column()) + ": is required and must not be blank" + width);
        }
        Account.Builder account;
        try {
            account = Account.builder(accountId);
        } catch (InvalidFactException e) {
            return AccountRecord.error(line, null, label(id.column()) + ": " + e.getMessage());
        }
        if (problem != null) {
            return AccountRecord.error(line, accountId, problem);
        }
        List<String> problems = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (Found f : columns) {
            ColumnMapping.Column c = f.column();
            if (c == id.column()) {
                continue;
            }
            try {
                apply(account, events, c, translate(c, cell.apply(f.key())));
            } catch (InvalidFactException e) {
                problems.add(label(c) + ": " + TextValues.reason(e));
            }
        }
        if (!problems.isEmpty()) {
            return AccountRecord.error(line, accountId, TextValues.listed(problems, "; "));
        }
        return AccountRecord.ok(line, AccountFacts.of(account.build(), events, List.of()));
    }

    /** {@code column 'Number of Employees' (employees)}: the header as the file spells it, and the field. */
    private static String label(ColumnMapping.Column c) {
        return "column '" + c.header() + "' (" + c.target() + ")";
    }

    private static String translate(ColumnMapping.Column c, String cell) {
        if (cell == null || c.values().isEmpty()) {
            return cell;
        }
        String to = c.values().get(cell.strip().toLowerCase(Locale.ROOT));
        return to == null ? cell : to;
    }

    private static void apply(Account.Builder account, List<Event> events, ColumnMapping.Column c, String cell) {
        String t = c.target();
        AccountField field = AccountField.byKey(t);
        if (field != null) {
            field.set(account, value(field, c, cell));
        } else if (t.startsWith("event.")) {
            var date = CrmValues.date(t, cell, c.date(), c.datePattern());
            if (date != null) {
                Event.Builder e = Event.builder(t.substring("event.".length()), date);
                c.details().forEach(e::detail);
                events.add(e.build());
            }
        } else {
            account.attribute(t.substring(AccountFields.ATTRIBUTE_PREFIX.length()), attribute(t, cell, c));
        }
    }

    /** A fixed field's cell converted as the column's type says, into the value its setter takes. */
    private static Object value(AccountField field, ColumnMapping.Column c, String cell) {
        String f = field.key();
        return switch (c.type()) {
            case DOMAIN -> CrmValues.domain(f, cell);
            case COUNTRY -> CrmValues.country(f, cell);
            case WHOLE -> field.whole(CrmValues.whole(f, cell, c.range()), cell);
            case LIST -> TextValues.list(cell, c.separator());
            default -> cell;
        };
    }

    private static Object attribute(String f, String cell, ColumnMapping.Column c) {
        return switch (c.type()) {
            case TEXT -> TextValues.blankToNull(cell);
            case BOOLEAN -> CrmValues.bool(f, cell);
            case DATE -> CrmValues.date(f, cell, c.date(), c.datePattern());
            case NUMBER -> {
                BigDecimal n = CrmValues.number(f, cell, c.range());
                if (n == null) {
                    yield null;
                }
                BigDecimal s = n.stripTrailingZeros();
                yield s.scale() <= 0 && s.toBigInteger().bitLength() < 64 ? (Object) s.longValueExact() : (Object) n.doubleValue();
            }
            default -> TextValues.attribute(f, cell);
        };
    }
}

package io.icprules.io;

import io.icprules.error.InvalidFactException;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Event;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads accounts from a CSV file with arbitrary headers, such as a CRM export, through a
 * {@link ColumnMapping}.
 *
 * <p>When the file is opened its header is checked against the mapping, and the file is refused
 * ({@link InputFileException}) before any row is read when a mapped column is missing (unless the
 * mapping marks it {@code optional}), a mapped column appears twice, or a column is neither mapped
 * nor ignored (unless the mapping says {@code ignore_unmapped: true}). Headers match ignoring case
 * and surrounding spaces.
 *
 * <p>Each row's values go through {@code values:} translation first, then the column's conversion:
 * <ul>
 *   <li>{@code employees}, {@code annual_revenue}, {@code founded_year}: whole numbers written for
 *       people: {@code 1,200}, {@code 1 200}, {@code 1'200}, {@code $4,500,000.00},
 *       {@code USD 4.5M}, {@code 12k}; a currency symbol or code is dropped, never converted; a
 *       range ({@code 51-200}, {@code 1,001 to 5,000}) becomes its lower bound or its midpoint
 *       (rounded down) as the mapping says, and an open range ({@code 10,001+}) its lower bound;</li>
 *   <li>{@code country}: ISO codes of two or three letters and English country names;</li>
 *   <li>{@code domain}: a website address is reduced to its domain;</li>
 *   <li>{@code technologies}: split by the list separator;</li>
 *   <li>{@code attr.NAME}: typed from the text as in the plain CSV layout, or by the declared type:
 *       {@code number} (as above, and {@code 85%} is 0.85), {@code boolean} (Yes, No, True, False,
 *       Y, N, 1, 0), {@code date} (in the declared form) or {@code text};</li>
 *   <li>{@code event.TYPE}: a date in the declared form becomes an event of that type, with the
 *       column's fixed {@code details} if it has any.</li>
 * </ul>
 * A value that cannot be converted makes its row an error record naming the line, the account
 * id, the column as the file spells it, the field, the value and what was expected; a row whose text
 * cannot be read (see {@link CsvRows}) becomes an error record saying why; no row is dropped.
 */
public final class MappedCsvAccountReader implements AccountReader {

    /** A mapped column found in the file. */
    private record Found(ColumnMapping.Column column, String key) {
    }

    private final CsvRows rows;
    private final List<Found> columns;
    private final Found id;
    private boolean consumed;

    private MappedCsvAccountReader(CsvRows rows, List<Found> columns) {
        this.rows = rows;
        this.columns = columns;
        this.id = columns.stream().filter(f -> f.column().target().equals("id")).findFirst().orElseThrow();
    }

    /**
     * Opens a file and checks its header against the mapping.
     *
     * @param file    the CSV file, never null
     * @param mapping the mapping, never null
     * @return the reader
     * @throws InputFileException when the header does not fit the mapping (see the class comment)
     * @throws IOException        when the file cannot be opened
     */
    public static MappedCsvAccountReader open(Path file, ColumnMapping mapping) throws IOException {
        return open(file, mapping, ReadOptions.defaults());
    }

    /**
     * Opens a file in a given encoding, with a given longest row, and checks its header against the
     * mapping.
     *
     * @param file    the CSV file, never null
     * @param mapping the mapping, never null
     * @param options the encoding and the longest row, never null
     * @return the reader
     * @throws InputFileException when the header does not fit the mapping (see the class comment), or the
     *                            file cannot be read in that encoding at all
     * @throws IOException        when the file cannot be opened
     */
    public static MappedCsvAccountReader open(Path file, ColumnMapping mapping, ReadOptions options)
            throws IOException {
        List<Found> found = new ArrayList<>();
        CsvRows rows = CsvRows.open(file, header -> check(file, mapping, header, found), options);
        return new MappedCsvAccountReader(rows, found);
    }

    private static Map<String, Integer> check(Path file, ColumnMapping mapping, List<String> header, List<Found> found)
            throws InputFileException {
        Map<String, ColumnMapping.Column> byHeader = new HashMap<>();
        mapping.columns().forEach(c -> byHeader.put(c.header().toLowerCase(Locale.ROOT), c));
        Map<String, Integer> positions = new LinkedHashMap<>();
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
            throw new InputFileException(file, "line 1: " + TextValues.listed(problems, "; "));
        }
        return positions;
    }

    @Override
    public Path file() {
        return rows.file();
    }

    @Override
    public Stream<AccountRecord> records() {
        if (consumed) {
            throw new IllegalStateException("records() can be called once");
        }
        consumed = true;
        // As for plain CSV: rows are split here and translated on other threads.
        return ParallelRecords.decodeCsv(rows, this::toRecord, this);
    }

    private AccountRecord toRecord(CsvRow row) {
        String idText = translate(id.column(), row.get(id.key()));
        String accountId = TextValues.blankToNull(idText);
        if (row.isBroken()) {
            return AccountRecord.error(row.line(), AccountFields.usableId(accountId), row.problem().orElseThrow());
        }
        if (accountId == null) {
            String width = row.problem().map(w -> "; " + w).orElse("");
            return AccountRecord.error(row.line(), null, label(id.column()) + ": is required and must not be blank" + width);
        }
        Account.Builder account;
        try {
            account = Account.builder(accountId);
        } catch (InvalidFactException e) {
            return AccountRecord.error(row.line(), null, label(id.column()) + ": " + e.getMessage());
        }
        if (row.problem().isPresent()) {
            return AccountRecord.error(row.line(), accountId, row.problem().get());
        }
        List<String> problems = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (Found f : columns) {
            ColumnMapping.Column c = f.column();
            if (c == id.column()) {
                continue;
            }
            try {
                apply(account, events, c, translate(c, row.get(f.key())));
            } catch (InvalidFactException e) {
                problems.add(label(c) + ": " + TextValues.reason(e));
            }
        }
        if (!problems.isEmpty()) {
            return AccountRecord.error(row.line(), accountId, TextValues.listed(problems, "; "));
        }
        return AccountRecord.ok(row.line(), AccountFacts.of(account.build(), events, List.of()));
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

    @Override
    public void close() throws IOException {
        rows.close();
    }
}

package io.icprules.evidence;

import io.icprules.error.InvalidFactException;
import io.icprules.io.AccountFields;
import io.icprules.io.AccountRecord;
import io.icprules.io.CsvAccountReader;
import io.icprules.io.CsvRow;
import io.icprules.io.CsvRows;
import io.icprules.io.CsvSyntaxException;
import io.icprules.io.FileFormat;
import io.icprules.io.InputFileException;
import io.icprules.io.ReadOptions;
import io.icprules.io.TextValues;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The snapshots of an accounts file that has a {@code valid_from} column, by account and date: which
 * row describes an account on a given day. Read and used by {@link AccountBook}.
 */
final class AccountSnapshots {

    /** The column that makes an accounts file a snapshot file. */
    static final String VALID_FROM = "valid_from";

    private static final List<String> COLUMNS;

    static {
        List<String> columns = new ArrayList<>(AccountFields.NAMES);
        columns.add(VALID_FROM);
        COLUMNS = List.copyOf(columns);
    }

    private final String fileName;
    private final List<AccountSnapshot> rows;
    /** Per account, its dated rows by date; a date on two rows holds an error record naming both. */
    private final Map<String, TreeMap<LocalDate, AccountRecord>> byId = new LinkedHashMap<>();
    /** Per account, the lines of its rows without a usable date. */
    private final Map<String, List<Long>> undated = new LinkedHashMap<>();

    AccountSnapshots(String fileName, List<AccountSnapshot> rows) {
        this.fileName = fileName;
        this.rows = List.copyOf(rows);
        Map<String, Map<LocalDate, List<AccountRecord>>> grouped = new LinkedHashMap<>();
        for (AccountSnapshot s : rows) {
            String id = s.record().accountId();
            if (id == null) {
                continue;
            }
            if (s.validFrom() == null) {
                undated.computeIfAbsent(id, k -> new ArrayList<>()).add(s.record().line());
            } else {
                grouped.computeIfAbsent(id, k -> new LinkedHashMap<>())
                        .computeIfAbsent(s.validFrom(), k -> new ArrayList<>()).add(s.record());
            }
        }
        grouped.forEach((id, dates) -> {
            TreeMap<LocalDate, AccountRecord> timeline = new TreeMap<>();
            dates.forEach((date, same) -> timeline.put(date, same.size() == 1 ? same.get(0)
                    : AccountRecord.error(same.get(0).line(), id, "account " + id + " has " + same.size()
                    + " rows valid from " + date + " (lines " + TextValues.listed(same.stream()
                    .map(r -> String.valueOf(r.line())).toList(), ", ") + " of " + fileName
                    + "); keep one row per account and date")));
            byId.put(id, timeline);
        });
    }

    /**
     * Tells whether a file is a snapshot file: a CSV file whose header has a {@code valid_from} column
     * and is otherwise the accounts layout. Any other file is left to the accounts reader, which says
     * what is wrong with its header.
     */
    static boolean isSnapshotFile(Path file, ReadOptions options) throws IOException {
        if (FileFormat.fromFileName(file).orElse(null) != FileFormat.CSV) {
            return false;
        }
        try (CsvRows rows = CsvRows.open(file, COLUMNS, true, Set.of("id"), options)) {
            return rows.columns().contains(VALID_FROM);
        } catch (InputFileException e) {
            return false;
        }
    }

    /**
     * Reads a snapshot file.
     *
     * @param file    the file, never null
     * @param options the encoding and the longest row
     * @param attach  adds an account's events and contacts to a record read from the file
     * @return the snapshots
     */
    static AccountSnapshots read(Path file, ReadOptions options, UnaryOperator<AccountRecord> attach)
            throws IOException {
        List<AccountSnapshot> out = new ArrayList<>();
        try (CsvRows rows = CsvRows.open(file, COLUMNS, true, Set.of("id", VALID_FROM), options)) {
            List<String> accountColumns = rows.columns().stream().filter(c -> !c.equals(VALID_FROM)).toList();
            while (rows.hasNext()) {
                CsvRow row;
                try {
                    row = rows.next();
                } catch (CsvSyntaxException e) {
                    out.add(new AccountSnapshot(null, AccountRecord.error(e.line(), null, e.problem())));
                    continue;
                }
                out.add(snapshot(row, accountColumns, attach));
            }
        }
        return new AccountSnapshots(String.valueOf(file.getFileName()), out);
    }

    private static AccountSnapshot snapshot(CsvRow row, List<String> accountColumns,
                                            UnaryOperator<AccountRecord> attach) {
        AccountRecord record = CsvAccountReader.record(row, accountColumns);
        if (row.isBroken() || row.problem().isPresent()) {
            return new AccountSnapshot(null, attach.apply(record)); // the cells do not line up: no date can be trusted
        }
        LocalDate validFrom = null;
        String problem;
        try {
            validFrom = TextValues.isoDate(VALID_FROM, row.get(VALID_FROM));
            problem = validFrom == null ? VALID_FROM + ": is required in a snapshot file (the first day the row "
                    + "describes the account, yyyy-MM-dd)" : null;
        } catch (InvalidFactException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            record = AccountRecord.error(record.line(), record.accountId(),
                    problem + (record.isError() ? "; " + record.error() : ""));
        }
        return new AccountSnapshot(validFrom, attach.apply(record));
    }

    /** @return every row, in file order */
    List<AccountSnapshot> rows() {
        return rows;
    }

    /** @return every row's record, in file order */
    List<AccountRecord> records() {
        return rows.stream().map(AccountSnapshot::record).toList();
    }

    /** @return the rows left out for want of a usable date, described for people */
    List<String> undatedRows() {
        return rows.stream().filter(s -> s.validFrom() == null && s.record().accountId() != null)
                .map(s -> fileName + " " + s.record().describe()).toList();
    }

    /** @return how many accounts have at least one dated row */
    int accounts() {
        return byId.size();
    }

    /** @return how many dated rows there are */
    long dated() {
        return rows.stream().filter(s -> s.validFrom() != null).count();
    }

    /** @return the earliest date of the account's dated rows, or empty when it has none */
    Optional<LocalDate> first(String accountId) {
        TreeMap<LocalDate, AccountRecord> timeline = byId.get(accountId);
        return timeline == null ? Optional.empty() : Optional.of(timeline.firstKey());
    }

    /**
     * The row that describes an account on a day: the latest with {@code valid_from} on or before it.
     *
     * @return the record; an error record when the day is before every dated row or the account has none;
     *         empty when no row names the account
     */
    Optional<AccountRecord> find(String accountId, LocalDate day) {
        TreeMap<LocalDate, AccountRecord> timeline = byId.get(accountId);
        if (timeline == null) {
            List<Long> lines = undated.get(accountId);
            return lines == null ? Optional.empty() : Optional.of(AccountRecord.error(lines.get(0), accountId,
                    "no row of account " + accountId + " in " + fileName + " has a usable valid_from (lines "
                            + TextValues.listed(lines.stream().map(String::valueOf).toList(), ", ") + ")"));
        }
        Map.Entry<LocalDate, AccountRecord> e = timeline.floorEntry(day);
        if (e == null) {
            Map.Entry<LocalDate, AccountRecord> first = timeline.firstEntry();
            return Optional.of(AccountRecord.error(first.getValue().line(), accountId, "no snapshot of account "
                    + accountId + " in " + fileName + " is valid on " + day + ": the earliest is valid from "
                    + first.getKey()));
        }
        return Optional.of(e.getValue());
    }

    /** @return the account's latest row, as the file has it now; see {@link #find} */
    Optional<AccountRecord> latest(String accountId) {
        TreeMap<LocalDate, AccountRecord> timeline = byId.get(accountId);
        return timeline == null ? find(accountId, LocalDate.MIN) : Optional.of(timeline.lastEntry().getValue());
    }

    /**
     * One record per account as of a day (in the order accounts first appear), and every row that
     * cannot be placed (no id, no usable date) at its own line.
     */
    List<AccountRecord> asOf(LocalDate day) {
        List<AccountRecord> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AccountSnapshot s : rows) {
            String id = s.record().accountId();
            if (id == null || s.validFrom() == null) {
                out.add(s.record());
            } else if (seen.add(id)) {
                out.add(find(id, day).orElseThrow());
            }
        }
        return out;
    }
}

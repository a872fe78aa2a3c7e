package io.icprules.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rows of an events or contacts file held in memory, grouped by account id, with the problems of
 * the rows that could not be read, and a record of which ids have been claimed by an account. Any
 * order of rows works, and an id can be claimed any number of times; memory grows with the file.
 * Not thread-safe.
 *
 * @param <T> the fact a row becomes
 */
final class RowsByAccount<T> implements AccountRows<T>, RelatedLayout.Sink<T> {

    private final String file;
    private final Map<String, List<T>> rows = new HashMap<>();
    private final Map<String, List<String>> problems = new HashMap<>();
    /** Rows per id, good and bad, in the order ids first appear: the orphan report quotes that order. */
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Set<String> claimed = new HashSet<>();
    private final List<Long> linesWithoutAccount = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();
    private long withoutAccount;

    private RowsByAccount(String file) {
        this.file = file;
    }

    /**
     * Reads a whole file into memory.
     *
     * @param file    the file, never null
     * @param layout  its layout
     * @param options the encoding and the longest row, never null
     * @return the rows by account
     * @throws InputFileException when the file is missing, its header is wrong, or it cannot be read
     *                            to the end
     * @throws IOException        when the file cannot be read
     */
    static <T> RowsByAccount<T> load(Path file, RelatedLayout<T> layout, ReadOptions options) throws IOException {
        return load(file, layout, id -> true, options);
    }

    /**
     * Reads the rows of the accounts a filter keeps into memory. Every row is still parsed, so a file
     * that cannot be read to its end is refused as by {@link #load(Path, RelatedLayout, ReadOptions)}; the
     * other accounts' rows are neither turned into facts nor held.
     *
     * @param file    the file, never null
     * @param layout  its layout
     * @param keep    tells which account ids to keep
     * @param options the encoding and the longest row, never null
     * @return the rows of the kept accounts
     * @throws InputFileException when the file is missing, its header is wrong, or it cannot be read
     *                            to the end
     * @throws IOException        when the file cannot be read
     */
    static <T> RowsByAccount<T> load(Path file, RelatedLayout<T> layout, Predicate<String> keep, ReadOptions options)
            throws IOException {
        RowsByAccount<T> out = new RowsByAccount<>(String.valueOf(file.getFileName()));
        try (CsvRows rows = layout.open(file, options)) {
            while (rows.hasNext()) {
                CsvRow row = RelatedLayout.next(rows);
                String id = RelatedLayout.accountId(row);
                if (id == null) {
                    out.withoutAccount(row);
                } else if (keep.test(id)) {
                    layout.read(out.file, row, id, out);
                }
            }
        }
        return out;
    }

    @Override
    public void add(String accountId, T row) {
        rows.computeIfAbsent(accountId, k -> new ArrayList<>()).add(row);
        counts.merge(accountId, 1L, Long::sum);
    }

    @Override
    public void problem(String accountId, String problem) {
        problems.computeIfAbsent(accountId, k -> new ArrayList<>()).add(problem);
        counts.merge(accountId, 1L, Long::sum);
    }

    private void withoutAccount(CsvRow row) {
        withoutAccount++;
        if (linesWithoutAccount.size() < OrphanRows.SHOWN) {
            linesWithoutAccount.add(row.line());
            String why = RelatedLayout.unreadable(row);
            if (why != null) {
                unreadable.add(why);
            }
        }
    }

    @Override
    public Claim<T> claim(String accountId) {
        claimed.add(accountId);
        return new Claim<>(rows.getOrDefault(accountId, List.of()), problems.getOrDefault(accountId, List.of()));
    }

    /** Every readable row, whatever account it names. */
    java.util.stream.Stream<T> all() {
        return rows.values().stream().flatMap(List::stream);
    }

    @Override
    public long rowCount() {
        return counts.values().stream().mapToLong(Long::longValue).sum() + withoutAccount;
    }

    @Override
    public OrphanRows orphans() {
        long orphanRows = 0;
        long orphanIds = 0;
        List<String> first = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (!claimed.contains(e.getKey())) {
                orphanRows += e.getValue();
                orphanIds++;
                if (first.size() < OrphanRows.SHOWN) {
                    first.add(e.getKey());
                }
            }
        }
        return new OrphanRows(file, orphanRows, orphanIds, first, withoutAccount, linesWithoutAccount, unreadable);
    }

    /** Nothing to release: the file was closed once read. */
    @Override
    public void close() {
    }
}

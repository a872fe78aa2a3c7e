package io.icprules.examples.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of an events or contacts file grouped by account id, with the problems of the rows that
 * could not be read, and a record of which ids have been claimed by an account. Not thread-safe.
 *
 * @param <T> the fact a row becomes
 */
final class RowsByAccount<T> {

    /** What one account gets from the file: its facts and the problems of its bad rows. */
    record Claim<T>(List<T> rows, List<String> problems) {
    }

    private final String file;
    private final Map<String, List<T>> rows = new HashMap<>();
    private final Map<String, List<String>> problems = new HashMap<>();
    /** Rows per id, good and bad, in the order ids first appear: the orphan report quotes that order. */
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Set<String> claimed = new HashSet<>();
    private final List<Long> linesWithoutAccount = new ArrayList<>();
    private long withoutAccount;

    RowsByAccount(String file) {
        this.file = file;
    }

    void add(String accountId, T row) {
        rows.computeIfAbsent(accountId, k -> new ArrayList<>()).add(row);
        counts.merge(accountId, 1L, Long::sum);
    }

    void problem(String accountId, long line, String message) {
        problems.computeIfAbsent(accountId, k -> new ArrayList<>()).add(file + " line " + line + ": " + message);
        counts.merge(accountId, 1L, Long::sum);
    }

    void withoutAccount(long line) {
        withoutAccount++;
        if (linesWithoutAccount.size() < OrphanRows.SHOWN) {
            linesWithoutAccount.add(line);
        }
    }

    Claim<T> claim(String accountId) {
        claimed.add(accountId);
        return new Claim<>(rows.getOrDefault(accountId, List.of()), problems.getOrDefault(accountId, List.of()));
    }

    /** Every readable row, whatever account it names. */
    java.util.stream.Stream<T> all() {
        return rows.values().stream().flatMap(List::stream);
    }

    long rowCount() {
        return counts.values().stream().mapToLong(Long::longValue).sum() + withoutAccount;
    }

    OrphanRows orphans() {
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
        return new OrphanRows(file, orphanRows, orphanIds, first, withoutAccount, linesWithoutAccount);
    }
}

package io.icprules.evidence;

import io.icprules.io.CsvRow;
import io.icprules.io.CsvRows;
import io.icprules.io.CsvSyntaxException;
import io.icprules.io.InputFileException;
import io.icprules.io.ReadOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rows of a deals file (outcomes or pipeline), in its own layout or as a CRM exports it through
 * a {@link DealMapping}: one record per data row, in file order; the readers say what a record is.
 */
final class DealRows {

    /**
     * Turns one row into a record.
     *
     * @param <R> the record
     */
    @FunctionalInterface
    interface ToRecord<R> {
        /**
         * @param row   the row
         * @param cells how its cells are read
         * @param names the names accounts are looked up by, or null when rows give account ids
         * @return the record of the row
         */
        R apply(CsvRow row, DealCells cells, AccountNames names);
    }

    private DealRows() {
    }

    /** Reads a file in its own layout. */
    static <R> List<R> read(Path file, List<String> columns, Set<String> required, ReadOptions options,
                            ToRecord<R> toRecord) throws IOException {
        try (CsvRows rows = CsvRows.open(file, columns, false, required, options)) {
            return read(rows, DealCells.PLAIN, null, toRecord);
        }
    }

    /**
     * Reads an export through its mapping.
     *
     * @throws IllegalArgumentException when the mapping is not of {@code layout}, or names accounts by
     *                                  name and no accounts are given
     */
    static <R> List<R> read(Path file, DealMapping mapping, DealMapping.Layout layout, AccountBook accounts,
                            ReadOptions options, ToRecord<R> toRecord) throws IOException {
        Objects.requireNonNull(mapping, "mapping");
        if (mapping.layout() != layout) {
            throw new IllegalArgumentException((layout == DealMapping.Layout.OUTCOMES ? "not an outcomes mapping: "
                    : "not a pipeline mapping: ") + mapping.source());
        }
        AccountNames names = names(mapping, accounts);
        try (CsvRows rows = CsvRows.open(file, header -> mapping.columns(file, header), options)) {
            return read(rows, DealCells.mapped(mapping), names, toRecord);
        }
    }

    /** @return the names to look accounts up by, or null when the mapping gives ids */
    private static AccountNames names(DealMapping mapping, AccountBook accounts) {
        if (!mapping.byAccountName()) {
            return null;
        }
        if (accounts == null) {
            throw new IllegalArgumentException("the mapping " + mapping.source()
                    + " names accounts by account_name: give the accounts to look the names up in");
        }
        return AccountNames.of(accounts);
    }

    private static <R> List<R> read(CsvRows rows, DealCells cells, AccountNames names, ToRecord<R> toRecord)
            throws IOException {
        List<R> out = new ArrayList<>();
        while (rows.hasNext()) {
            CsvRow row;
            try {
                row = rows.next();
            } catch (CsvSyntaxException e) {
                throw new InputFileException(rows.file(), "line " + e.line() + ": " + e.problem());
            }
            out.add(toRecord.apply(row, cells, names));
        }
        return out;
    }
}

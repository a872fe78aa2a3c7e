package io.icprules.io;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One data row of a CSV file with a header: its cells by column name and the line it starts on.
 * Produced by {@link CsvRows}.
 */
public final class CsvRow {

    private final long line;
    private final Map<String, Integer> columns;
    private final int width;
    private final List<String> cells;

    /** @param cells the row's cells; the row keeps this list, which nothing else may hold */
    CsvRow(long line, Map<String, Integer> columns, int width, List<String> cells) {
        this.line = line;
        this.columns = columns;
        this.width = width;
        // Not copied: CsvRows hands over a list of its own for every row.
        this.cells = Collections.unmodifiableList(cells);
    }

    /** @return the 1-based line the row starts on (a quoted cell may span several lines) */
    public long line() {
        return line;
    }

    /**
     * Reads a cell.
     *
     * @param column a column name as normalised by {@link CsvRows} (such as {@code employees})
     * @return the cell's text as written, or null when the file has no such column or the row is
     *         too short to reach it
     */
    public String get(String column) {
        Integer i = columns.get(column);
        return i == null || i >= cells.size() ? null : cells.get(i);
    }

    /** @return the cells in file order, never null */
    public List<String> cells() {
        return cells;
    }

    /**
     * Compares the row's width with the header's. A row with more or fewer cells than the header
     * is ambiguous (which value belongs to which column?), so it is reported, not guessed at.
     *
     * @return a message when the row's cell count differs from the header's, else empty
     */
    public Optional<String> widthProblem() {
        if (cells.size() == width) {
            return Optional.empty();
        }
        return Optional.of("row has " + cells.size() + (cells.size() == 1 ? " cell" : " cells") + " but the header has "
                + width + " columns (check for an unquoted comma or a missing value)");
    }
}

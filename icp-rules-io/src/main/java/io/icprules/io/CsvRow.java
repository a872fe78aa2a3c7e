package io.icprules.io;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One data row of a CSV file with a header: its cells by column name and the line it starts on.
 * Produced by {@link CsvRows}.
 *
 * <p>A row whose text cannot be read (a stray quote, bytes that are not text in the file's encoding,
 * a line over the length limit) is {@linkplain #isBroken() broken}: it holds only the whole cells of its
 * first line before the problem, which may name its account, and {@link #problem()} says what is wrong.
 */
public final class CsvRow {

    private final long line;
    private final Map<String, Integer> columns;
    private final int width;
    private final List<String> cells;
    private final String broken;

    /**
     * @param cells  the row's cells; the row keeps this list, which nothing else may hold
     * @param broken why the row's text cannot be read, or null when it was read
     */
    CsvRow(long line, Map<String, Integer> columns, int width, List<String> cells, String broken) {
        this.line = line;
        this.columns = columns;
        this.width = width;
        // Not copied: CsvRows hands over a list of its own for every row.
        this.cells = Collections.unmodifiableList(cells);
        this.broken = broken;
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

    /** @return the cells in file order, never null; for a broken row, those before the problem */
    public List<String> cells() {
        return cells;
    }

    /**
     * @return true when the row's text cannot be read: a quoted cell that is never closed, text after a
     *         closing quote, bytes that are not text in the file's encoding, or a line over the length
     *         limit; {@link #problem()} says which
     */
    public boolean isBroken() {
        return broken != null;
    }

    /**
     * Says why the row's values cannot be trusted: its text cannot be read (see {@link #isBroken()}),
     * or it has more or fewer cells than the header, which is ambiguous (which value belongs to which
     * column?), so it is reported, not guessed at.
     *
     * @return what is wrong and how to fix it, for people, or empty when the row can be used
     */
    public Optional<String> problem() {
        if (broken != null) {
            return Optional.of(broken);
        }
        if (cells.size() == width) {
            return Optional.empty();
        }
        return Optional.of("row has " + cells.size() + (cells.size() == 1 ? " cell" : " cells") + " but the header has "
                + width + " columns (check for an unquoted comma or a missing value)");
    }
}

package io.icprules.examples.io;

import io.icprules.error.InvalidFactException;
import io.icprules.fact.Event;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Loads an events CSV into memory, grouped by account.
 *
 * <p>Columns: {@code account_id}, {@code type}, {@code date} ({@code yyyy-MM-dd}) are required;
 * {@code details} ({@code key=value;key=value}) is optional. A row with a bad value is kept as a
 * problem of its account, quoting this file and the line.
 */
final class EventsCsvReader {

    static final List<String> COLUMNS = EventFields.COLUMNS;

    private EventsCsvReader() {
    }

    static RowsByAccount<Event> read(Path file) throws IOException {
        RowsByAccount<Event> out = new RowsByAccount<>(String.valueOf(file.getFileName()));
        try (CsvRows rows = CsvRows.open(file, COLUMNS, false, Set.of("account_id", "type", "date"))) {
            while (rows.hasNext()) {
                CsvRow row = next(rows);
                String id = CellValues.blankToNull(row.get("account_id"));
                if (id == null) {
                    out.withoutAccount(row.line());
                    continue;
                }
                if (row.widthProblem().isPresent()) {
                    out.problem(id, row.line(), row.widthProblem().get());
                    continue;
                }
                try {
                    out.add(id, EventFields.event(id, row.get("type"), row.get("date"), row.get("details")));
                } catch (InvalidFactException e) {
                    out.problem(id, row.line(), e.getMessage());
                }
            }
        }
        return out;
    }

    /** Events are loaded before scoring starts, so a file that cannot be parsed to its end stops the run. */
    static CsvRow next(CsvRows rows) throws InputFileException {
        try {
            return rows.next();
        } catch (CsvSyntaxException e) {
            throw new InputFileException(rows.file(), "line " + e.line() + ": " + e.problem());
        }
    }
}

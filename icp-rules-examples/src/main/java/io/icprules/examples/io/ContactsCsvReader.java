package io.icprules.examples.io;

import io.icprules.error.InvalidFactException;
import io.icprules.fact.Contact;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Loads a contacts CSV into memory, grouped by account.
 *
 * <p>Columns: {@code account_id} is required; {@code name}, {@code title}, {@code role},
 * {@code seniority}, {@code department} are optional. A row with a bad value is kept as a problem of
 * its account, quoting this file and the line.
 */
final class ContactsCsvReader {

    static final List<String> COLUMNS = ContactFields.COLUMNS;

    private ContactsCsvReader() {
    }

    static RowsByAccount<Contact> read(Path file) throws IOException {
        RowsByAccount<Contact> out = new RowsByAccount<>(String.valueOf(file.getFileName()));
        try (CsvRows rows = CsvRows.open(file, COLUMNS, false, Set.of("account_id"))) {
            while (rows.hasNext()) {
                CsvRow row = EventsCsvReader.next(rows);
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
                    out.add(id, ContactFields.contact(id, row.get("name"), row.get("title"), row.get("role"),
                            row.get("seniority"), row.get("department")));
                } catch (InvalidFactException e) {
                    out.problem(id, row.line(), e.getMessage());
                }
            }
        }
        return out;
    }
}

package io.icprules.io;

import io.icprules.error.InvalidFactException;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The layout of an events or contacts CSV: its columns, and how a row naming an account becomes a
 * fact or a problem quoting the file and line. Shared by the in-memory and the streaming join, so
 * that both read a row the same way.
 *
 * @param <T> the fact a row becomes
 */
final class RelatedLayout<T> {

    /**
     * Events: {@code account_id}, {@code type}, {@code date} ({@code yyyy-MM-dd}) are required;
     * {@code details} ({@code key=value;key=value}) is optional.
     */
    static final RelatedLayout<Event> EVENTS = new RelatedLayout<>(EventFields.COLUMNS,
            Set.of("account_id", "type", "date"),
            (id, row) -> EventFields.event(id, row.get("type"), row.get("date"), row.get("details")));

    /**
     * Contacts: {@code account_id} is required; {@code name}, {@code title}, {@code role},
     * {@code seniority}, {@code department} are optional.
     */
    static final RelatedLayout<Contact> CONTACTS = new RelatedLayout<>(ContactFields.COLUMNS, Set.of("account_id"),
            (id, row) -> ContactFields.contact(id, row.get("name"), row.get("title"), row.get("role"),
                    row.get("seniority"), row.get("department")));

    /** Where the rows of one account go. */
    interface Sink<T> {
        /**
         * @param accountId the account the row names, never null
         * @param fact      the row's fact
         */
        void add(String accountId, T fact);

        /**
         * @param accountId the account the row names, never null
         * @param problem   what is wrong, starting with the file name and line
         */
        void problem(String accountId, String problem);
    }

    private final List<String> columns;
    private final Set<String> required;
    private final BiFunction<String, CsvRow, T> fact;

    private RelatedLayout(List<String> columns, Set<String> required, BiFunction<String, CsvRow, T> fact) {
        this.columns = columns;
        this.required = required;
        this.fact = fact;
    }

    /**
     * Opens a file of this layout and checks its header.
     *
     * @param file    the file, never null
     * @param options the encoding and the longest row, never null
     * @return the rows
     * @throws InputFileException when the file is empty or its header is wrong
     * @throws IOException        when the file cannot be opened
     */
    CsvRows open(Path file, ReadOptions options) throws IOException {
        return CsvRows.open(file, columns, false, required, options);
    }

    /**
     * Reads the next row. A broken row is a row like any other (see {@link #read}); only a file that
     * cannot be read to its end stops the run, and since the whole file is read before scoring starts
     * (to load it, or to check its order), before any account is scored.
     *
     * @param rows the rows, with a next one
     * @return the row
     * @throws InputFileException quoting the line when the rest of the file cannot be read
     */
    static CsvRow next(CsvRows rows) throws InputFileException {
        try {
            return rows.next();
        } catch (CsvSyntaxException e) {
            throw new InputFileException(rows.file(), "line " + e.line() + ": " + e.problem());
        }
    }

    /**
     * @param row a row of a file of either layout
     * @return the account the row names, or null when its {@code account_id} is blank, or cannot be read
     *         because the row is broken before it
     */
    static String accountId(CsvRow row) {
        return TextValues.blankToNull(row.get("account_id"));
    }

    /**
     * Reads a row naming an account into the sink: its fact, or, when the row is broken, too wide or
     * too narrow, or a value is refused, a problem quoting the file and line.
     *
     * @param file      the file's name, for the problem
     * @param row       the row
     * @param accountId the account the row names, never null
     * @param sink      where the fact or problem goes
     */
    void read(String file, CsvRow row, String accountId, Sink<T> sink) {
        if (row.problem().isPresent()) {
            sink.problem(accountId, problem(file, row.line(), row.problem().get()));
            return;
        }
        try {
            sink.add(accountId, fact.apply(accountId, row));
        } catch (InvalidFactException e) {
            sink.problem(accountId, problem(file, row.line(), e.getMessage()));
        }
    }

    private static String problem(String file, long line, String message) {
        return file + " line " + line + ": " + message;
    }

    /**
     * @param row a row that names no account
     * @return why it cannot be read, quoting its line, for the report of rows no account claimed; null
     *         when it can be read (its {@code account_id} is blank)
     */
    static String unreadable(CsvRow row) {
        return row.isBroken() ? "line " + row.line() + ": " + row.problem().orElseThrow() : null;
    }
}

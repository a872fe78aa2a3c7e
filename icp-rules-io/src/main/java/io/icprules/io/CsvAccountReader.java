package io.icprules.io;

import io.icprules.error.InvalidFactException;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads accounts from CSV, one row per account.
 *
 * <p>Layout: UTF-8 (a byte order mark is tolerated) unless {@link ReadOptions} name another encoding,
 * a header line, then one row per account.
 * Columns, in any order: {@code id} (required), {@code name}, {@code domain}, {@code industry},
 * {@code employees}, {@code annual_revenue}, {@code country}, {@code region}, {@code founded_year},
 * {@code funding_stage}, {@code ownership}, {@code technologies} (separated by {@code ;}), and any
 * number of {@code attr.<name>} columns holding custom attributes, typed as
 * {@link TextValues#attribute(String, String)} describes. An empty cell means unknown. A column not
 * in that list makes the whole file unusable ({@link InputFileException} from {@link #open}).
 *
 * <p>A row with a malformed value (a headcount of {@code 12a}, a negative headcount, a country
 * that is not an ISO code, an impossible date), a missing id or the wrong number of cells becomes an
 * error record naming the line, the account id when it could be read, every bad column and its
 * value. A row whose text cannot be read (a stray quote, bytes that are not text in the encoding, a
 * line over the length limit, see {@link CsvRows}) becomes an error record saying so, with the account
 * id when the cells before the problem hold it; the rows after it are read as usual.
 */
public final class CsvAccountReader implements AccountReader {

    private final CsvRows rows;
    private boolean consumed;

    private CsvAccountReader(CsvRows rows) {
        this.rows = rows;
    }

    /**
     * Opens a file and checks its header.
     *
     * @param file the file, never null
     * @return the reader
     * @throws InputFileException when the header is missing, names an unknown or repeated column,
     *                            or lacks {@code id}
     * @throws IOException        when the file cannot be opened
     */
    public static CsvAccountReader open(Path file) throws IOException {
        return open(file, ReadOptions.defaults());
    }

    /**
     * Opens a file in a given encoding, with a given longest row, and checks its header.
     *
     * @param file    the file, never null
     * @param options the encoding and the longest row, never null
     * @return the reader
     * @throws InputFileException when the header is missing, names an unknown or repeated column,
     *                            or lacks {@code id}, or the file cannot be read in that encoding at all
     * @throws IOException        when the file cannot be opened
     */
    public static CsvAccountReader open(Path file, ReadOptions options) throws IOException {
        return new CsvAccountReader(CsvRows.open(file, AccountFields.NAMES, true, Set.of("id"), options));
    }

    @Override
    public Path file() {
        return rows.file();
    }

    /** @return the columns of the file, normalised, in header order */
    public List<String> columns() {
        return rows.columns();
    }

    @Override
    public Stream<AccountRecord> records() {
        consume();
        // Splitting rows is cheap; converting and checking their values runs on other threads.
        return ParallelRecords.decodeCsv(rows, this::toRecord, this);
    }

    /** Reads only the {@code id} cell and checks it as {@link #records()} does: several times cheaper. */
    @Override
    public Stream<String> accountIds() {
        consume();
        Iterator<String> it = rows.map(CsvAccountReader::accountId, e -> null);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false)
                .onClose(ParallelRecords.closing(this));
    }

    private void consume() {
        if (consumed) {
            throw new IllegalStateException("records() or accountIds() can be called once");
        }
        consumed = true;
    }

    /** The id {@link #toRecord} gives the row's record: blank or refused by {@link Account#builder}, none. */
    private static String accountId(CsvRow row) {
        return AccountFields.usableId(row.get("id"));
    }

    private AccountRecord toRecord(CsvRow row) {
        return record(row, rows.columns());
    }

    /**
     * Reads one row of the accounts layout into a record, as {@link #records()} does, from the given
     * columns only: for readers of files that add columns of their own to this layout (such as the
     * {@code valid_from} of account snapshots) and read those themselves.
     *
     * @param row     the row, never null
     * @param columns the account columns to read ({@code id}, the fixed fields, {@code attr.<name>}),
     *                normalised as {@link CsvRows#columns()} gives them; never null
     * @return the record: the account, or an error record naming the line, the id and every bad column
     */
    public static AccountRecord record(CsvRow row, Collection<String> columns) {
        if (row.isBroken()) {
            return AccountRecord.error(row.line(), accountId(row), row.problem().orElseThrow());
        }
        String id = TextValues.blankToNull(row.get("id"));
        if (id == null) {
            String width = row.problem().map(w -> "; " + w).orElse("");
            return AccountRecord.error(row.line(), null, "id: is required and must not be blank" + width);
        }
        Account.Builder account;
        try {
            account = Account.builder(id);
        } catch (InvalidFactException e) {
            return AccountRecord.error(row.line(), null, e.getMessage());
        }
        if (row.problem().isPresent()) {
            // The cells do not line up with the header, so no value after the id can be trusted.
            return AccountRecord.error(row.line(), id, row.problem().get());
        }
        List<String> problems = new ArrayList<>();
        for (String column : columns) {
            if (column.equals("id")) {
                continue;
            }
            try {
                AccountFields.set(account, column, row.get(column));
            } catch (InvalidFactException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            return AccountRecord.error(row.line(), id, TextValues.listed(problems, "; "));
        }
        return AccountRecord.ok(row.line(), AccountFacts.of(account.build()));
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}

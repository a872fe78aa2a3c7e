package io.icprules.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reads accounts from a CSV file with arbitrary headers, such as a CRM export, through a
 * {@link ColumnMapping}.
 *
 * <p>When the file is opened its header is checked against the mapping, and the file is refused
 * ({@link InputFileException}) before any row is read when a mapped column is missing (unless the
 * mapping marks it {@code optional}), a mapped column appears twice, or a column is neither mapped
 * nor ignored (unless the mapping says {@code ignore_unmapped: true}). Headers match ignoring case
 * and surrounding spaces.
 *
 * <p>Each row's values go through {@code values:} translation first, then the column's conversion:
 * <ul>
 *   <li>{@code employees}, {@code annual_revenue}, {@code founded_year}: whole numbers written for
 *       people: {@code 1,200}, {@code 1 200}, {@code 1'200}, {@code $4,500,000.00},
 *       {@code USD 4.5M}, {@code 12k}; a currency symbol or code is dropped, never converted; a
 *       range ({@code 51-200}, {@code 1,001 to 5,000}) becomes its lower bound or its midpoint
 *       (rounded down) as the mapping says, and an open range ({@code 10,001+}) its lower bound;</li>
 *   <li>{@code country}: ISO codes of two or three letters and English country names;</li>
 *   <li>{@code domain}: a website address is reduced to its domain;</li>
 *   <li>{@code technologies}: split by the list separator;</li>
 *   <li>{@code attr.NAME}: typed from the text as in the plain CSV layout, or by the declared type:
 *       {@code number} (as above, and {@code 85%} is 0.85), {@code boolean} (Yes, No, True, False,
 *       Y, N, 1, 0), {@code date} (in the declared form) or {@code text};</li>
 *   <li>{@code event.TYPE}: a date in the declared form becomes an event of that type, with the
 *       column's fixed {@code details} if it has any.</li>
 * </ul>
 * A value that cannot be converted makes its row an error record naming the line, the account
 * id, the column as the file spells it, the field, the value and what was expected; a row whose text
 * cannot be read (see {@link CsvRows}) becomes an error record saying why; no row is dropped.
 */
public final class MappedCsvAccountReader implements AccountReader {

    private final CsvRows rows;
    private final MappedHeader header;
    private boolean consumed;

    private MappedCsvAccountReader(CsvRows rows, MappedHeader header) {
        this.rows = rows;
        this.header = header;
    }

    /**
     * Opens a file and checks its header against the mapping.
     *
     * @param file    the CSV file, never null
     * @param mapping the mapping, never null
     * @return the reader
     * @throws InputFileException when the header does not fit the mapping (see the class comment)
     * @throws IOException        when the file cannot be opened
     */
    public static MappedCsvAccountReader open(Path file, ColumnMapping mapping) throws IOException {
        return open(file, mapping, ReadOptions.defaults());
    }

    /**
     * Opens a file in a given encoding, with a given longest row, and checks its header against the
     * mapping.
     *
     * @param file    the CSV file, never null
     * @param mapping the mapping, never null
     * @param options the encoding and the longest row, never null
     * @return the reader
     * @throws InputFileException when the header does not fit the mapping (see the class comment), or the
     *                            file cannot be read in that encoding at all
     * @throws IOException        when the file cannot be opened
     */
    public static MappedCsvAccountReader open(Path file, ColumnMapping mapping, ReadOptions options)
            throws IOException {
        MappedHeader[] checked = new MappedHeader[1];
        CsvRows rows = CsvRows.open(file, header -> {
            try {
                checked[0] = MappedHeader.of(mapping, header);
            } catch (IllegalArgumentException e) {
                throw new InputFileException(file, "line 1: " + e.getMessage());
            }
            return checked[0].positions();
        }, options);
        return new MappedCsvAccountReader(rows, checked[0]);
    }

    @Override
    public Path file() {
        return rows.file();
    }

    @Override
    public Stream<AccountRecord> records() {
        if (consumed) {
            throw new IllegalStateException("records() can be called once");
        }
        consumed = true;
        // As for plain CSV: rows are split here and translated on other threads.
        return ParallelRecords.decodeCsv(rows, this::toRecord, this);
    }

    private AccountRecord toRecord(CsvRow row) {
        return header.toRecord(row.line(), row::get, row.isBroken(), row.problem().orElse(null));
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}

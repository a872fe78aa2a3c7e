package io.icprules.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Streams the accounts of a file as {@link AccountRecord}s, one per data row, in file order, without
 * holding the file in memory.
 *
 * <p>Problems with the whole file (unknown column, missing header) are raised by {@link #open}
 * before any record is produced; problems with one row become an error record for that row, and the
 * rows after it are read: a stray quote, bytes that are not text in the file's encoding or a line
 * over the length limit cost their row only. Files are UTF-8 with lines of at most 1 MiB unless
 * {@link ReadOptions} given to {@code open} say otherwise.
 */
public interface AccountReader extends Closeable {

    /**
     * Opens an accounts file, choosing the layout from its extension ({@code .csv}, {@code .jsonl}
     * or {@code .ndjson}).
     *
     * @param file the file, never null
     * @return the reader; close it (or the stream of {@link #records()}) when done
     * @throws InputFileException when the extension is unknown or the file cannot be used at all
     * @throws IOException        when the file cannot be opened
     */
    static AccountReader open(Path file) throws IOException {
        return open(file, ReadOptions.defaults());
    }

    /**
     * Opens an accounts file in a given encoding, with a given longest line, choosing the layout from its
     * extension ({@code .csv}, {@code .jsonl} or {@code .ndjson}).
     *
     * @param file    the file, never null
     * @param options the encoding and the longest line, never null
     * @return the reader; close it (or the stream of {@link #records()}) when done
     * @throws InputFileException when the extension is unknown or the file cannot be used at all
     * @throws IOException        when the file cannot be opened
     */
    static AccountReader open(Path file, ReadOptions options) throws IOException {
        FileFormat format = FileFormat.fromFileName(file).orElseThrow(() -> new InputFileException(file,
                "cannot tell the format from the file name; use the extension .csv, .jsonl or .ndjson"));
        return open(file, format, options);
    }

    /**
     * Opens an accounts file in a given layout.
     *
     * @param file   the file, never null
     * @param format its layout, never null
     * @return the reader
     * @throws InputFileException when the file cannot be used at all (for example an unknown CSV column)
     * @throws IOException        when the file cannot be opened
     */
    static AccountReader open(Path file, FileFormat format) throws IOException {
        return open(file, format, ReadOptions.defaults());
    }

    /**
     * Opens an accounts file in a given layout and encoding, with a given longest line.
     *
     * @param file    the file, never null
     * @param format  its layout, never null
     * @param options the encoding and the longest line, never null
     * @return the reader
     * @throws InputFileException when the file cannot be used at all (for example an unknown CSV column)
     * @throws IOException        when the file cannot be opened
     */
    static AccountReader open(Path file, FileFormat format, ReadOptions options) throws IOException {
        return switch (format) {
            case CSV -> CsvAccountReader.open(file, options);
            case JSONL -> JsonLinesAccountReader.open(file, options);
        };
    }

    /**
     * Opens a CSV file with arbitrary headers, such as a CRM export, reading it through a column
     * mapping (see {@link MappedCsvAccountReader}).
     *
     * @param file    the CSV file, never null; any extension but {@code .jsonl} and {@code .ndjson}
     * @param mapping the mapping, see {@link ColumnMapping#load(Path)}; never null
     * @return the reader
     * @throws InputFileException when the file is JSON Lines, or its header does not fit the mapping
     * @throws IOException        when the file cannot be opened
     */
    static AccountReader open(Path file, ColumnMapping mapping) throws IOException {
        return open(file, mapping, ReadOptions.defaults());
    }

    /**
     * Opens a CSV file with arbitrary headers in a given encoding, with a given longest row, reading it
     * through a column mapping (see {@link MappedCsvAccountReader}).
     *
     * @param file    the CSV file, never null; any extension but {@code .jsonl} and {@code .ndjson}
     * @param mapping the mapping, see {@link ColumnMapping#load(Path)}; never null
     * @param options the encoding and the longest row, never null
     * @return the reader
     * @throws InputFileException when the file is JSON Lines, or its header does not fit the mapping
     * @throws IOException        when the file cannot be opened
     */
    static AccountReader open(Path file, ColumnMapping mapping, ReadOptions options) throws IOException {
        if (FileFormat.fromFileName(file).orElse(FileFormat.CSV) != FileFormat.CSV) {
            throw new InputFileException(file, "a column mapping applies to CSV files; JSON Lines keys are fixed");
        }
        return MappedCsvAccountReader.open(file, mapping, options);
    }

    /**
     * How many threads parse and check the rows of {@link #records()}: half the cores, at least one.
     * The other half is left to whoever consumes the records, typically the threads that score
     * them: more busy threads than cores cost more CPU than they gain.
     *
     * @return the number of decoding threads, at least 1
     */
    static int decodingThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** @return the file being read, never null */
    Path file();

    /**
     * Returns the records, read lazily as the stream is consumed. Can be called once. Closing the
     * stream closes the reader.
     *
     * @return one record per data row, in file order
     */
    Stream<AccountRecord> records();

    /**
     * Returns the account id of each record {@link #records()} would give, in file order, for a pass
     * that needs only the ids; readers that can skip building the accounts do, which is much cheaper.
     * Can be called once, instead of {@link #records()}. Closing the stream closes the reader.
     *
     * @return one element per data row: its {@link AccountRecord#accountId()}, null where that is null
     */
    default Stream<String> accountIds() {
        return records().map(AccountRecord::accountId);
    }
}

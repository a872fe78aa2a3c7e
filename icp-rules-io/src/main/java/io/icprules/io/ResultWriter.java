package io.icprules.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes {@link ScoredRecord}s to a character stream as they come, one output record per call, so
 * that memory does not grow with the number of records.
 *
 * <p>{@link #close()} finishes and flushes the output but leaves the target {@link Writer} open:
 * whoever opened it closes it (it may be standard output).
 */
public interface ResultWriter extends Closeable {

    /**
     * Creates a writer for a format.
     *
     * @param format the layout, never null
     * @param target where to write, never null; not closed by the writer
     * @return the writer
     * @throws IOException when the header cannot be written
     */
    static ResultWriter create(FileFormat format, Writer target) throws IOException {
        return switch (format) {
            case CSV -> new CsvResultWriter(target);
            case JSONL -> new JsonLinesResultWriter(target);
        };
    }

    /**
     * Writes one record.
     *
     * @param record the record, never null
     * @throws IOException when the target cannot be written
     */
    void write(ScoredRecord record) throws IOException;

    /**
     * Flushes everything written; the target stays open.
     *
     * @throws IOException when the target cannot be written
     */
    @Override
    void close() throws IOException;
}

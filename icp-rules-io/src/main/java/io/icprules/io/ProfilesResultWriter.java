package io.icprules.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes {@link ProfiledRecord}s (accounts scored against several profiles) as they come, one
 * output record per call. {@link #close()} flushes but leaves the target open.
 */
public interface ProfilesResultWriter extends Closeable {

    /**
     * Creates a writer for a format.
     *
     * @param format   the layout, never null
     * @param target   where to write, never null; not closed by the writer
     * @param profiles the profile names, in column order; at least two
     * @return the writer
     * @throws IOException when the header cannot be written
     */
    static ProfilesResultWriter create(FileFormat format, Writer target, List<String> profiles) throws IOException {
        return switch (format) {
            case CSV -> new ProfilesCsvResultWriter(target, profiles);
            case JSONL -> new ProfilesJsonLinesResultWriter(target, profiles);
        };
    }

    /**
     * Writes one record.
     *
     * @param record the record, never null
     * @throws IOException when the target cannot be written
     */
    void write(ProfiledRecord record) throws IOException;

    /**
     * Flushes everything written; the target stays open.
     *
     * @throws IOException when the target cannot be written
     */
    @Override
    void close() throws IOException;
}

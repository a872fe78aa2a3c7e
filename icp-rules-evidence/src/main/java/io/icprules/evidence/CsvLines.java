package io.icprules.evidence;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes rows of text cells under a header, quoting as CSV needs; the target is flushed, not closed. */
final class CsvLines implements Closeable {

    private static final CsvMapper MAPPER = CsvMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final int width;
    private final SequenceWriter out;

    CsvLines(Writer target, List<String> columns) throws IOException {
        this.width = columns.size();
        CsvSchema schema = CsvSchema.builder().addColumns(columns, CsvSchema.ColumnType.STRING).build().withHeader();
        this.out = MAPPER.writer(schema).writeValues(target);
    }

    /** Writes one row; null cells become empty (Jackson would otherwise skip them and shift the rest). */
    void write(List<?> cells) throws IOException {
        if (cells.size() != width) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, the header " + width);
        }
        out.write(cells.stream().map(c -> c == null ? "" : c.toString()).toList());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

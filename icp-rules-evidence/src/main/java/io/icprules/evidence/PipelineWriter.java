package io.icprules.evidence;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/** Writes open deals in the layout {@link PipelineReader} reads. Unknown values become empty cells. */
public final class PipelineWriter implements Closeable {

    private final CsvLines out;

    /**
     * Starts writing; the header is written at once.
     *
     * @param target where to write, never null; flushed on close, not closed
     * @throws IOException when the header cannot be written
     */
    public PipelineWriter(Writer target) throws IOException {
        this.out = new CsvLines(target, PipelineReader.COLUMNS);
    }

    /**
     * Writes one open deal.
     *
     * @param deal the deal, never null
     * @throws IOException when it cannot be written
     */
    public void write(PipelineDeal deal) throws IOException {
        out.write(Arrays.asList(deal.dealId(), deal.accountId(), deal.stage(),
                deal.amount() == null ? null : deal.amount().toPlainString()));
    }

    /**
     * Flushes the file; the target stays open.
     *
     * @throws IOException when it cannot be written
     */
    @Override
    public void close() throws IOException {
        out.close();
    }
}

package io.icprules.evidence;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Writes deals in the layout {@link OutcomesReader} reads (all of its columns), so that written
 * files read back to equal deals. Unknown values become empty cells.
 */
public final class OutcomesWriter implements Closeable {

    private final CsvLines out;

    /**
     * Starts writing; the header is written at once.
     *
     * @param target where to write, never null; flushed on close, not closed
     * @throws IOException when the header cannot be written
     */
    public OutcomesWriter(Writer target) throws IOException {
        this.out = new CsvLines(target, OutcomesReader.COLUMNS);
    }

    /**
     * Writes one deal.
     *
     * @param deal the deal, never null
     * @throws IOException when it cannot be written
     */
    public void write(Deal deal) throws IOException {
        out.write(Arrays.asList(deal.dealId(), deal.accountId(), deal.enteredPipeline(), deal.outcome().label(),
                deal.closeDate(), plain(deal.amount()), deal.cycleDays(), deal.retained12m(), plain(deal.expansion()),
                plain(deal.churnedAmount()), plain(deal.grossMargin()), plain(deal.acquisitionCost())));
    }

    private static String plain(BigDecimal b) {
        return b == null ? null : b.toPlainString();
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

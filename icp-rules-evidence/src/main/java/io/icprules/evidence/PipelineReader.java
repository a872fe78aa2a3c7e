package io.icprules.evidence;

import io.icprules.error.InvalidFactException;
import io.icprules.io.CsvRow;
import io.icprules.io.InputFileException;
import io.icprules.io.ReadOptions;
import io.icprules.io.TextValues;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a pipeline CSV: one row per open deal, in the file's own layout or, through a
 * {@link DealMapping}, as a CRM exports it. Columns {@code deal_id} and {@code account_id} are
 * required, {@code stage} and {@code amount} optional. A bad row (blank ids, an amount that is not a
 * number or is negative, a deal id seen on an earlier line, text that cannot be read such as a stray
 * quote) becomes an error record with its line; the rows after it are read.
 */
public final class PipelineReader {

    /** The accepted columns. */
    public static final List<String> COLUMNS = List.of("deal_id", "account_id", "stage", "amount");

    /** The columns a file must have. */
    public static final Set<String> REQUIRED = Set.of("deal_id", "account_id");

    private PipelineReader() {
    }

    /**
     * Reads the whole file.
     *
     * @param file the pipeline CSV, never null
     * @return one record per data row, in file order
     * @throws InputFileException when the file is empty, its header is wrong, or it cannot be read to
     *                            its end
     * @throws IOException        when it cannot be read
     */
    public static List<PipelineRecord> read(Path file) throws IOException {
        return read(file, ReadOptions.defaults());
    }

    /**
     * Reads the whole file in a given encoding, with a given longest row.
     *
     * @param file    the pipeline CSV, never null
     * @param options the encoding and the longest row, never null
     * @return one record per data row, in file order
     * @throws InputFileException when the file is empty, its header is wrong, or it cannot be read to its end
     * @throws IOException        when it cannot be read
     */
    public static List<PipelineRecord> read(Path file, ReadOptions options) throws IOException {
        Map<String, Long> seen = new HashMap<>();
        return DealRows.read(file, COLUMNS, REQUIRED, options, (row, cells, names) -> toRecord(row, cells, names, seen));
    }

    /**
     * Reads a CRM export of open deals through its mapping. When the mapping names the account by
     * {@code account_name}, each deal's account is found by name in {@code accounts} as
     * {@link OutcomesReader#read(Path, DealMapping, AccountBook, ReadOptions)} does.
     *
     * @param file     the export, never null
     * @param mapping  its mapping, see {@link DealMapping#loadPipeline(Path)}; never null
     * @param accounts the accounts the deals' names are looked up in; may be null when the mapping
     *                 maps an {@code account_id} column
     * @param options  the encoding and the longest row, never null
     * @return one record per data row, in file order
     * @throws InputFileException when the file is empty, its header does not fit the mapping, or it
     *                            cannot be read to its end
     * @throws IOException        when it cannot be read
     * @throws IllegalArgumentException when the mapping is an outcomes mapping, or names accounts by
     *                            name and no accounts are given
     */
    public static List<PipelineRecord> read(Path file, DealMapping mapping, AccountBook accounts, ReadOptions options)
            throws IOException {
        Map<String, Long> seen = new HashMap<>();
        return DealRows.read(file, mapping, DealMapping.Layout.PIPELINE, accounts, options,
                (row, cells, names) -> toRecord(row, cells, names, seen));
    }

    private static PipelineRecord toRecord(CsvRow row, DealCells cells, AccountNames names, Map<String, Long> seen) {
        String dealId = TextValues.blankToNull(cells.text(row, "deal_id"));
        List<String> problems = new ArrayList<>();
        String accountId = OutcomesReader.accountId(row, cells, names, problems);
        if (row.problem().isPresent()) {
            return PipelineRecord.error(row.line(), dealId, accountId, row.problem().get());
        }
        if (dealId == null) {
            problems.add(0, cells.label("deal_id") + ": is required");
        } else {
            Long first = seen.putIfAbsent(dealId, row.line());
            if (first != null) {
                problems.add(0, cells.label("deal_id") + ": " + TextValues.preview(dealId) + " already appears on line " + first);
            }
        }
        BigDecimal amount = null;
        try {
            amount = cells.number(row, "amount");
            if (amount != null && amount.signum() < 0) {
                problems.add(cells.label("amount") + ": " + amount.toPlainString() + " is negative");
            }
        } catch (InvalidFactException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            return PipelineRecord.error(row.line(), dealId, accountId, String.join("; ", problems));
        }
        return PipelineRecord.ok(row.line(), new PipelineDeal(dealId, accountId,
                TextValues.blankToNull(cells.text(row, "stage")), amount));
    }
}

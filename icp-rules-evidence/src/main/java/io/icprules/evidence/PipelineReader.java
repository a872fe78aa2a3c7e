package io.icprules.evidence;

import io.icprules.error.InvalidFactException;
import io.icprules.io.CsvRow;
import io.icprules.io.CsvRows;
import io.icprules.io.CsvSyntaxException;
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
 * Reads a pipeline CSV: one row per open deal. Columns {@code deal_id} and {@code account_id} are
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
        List<PipelineRecord> out = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        try (CsvRows rows = CsvRows.open(file, COLUMNS, false, REQUIRED, options)) {
            while (rows.hasNext()) {
                CsvRow row;
                try {
                    row = rows.next();
                } catch (CsvSyntaxException e) {
                    throw new InputFileException(rows.file(), "line " + e.line() + ": " + e.problem());
                }
                out.add(toRecord(row, seen));
            }
        }
        return out;
    }

    private static PipelineRecord toRecord(CsvRow row, Map<String, Long> seen) {
        String dealId = TextValues.blankToNull(row.get("deal_id"));
        String accountId = TextValues.blankToNull(row.get("account_id"));
        if (row.problem().isPresent()) {
            return PipelineRecord.error(row.line(), dealId, accountId, row.problem().get());
        }
        List<String> problems = new ArrayList<>();
        if (dealId == null) {
            problems.add("deal_id: is required");
        } else {
            Long first = seen.putIfAbsent(dealId, row.line());
            if (first != null) {
                problems.add("deal_id: " + TextValues.preview(dealId) + " already appears on line " + first);
            }
        }
        if (accountId == null) {
            problems.add("account_id: is required");
        }
        BigDecimal amount = null;
        try {
            amount = TextValues.decimal("amount", row.get("amount"));
            if (amount != null && amount.signum() < 0) {
                problems.add("amount: " + amount.toPlainString() + " is negative");
            }
        } catch (InvalidFactException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            return PipelineRecord.error(row.line(), dealId, accountId, String.join("; ", problems));
        }
        return PipelineRecord.ok(row.line(), new PipelineDeal(dealId, accountId,
                TextValues.blankToNull(row.get("stage")), amount));
    }
}

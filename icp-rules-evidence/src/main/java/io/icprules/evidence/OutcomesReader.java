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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads an outcomes CSV: one row per deal.
 *
 * <p>Columns (header required, any order, names matched ignoring case): {@code account_id},
 * {@code entered_pipeline} ({@code yyyy-MM-dd}) and {@code outcome} ({@code won}, {@code lost},
 * {@code open}, {@code churned}) are required; {@code deal_id}, {@code close_date},
 * {@code amount} (annual contract value), {@code cycle_days}, {@code retained_12m}
 * ({@code true}/{@code false}) and {@code expansion_amount} are optional, as columns and as cells.
 *
 * <p>A row with a bad value becomes an error record naming its line, the account and every problem
 * of the row; retention or expansion given for a deal that was not won is such a problem, because
 * one of the two cells must be wrong. A row whose text cannot be read (a stray quote, bytes that are
 * not text in the file's encoding, a line over the length limit) becomes an error record saying why;
 * the rows after it are read.
 */
public final class OutcomesReader {

    /** The accepted columns, in the order the documentation lists them. */
    public static final List<String> COLUMNS = List.of("deal_id", "account_id", "entered_pipeline", "outcome",
            "close_date", "amount", "cycle_days", "retained_12m", "expansion_amount");

    /** The columns a file must have. */
    public static final Set<String> REQUIRED = Set.of("account_id", "entered_pipeline", "outcome");

    private OutcomesReader() {
    }

    /**
     * Reads the whole file.
     *
     * @param file the outcomes CSV, never null
     * @return one record per data row, in file order
     * @throws InputFileException when the file is empty, its header is wrong, or it cannot be read to
     *                            its end
     * @throws IOException        when it cannot be read
     */
    public static List<DealRecord> read(Path file) throws IOException {
        return read(file, ReadOptions.defaults());
    }

    /**
     * Reads the whole file in a given encoding, with a given longest row.
     *
     * @param file    the outcomes CSV, never null
     * @param options the encoding and the longest row, never null
     * @return one record per data row, in file order
     * @throws InputFileException when the file is empty, its header is wrong, or it cannot be read to its end
     * @throws IOException        when it cannot be read
     */
    public static List<DealRecord> read(Path file, ReadOptions options) throws IOException {
        List<DealRecord> out = new ArrayList<>();
        try (CsvRows rows = CsvRows.open(file, COLUMNS, false, REQUIRED, options)) {
            while (rows.hasNext()) {
                out.add(toRecord(next(rows)));
            }
        }
        return out;
    }

    private static DealRecord toRecord(CsvRow row) {
        String accountId = TextValues.blankToNull(row.get("account_id"));
        if (row.problem().isPresent()) {
            return DealRecord.error(row.line(), accountId, row.problem().get());
        }
        List<String> problems = new ArrayList<>();
        if (accountId == null) {
            problems.add("account_id: is required");
        }
        LocalDate entered = cell(problems, () -> TextValues.isoDate("entered_pipeline", row.get("entered_pipeline")));
        if (entered == null && problems.stream().noneMatch(p -> p.startsWith("entered_pipeline"))) {
            problems.add("entered_pipeline: is required (the date the account entered the pipeline, "
                    + "which the account is scored as of)");
        }
        String outcomeText = TextValues.blankToNull(row.get("outcome"));
        DealOutcome outcome = DealOutcome.parse(outcomeText).orElse(null);
        if (outcome == null) {
            problems.add(outcomeText == null ? "outcome: is required (won, lost, open or churned)"
                    : "outcome: '" + TextValues.preview(outcomeText) + "' is not won, lost, open or churned");
        }
        LocalDate closed = cell(problems, () -> TextValues.isoDate("close_date", row.get("close_date")));
        if (closed != null && entered != null && closed.isBefore(entered)) {
            problems.add("close_date: " + closed + " is before entered_pipeline " + entered);
        }
        BigDecimal amount = cell(problems, () -> TextValues.decimal("amount", row.get("amount")));
        if (amount != null && amount.signum() < 0) {
            problems.add("amount: " + amount.toPlainString() + " is negative");
        }
        Long cycle = cell(problems, () -> TextValues.wholeLong("cycle_days", row.get("cycle_days")));
        if (cycle != null && (cycle < 0 || cycle > 36_500)) {
            problems.add("cycle_days: " + cycle + " is not between 0 and 36500");
        }
        Boolean retained = cell(problems, () -> TextValues.bool("retained_12m", row.get("retained_12m")));
        BigDecimal expansion = cell(problems, () -> TextValues.decimal("expansion_amount", row.get("expansion_amount")));
        if (outcome != null && !outcome.isWin()) {
            if (retained != null) {
                problems.add("retained_12m: given for a deal that is " + outcome.label() + ", not won");
            }
            if (expansion != null) {
                problems.add("expansion_amount: given for a deal that is " + outcome.label() + ", not won");
            }
        }
        if (!problems.isEmpty()) {
            return DealRecord.error(row.line(), accountId, String.join("; ", problems));
        }
        return DealRecord.ok(row.line(), new Deal(TextValues.blankToNull(row.get("deal_id")), accountId, entered,
                outcome, closed, amount, cycle == null ? null : cycle.intValue(), retained, expansion));
    }

    /** Parses one cell, adding its problem to the row's instead of stopping at the first. */
    private static <T> T cell(List<String> problems, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidFactException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static CsvRow next(CsvRows rows) throws InputFileException {
        try {
            return rows.next();
        } catch (CsvSyntaxException e) {
            throw new InputFileException(rows.file(), "line " + e.line() + ": " + e.problem());
        }
    }
}

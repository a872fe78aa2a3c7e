package io.icprules.evidence;

import io.icprules.error.InvalidFactException;
import io.icprules.io.CsvRow;
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
 * Reads an outcomes CSV: one row per deal, in the file's own layout or, through a
 * {@link DealMapping}, as a CRM exports it (a HubSpot deals export, a Salesforce opportunities
 * report).
 *
 * <p>Columns of the own layout (header required, any order, names matched ignoring case):
 * {@code account_id}, {@code entered_pipeline} ({@code yyyy-MM-dd}) and {@code outcome}
 * ({@code won}, {@code lost}, {@code open}, {@code churned}) are required; {@code deal_id},
 * {@code close_date}, {@code amount} (annual contract value), {@code cycle_days},
 * {@code retained_12m} ({@code true}/{@code false}), {@code expansion_amount},
 * {@code churned_amount}, {@code gross_margin} (a fraction, {@code 0.72}) and
 * {@code acquisition_cost} are optional, as columns and as cells.
 *
 * <p>A row with a bad value becomes an error record naming its line, the account and every problem
 * of the row; retention, expansion or churned value given for a deal that was not won is such a
 * problem, because one of the two cells must be wrong. A row whose text cannot be read (a stray
 * quote, bytes that are not text in the file's encoding, a line over the length limit) becomes an
 * error record saying why; the rows after it are read.
 */
public final class OutcomesReader {

    /** The accepted columns, in the order the documentation lists them. */
    public static final List<String> COLUMNS = List.of("deal_id", "account_id", "entered_pipeline", "outcome",
            "close_date", "amount", "cycle_days", "retained_12m", "expansion_amount", "churned_amount",
            "gross_margin", "acquisition_cost");

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
        return DealRows.read(file, COLUMNS, REQUIRED, options, OutcomesReader::toRecord);
    }

    /**
     * Reads a CRM deals export through its mapping. When the mapping names the account by
     * {@code account_name}, each deal's account is the account of {@code accounts} with that name:
     * as written, else ignoring case and runs of spaces; a name that matches no account or several
     * makes the row an error record naming the name, the accounts it matches and the fix.
     *
     * @param file     the export, never null
     * @param mapping  its mapping, see {@link DealMapping#loadOutcomes(Path)}; never null
     * @param accounts the accounts the deals' names are looked up in; may be null when the mapping
     *                 maps an {@code account_id} column
     * @param options  the encoding and the longest row, never null
     * @return one record per data row, in file order
     * @throws InputFileException when the file is empty, its header does not fit the mapping, or it
     *                            cannot be read to its end
     * @throws IOException        when it cannot be read
     * @throws IllegalArgumentException when the mapping is a pipeline mapping, or names accounts by
     *                            name and no accounts are given
     */
    public static List<DealRecord> read(Path file, DealMapping mapping, AccountBook accounts, ReadOptions options)
            throws IOException {
        return DealRows.read(file, mapping, DealMapping.Layout.OUTCOMES, accounts, options, OutcomesReader::toRecord);
    }

    private static DealRecord toRecord(CsvRow row, DealCells cells, AccountNames names) {
        List<String> problems = new ArrayList<>();
        String accountId = accountId(row, cells, names, problems);
        if (row.problem().isPresent()) {
            return DealRecord.error(row.line(), accountId, row.problem().get());
        }
        LocalDate entered = cell(problems, () -> cells.date(row, "entered_pipeline"));
        if (entered == null && problems.stream().noneMatch(p -> p.startsWith(cells.label("entered_pipeline")))) {
            problems.add(cells.label("entered_pipeline") + ": is required (the date the account entered the pipeline, "
                    + "which the account is scored as of)");
        }
        String outcomeText = TextValues.blankToNull(cells.text(row, "outcome"));
        DealOutcome outcome = DealOutcome.parse(outcomeText).orElse(null);
        if (outcome == null) {
            problems.add(outcomeText == null ? cells.label("outcome") + ": is required (won, lost, open or churned)"
                    : cells.label("outcome") + ": '" + TextValues.preview(outcomeText) + "' is not won, lost, open or "
                            + "churned" + (cells == DealCells.PLAIN ? "" : " (translate it under values: in the mapping)"));
        }
        LocalDate closed = cell(problems, () -> cells.date(row, "close_date"));
        if (closed != null && entered != null && closed.isBefore(entered)) {
            problems.add(cells.label("close_date") + ": " + closed + " is before entered_pipeline " + entered);
        }
        BigDecimal amount = nonNegative(problems, cells, row, "amount");
        Long cycle = cell(problems, () -> cells.whole(row, "cycle_days"));
        if (cycle != null && (cycle < 0 || cycle > 36_500)) {
            problems.add(cells.label("cycle_days") + ": " + cycle + " is not between 0 and 36500");
        }
        Boolean retained = cell(problems, () -> cells.bool(row, "retained_12m"));
        BigDecimal expansion = cell(problems, () -> cells.number(row, "expansion_amount"));
        BigDecimal churnedAmount = nonNegative(problems, cells, row, "churned_amount");
        BigDecimal margin = cell(problems, () -> cells.number(row, "gross_margin"));
        if (margin != null && margin.abs().compareTo(BigDecimal.ONE) > 0) {
            problems.add(cells.label("gross_margin") + ": " + margin.stripTrailingZeros().toPlainString()
                    + " is not a fraction between -1 and 1 (" + (cells == DealCells.PLAIN ? "write 72% as 0.72)"
                    : "-100% to 100%)"));
        }
        BigDecimal cost = nonNegative(problems, cells, row, "acquisition_cost");
        if (outcome != null && !outcome.isWin()) {
            for (Object[] c : new Object[][] {{"retained_12m", retained}, {"expansion_amount", expansion},
                    {"churned_amount", churnedAmount}}) {
                if (c[1] != null) {
                    problems.add(cells.label((String) c[0]) + ": given for a deal that is " + outcome.label() + ", not won");
                }
            }
        }
        if (!problems.isEmpty()) {
            return DealRecord.error(row.line(), accountId, String.join("; ", problems));
        }
        return DealRecord.ok(row.line(), new Deal(TextValues.blankToNull(cells.text(row, "deal_id")), accountId, entered,
                outcome, closed, amount, cycle == null ? null : cycle.intValue(), retained, expansion, churnedAmount,
                margin, cost));
    }

    /** The account: its id, or the id its name resolves to; a missing or unresolved one is a problem of the row. */
    static String accountId(CsvRow row, DealCells cells, AccountNames names, List<String> problems) {
        if (names == null) {
            String id = TextValues.blankToNull(cells.text(row, "account_id"));
            if (id == null && !row.isBroken()) {
                problems.add(cells.label("account_id") + ": is required");
            }
            return id;
        }
        String name = TextValues.blankToNull(cells.text(row, DealMapping.ACCOUNT_NAME));
        if (name == null) {
            if (!row.isBroken()) {
                problems.add(cells.label(DealMapping.ACCOUNT_NAME) + ": is required (the name of the deal's account)");
            }
            return null;
        }
        AccountNames.Found found = names.find(cells.label(DealMapping.ACCOUNT_NAME), name.strip());
        if (found.problem() != null && !row.isBroken()) {
            problems.add(found.problem());
        }
        return found.accountId();
    }

    private static BigDecimal nonNegative(List<String> problems, DealCells cells, CsvRow row, String column) {
        BigDecimal n = cell(problems, () -> cells.number(row, column));
        if (n != null && n.signum() < 0) {
            problems.add(cells.label(column) + ": " + n.toPlainString() + " is negative");
        }
        return n;
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
}

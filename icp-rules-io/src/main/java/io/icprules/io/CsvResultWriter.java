package io.icprules.io;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import io.icprules.result.RuleNote;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes results as CSV, one row per record, with a header line.
 *
 * <p>Columns: {@code line, account_id, decision, tier, score, ruleset, ruleset_version,
 * ruleset_hash, as_of, ledger, unmet_hard_filters, disqualifiers, missing_fields, error}.
 * {@code decision} is {@code FIT}, {@code EXCLUDED}, {@code DISQUALIFIED},
 * {@code INSUFFICIENT_DATA} or {@code ERROR}; an error row fills only {@code line},
 * {@code account_id}, {@code decision} and {@code error}. {@code score} is written exactly as
 * {@link FitResult#score()} prints ({@code 73.3}); {@code ruleset_hash} is the full content hash.
 * Lists are joined with {@code "; "}:
 * <ul>
 *   <li>{@code ledger}: the lines that carry points (soft signals, triggers, adjustments) as
 *       {@code <rule> <points>} with the points signed, for example
 *       {@code Core vertical +20.0; Recent funding +13.3; cap: technology -5.0}. The rule name comes
 *       first so the cell reads naturally and does not start with a sign. Hard filters and
 *       disqualifiers, always worth 0, are left out: the unmet ones have their own columns, and the
 *       JSON Lines output carries the full ledger. The points in the cell add up to the score;</li>
 *   <li>{@code unmet_hard_filters} and {@code disqualifiers}: {@code <rule>: <reason>};</li>
 *   <li>{@code missing_fields}: field names.</li>
 * </ul>
 *
 * <p>Spreadsheet safety: text cells hold data from the input file (ids, reasons quoting account
 * values, error messages) and a spreadsheet would run a cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return as a formula. Every cell except the numeric
 * {@code line} and {@code score} is therefore passed through {@link #neutralise(String)}, which
 * prefixes such a cell with {@code '}. The numeric columns are written untouched so that they stay
 * numbers.
 */
public final class CsvResultWriter implements ResultWriter {

    /** The header, in column order. */
    public static final List<String> COLUMNS = List.of("line", "account_id", "decision", "tier", "score", "ruleset",
            "ruleset_version", "ruleset_hash", "as_of", "ledger", "unmet_hard_filters", "disqualifiers",
            "missing_fields", "error");

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Not STRICT_CHECK_FOR_QUOTING: that mode leaves a cell holding a bare CR unquoted, which
            // breaks the row. The default quotes some cells that would not need it, which is harmless.
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .addColumns(COLUMNS, CsvSchema.ColumnType.STRING)
            .build()
            .withHeader();

    /** Rows go to the generator cell by cell: no data binding between a row and its cells. */
    private final CsvGenerator out;

    /**
     * Starts writing; the header comes before the first row, or at {@link #close()} when there is none.
     *
     * @param target where to write, never null; left open by {@link #close()}
     * @throws IOException when the output cannot be set up
     */
    public CsvResultWriter(Writer target) throws IOException {
        this.out = (CsvGenerator) MAPPER.getFactory().createGenerator(target);
        out.setSchema(SCHEMA);
    }

    @Override
    public void write(ScoredRecord record) throws IOException {
        String[] row = new String[COLUMNS.size()];
        row[0] = Long.toString(record.line());
        row[1] = neutralise(record.accountId());
        row[2] = record.decision();
        FitResult r = record.result();
        if (r != null) {
            row[3] = neutralise(r.tier());
            row[4] = r.score().toPlainString();
            row[5] = neutralise(r.ruleset().name());
            row[6] = neutralise(r.ruleset().version());
            row[7] = r.ruleset().contentHash();
            row[8] = r.asOf().toString();
            row[9] = neutralise(ledger(r.ledger()));
            row[10] = neutralise(notes(r.unmetHardFilters()));
            row[11] = neutralise(notes(r.disqualifiers()));
            row[12] = neutralise(String.join("; ", r.missingFields()));
        } else {
            row[13] = neutralise(record.error());
        }
        out.writeStartArray();
        for (String cell : row) {
            out.writeString(cell == null ? "" : cell); // a null would be left out, shifting the later cells
        }
        out.writeEndArray();
    }

    /**
     * Renders a ledger for one cell: {@code Core vertical +20.0; Recent funding +13.3}, leaving out
     * the rules whose kind scores no points (hard filters and disqualifiers).
     *
     * @param ledger the lines, never null
     * @return the text, empty when no line carries points
     */
    public static String ledger(List<LedgerLine> ledger) {
        // One builder per cell: this runs for every row of files with millions of rows.
        StringBuilder cell = new StringBuilder(32 * ledger.size());
        for (LedgerLine l : ledger) {
            if (l.kind().isRule() && !l.kind().scoresPoints()) {
                continue;
            }
            if (!cell.isEmpty()) {
                cell.append("; ");
            }
            cell.append(l.rule()).append(' ').append(l.points().signum() >= 0 ? "+" : "").append(plain(l.points()));
        }
        return cell.toString();
    }

    /**
     * The plain text of a number of points. Up to six decimal places {@link BigDecimal#toString()} is
     * that text, and a {@code BigDecimal} keeps it once made: a rule's points are one instance shared
     * by all its lines, so most cells then cost no conversion.
     */
    private static String plain(BigDecimal points) {
        return points.scale() >= 0 && points.scale() <= 6 ? points.toString() : points.toPlainString();
    }

    /**
     * Renders unmet hard filters or disqualifiers for one cell: {@code <rule>: <reason>}, joined with
     * {@code "; "}.
     *
     * @param notes the notes, never null
     * @return the text, empty when there are none
     */
    public static String notes(List<RuleNote> notes) {
        if (notes.isEmpty()) {
            return "";
        }
        StringBuilder cell = new StringBuilder(64 * notes.size());
        for (RuleNote n : notes) {
            if (!cell.isEmpty()) {
                cell.append("; ");
            }
            cell.append(n.rule()).append(": ").append(n.reason());
        }
        return cell.toString();
    }

    /**
     * Makes a text cell safe to open in a spreadsheet: a cell starting with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return is prefixed with a single quote, so it is
     * shown as text instead of being evaluated as a formula.
     *
     * @param cell the cell, may be null
     * @return the cell, prefixed when needed; null stays null
     */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

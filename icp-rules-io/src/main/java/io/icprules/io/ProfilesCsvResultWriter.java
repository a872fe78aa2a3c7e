package io.icprules.io;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.icprules.result.FitResult;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes accounts scored against several profiles as CSV: one row per record, a group of columns
 * per profile.
 *
 * <p>Columns: {@code line, account_id, best_profile, as_of}, then for each profile {@code P} in
 * order {@code P.decision, P.tier, P.score, P.ruleset_version, P.ruleset_hash, P.ledger,
 * P.unmet_hard_filters, P.disqualifiers, P.missing_fields, P.error}, then {@code error}. The
 * profile's cells read as in {@link CsvResultWriter}; {@code best_profile} is the highest-scoring
 * profile whose decision is FIT, empty when none is. A record that could not be read has
 * {@code ERROR} as every profile's decision and its reason in {@code error}; a profile whose
 * evaluation failed has {@code ERROR} as its decision and the reason in {@code P.error}. Cells from
 * input data are neutralised against spreadsheet formulas as in {@link CsvResultWriter}.
 */
public final class ProfilesCsvResultWriter implements ProfilesResultWriter {

    /** The columns of each profile, after the {@code <profile>.} prefix. */
    public static final List<String> PROFILE_COLUMNS = List.of("decision", "tier", "score", "ruleset_version",
            "ruleset_hash", "ledger", "unmet_hard_filters", "disqualifiers", "missing_fields", "error");

    private static final CsvMapper MAPPER = CsvMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final List<String> profiles;
    private final List<String> columns;
    private final SequenceWriter out;

    /**
     * Starts writing: the header is written at once.
     *
     * @param target   where to write, never null; left open by {@link #close()}
     * @param profiles the profile names, in column order
     * @throws IOException when the header cannot be written
     */
    public ProfilesCsvResultWriter(Writer target, List<String> profiles) throws IOException {
        this.profiles = List.copyOf(profiles);
        this.columns = columns(this.profiles);
        CsvSchema schema = CsvSchema.builder().addColumns(columns, CsvSchema.ColumnType.STRING).build().withHeader();
        this.out = MAPPER.writer(schema).writeValues(target);
    }

    /**
     * @param profiles the profile names, in order
     * @return the header for those profiles
     */
    public static List<String> columns(List<String> profiles) {
        List<String> c = new ArrayList<>(List.of("line", "account_id", "best_profile", "as_of"));
        for (String p : profiles) {
            PROFILE_COLUMNS.forEach(col -> c.add(p + "." + col));
        }
        c.add("error");
        return c;
    }

    @Override
    public void write(ProfiledRecord record) throws IOException {
        String[] row = new String[columns.size()];
        Arrays.fill(row, "");
        row[0] = Long.toString(record.line());
        row[1] = nz(CsvResultWriter.neutralise(record.accountId()));
        row[2] = nz(CsvResultWriter.neutralise(record.bestProfile()));
        LocalDate asOf = record.profiles().values().stream().filter(s -> s.result() != null)
                .map(s -> s.result().asOf()).findFirst().orElse(null);
        row[3] = asOf == null ? "" : asOf.toString();
        int i = 4;
        for (String p : profiles) {
            ScoredRecord s = record.profiles().get(p);
            if (s == null) {
                row[i] = ScoredRecord.ERROR;
            } else {
                row[i] = s.decision();
                FitResult r = s.result();
                if (r != null) {
                    row[i + 1] = nz(CsvResultWriter.neutralise(r.tier()));
                    row[i + 2] = r.score().toPlainString();
                    row[i + 3] = nz(CsvResultWriter.neutralise(r.ruleset().version()));
                    row[i + 4] = r.ruleset().contentHash();
                    row[i + 5] = nz(CsvResultWriter.neutralise(CsvResultWriter.ledger(r.ledger())));
                    row[i + 6] = nz(CsvResultWriter.neutralise(CsvResultWriter.notes(r.unmetHardFilters())));
                    row[i + 7] = nz(CsvResultWriter.neutralise(CsvResultWriter.notes(r.disqualifiers())));
                    row[i + 8] = nz(CsvResultWriter.neutralise(String.join("; ", r.missingFields())));
                } else {
                    row[i + 9] = nz(CsvResultWriter.neutralise(s.error()));
                }
            }
            i += PROFILE_COLUMNS.size();
        }
        row[i] = nz(CsvResultWriter.neutralise(record.error()));
        out.write(Arrays.asList(row));
    }

    /** Jackson skips nulls in a row, which would shift the later cells left. */
    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

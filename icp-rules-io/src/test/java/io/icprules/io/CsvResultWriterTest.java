package io.icprules.io;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.icprules.result.LedgerLine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvResultWriterTest {

    private static String write(ScoredRecord... records) throws IOException {
        StringWriter out = new StringWriter();
        try (ResultWriter w = ResultWriter.create(FileFormat.CSV, out)) {
            for (ScoredRecord r : records) {
                w.write(r);
            }
        }
        return out.toString();
    }

    private static List<List<String>> parse(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(csv)) {
            return it.readAll();
        }
    }

    @Test
    void writesHeaderAndOneRowPerRecordInOrder() throws IOException {
        String csv = write(ScoredRecord.of(2, Results.fit()), ScoredRecord.error(3, "bad", "employees: '12a' is not a whole number"),
                ScoredRecord.error(4, null, "id: is required"));

        List<List<String>> rows = parse(csv);

        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsExactly("line", "account_id", "decision", "tier", "score", "ruleset",
                "ruleset_version", "ruleset_hash", "as_of", "ledger", "unmet_hard_filters", "disqualifiers",
                "missing_fields", "error");
        assertThat(rows.get(1)).containsExactly("2", "acme", "FIT", "B", "40.0", "retail", "3", "ab".repeat(32),
                "2026-11-01", "Core vertical +30.0; Recent funding +13.3; cap: tech -3.3",
                "", "", "", "");
        assertThat(rows.get(2)).containsExactly("3", "bad", "ERROR", "", "", "", "", "", "", "", "", "", "",
                "employees: '12a' is not a whole number");
        assertThat(rows.get(3)).containsExactly("4", "", "ERROR", "", "", "", "", "", "", "", "", "", "",
                "id: is required");
        assertThat(csv).startsWith("line,account_id,decision,")
                .contains("\n2,acme,FIT,B,40.0,retail,3,");
    }

    @Test
    void noRecordsStillWritesTheHeader() throws IOException {
        assertThat(write()).isEqualTo(String.join(",", CsvResultWriter.COLUMNS) + "\n");
    }

    @Test
    void ledgerPointsArePlainWithOneDecimal() {
        assertThat(CsvResultWriter.ledger(List.of(
                LedgerLine.adjustment("tiny", new BigDecimal("-0.00000001"), "r"),
                LedgerLine.adjustment("big", new BigDecimal("1E+3"), "r"))))
                .isEqualTo("tiny +0.0; big +1000.0");
    }

    @Test
    void neutralisesFormulaCellsButNotNumbers() throws IOException {
        List<List<String>> rows = parse(write(ScoredRecord.of(9, Results.hostile()),
                ScoredRecord.error(10, "-1", "\tsneaky"), ScoredRecord.error(11, "\rcr", "=1+1")));

        List<String> row = rows.get(1);
        assertThat(row.get(0)).isEqualTo("9");
        assertThat(row.get(1)).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(row.get(2)).isEqualTo("DISQUALIFIED");
        assertThat(row.get(4)).isEqualTo("5.0");
        assertThat(row.get(9)).isEqualTo("'-Negative start +5.0");
        assertThat(row.get(10)).isEqualTo("Mid-market headcount: -2 employees");
        assertThat(row.get(11)).isEqualTo("Uses competitor: @SUM(A1:A2)");
        assertThat(row.get(12)).isEqualTo("employees");
        assertThat(rows.get(2).get(1)).isEqualTo("'-1");
        assertThat(rows.get(2).get(13)).isEqualTo("'\tsneaky");
        assertThat(rows.get(3).get(1)).isEqualTo("'\rcr");
        assertThat(rows.get(3).get(13)).isEqualTo("'=1+1");
    }

    @Test
    void neutraliseOnlyTouchesDangerousFirstCharacters() {
        assertThat(CsvResultWriter.neutralise(null)).isNull();
        assertThat(CsvResultWriter.neutralise("")).isEmpty();
        assertThat(CsvResultWriter.neutralise("Acme = good")).isEqualTo("Acme = good");
        assertThat(CsvResultWriter.neutralise("+49 30 1234")).isEqualTo("'+49 30 1234");
        assertThat(CsvResultWriter.neutralise("@home")).isEqualTo("'@home");
    }

    @Test
    void ledgerCellListsThePointLinesRuleNameFirst() {
        assertThat(CsvResultWriter.ledger(Results.fit().ledger()))
                .isEqualTo("Core vertical +30.0; Recent funding +13.3; cap: tech -3.3");
        assertThat(CsvResultWriter.ledger(List.of())).isEmpty();
    }
}

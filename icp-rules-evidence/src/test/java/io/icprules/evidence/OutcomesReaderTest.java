package io.icprules.evidence;

import io.icprules.testing.TestFiles;
import io.icprules.io.InputFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading outcomes and pipeline files: every row becomes a record, bad ones with their line and all their problems. */
class OutcomesReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return TestFiles.write(dir, name, text);
    }

    @Test
    void readsEveryColumnAndLeavesMissingCellsUnknown() throws IOException {
        Path file = write("outcomes.csv", """
                Account_ID,entered_pipeline,outcome,close_date,amount,cycle_days,retained_12m,expansion_amount,deal_id
                a-1,2025-01-10,won,2025-03-01,12000.50,50,true,1500,D-1
                a-2,2025-02-01,LOST,,,,,,
                a-3,2025-02-01,open,,8000,,,,
                """);
        List<DealRecord> records = OutcomesReader.read(file);
        assertThat(records).extracting(DealRecord::line).containsExactly(2L, 3L, 4L);
        assertThat(records).noneMatch(DealRecord::isError);
        assertThat(records.get(0).deal()).isEqualTo(new Deal("D-1", "a-1", LocalDate.of(2025, 1, 10), DealOutcome.WON,
                LocalDate.of(2025, 3, 1), new BigDecimal("12000.50"), 50, true, new BigDecimal("1500")));
        assertThat(records.get(1).deal()).isEqualTo(new Deal(null, "a-2", LocalDate.of(2025, 2, 1), DealOutcome.LOST,
                null, null, null, null, null));
        assertThat(records.get(2).deal().outcome()).isEqualTo(DealOutcome.OPEN);
    }

    @Test
    void aBadRowIsAnErrorRecordWithItsLineAndEveryProblem() throws IOException {
        Path file = write("outcomes.csv", """
                account_id,entered_pipeline,outcome,close_date,amount,cycle_days,retained_12m,expansion_amount
                a-1,2025-01-10,won,2025-03-01,12000,50,true,1500
                a-2,2025-13-01,maybe,,12,000,,,
                a-3,2025-05-01,lost,2025-04-01,-5,x,true,10
                ,2025-05-01,won,,,,,
                a-5,,won,,,,yes,
                """);
        List<DealRecord> records = OutcomesReader.read(file);
        assertThat(records).hasSize(5);
        assertThat(records.get(0).isError()).isFalse();
        assertThat(records.get(1).line()).isEqualTo(3);
        assertThat(records.get(1).accountId()).isEqualTo("a-2");
        assertThat(records.get(1).error()).contains("row has 9 cells but the header has 8 columns");
        DealRecord third = records.get(2);
        assertThat(third.line()).isEqualTo(4);
        assertThat(third.error()).contains("close_date: 2025-04-01 is before entered_pipeline 2025-05-01")
                .contains("amount: -5 is negative")
                .contains("cycle_days: 'x' is not a whole number")
                .contains("retained_12m: given for a deal that is lost, not won")
                .contains("expansion_amount: given for a deal that is lost, not won");
        assertThat(records.get(3).error()).contains("account_id: is required");
        assertThat(records.get(3).line()).isEqualTo(5);
        assertThat(records.get(4).error()).contains("entered_pipeline: is required")
                .contains("retained_12m: 'yes' is not true or false");
    }

    @Test
    void anUnknownOutcomeOrBadDateIsNamed() throws IOException {
        Path file = write("outcomes.csv", """
                account_id,entered_pipeline,outcome
                a-1,2025-02-30,won
                a-2,2025-02-01,maybe
                a-3,2025-02-01,
                """);
        List<DealRecord> records = OutcomesReader.read(file);
        assertThat(records.get(0).error()).isEqualTo("entered_pipeline: '2025-02-30' is not a valid date");
        assertThat(records.get(1).error()).isEqualTo("outcome: 'maybe' is not won, lost, open or churned");
        assertThat(records.get(2).error()).isEqualTo("outcome: is required (won, lost, open or churned)");
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedBeforeAnyRow() throws IOException {
        Path file = write("outcomes.csv", "account_id,outcome,result\na-1,won,x\n");
        assertThatThrownBy(() -> OutcomesReader.read(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("column 3 'result' is not a known column")
                .hasMessageContaining("required column entered_pipeline is missing");
    }

    @Test
    void writtenDealsReadBackEqual() throws IOException {
        List<Deal> deals = List.of(
                new Deal("D-1", "a-1", LocalDate.of(2025, 1, 10), DealOutcome.CHURNED, LocalDate.of(2025, 3, 1),
                        new BigDecimal("1200"), 50, false, BigDecimal.ZERO),
                new Deal(null, "a,2", LocalDate.of(2025, 2, 1), DealOutcome.OPEN, null, null, null, null, null));
        StringWriter text = new StringWriter();
        try (OutcomesWriter w = new OutcomesWriter(text)) {
            for (Deal d : deals) {
                w.write(d);
            }
        }
        List<DealRecord> back = OutcomesReader.read(write("back.csv", text.toString()));
        assertThat(back).extracting(DealRecord::deal).containsExactlyElementsOf(deals);
    }

    @Test
    void pipelineRowsAreCheckedToo() throws IOException {
        Path file = write("pipeline.csv", """
                deal_id,account_id,stage,amount
                D-1,a-1,demo,5000
                D-1,a-2,demo,
                D-3,,proposal,1e5
                D-4,a-4,,
                """);
        List<PipelineRecord> records = PipelineReader.read(file);
        assertThat(records).hasSize(4);
        assertThat(records.get(0).deal()).isEqualTo(new PipelineDeal("D-1", "a-1", "demo", new BigDecimal("5000")));
        assertThat(records.get(1).error()).isEqualTo("deal_id: D-1 already appears on line 2");
        assertThat(records.get(2).error()).contains("account_id: is required").contains("amount: '1e5' is not a number");
        assertThat(records.get(3).deal()).isEqualTo(new PipelineDeal("D-4", "a-4", null, null));
    }

    @Test
    void aBrokenRowCostsThatRowOnlyAndOtherEncodingsAreReadWhenNamed() throws IOException {
        Path outcomes = dir.resolve("outcomes.csv");
        java.nio.file.Files.write(outcomes, ("account_id,entered_pipeline,outcome,deal_id\n"
                + "a-1,2025-01-10,\"won,D-1\n"
                + "a-2,2025-02-01,lost,D-\u00e92\n"
                + "a-3,2025-02-01,open,D-3\n").getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Path pipeline = dir.resolve("pipeline.csv");
        java.nio.file.Files.writeString(pipeline, "deal_id,account_id\nD-1,\"a-1\nD-2,a-2\n");

        List<DealRecord> deals = OutcomesReader.read(outcomes);
        List<DealRecord> named = OutcomesReader.read(outcomes,
                io.icprules.io.ReadOptions.defaults().withEncoding("windows-1252"));
        List<PipelineRecord> open = PipelineReader.read(pipeline);

        assertThat(deals).extracting(DealRecord::line).containsExactly(2L, 3L, 4L);
        assertThat(deals.get(0).accountId()).isEqualTo("a-1");
        assertThat(deals.get(0).error()).startsWith("column 16: a quoted cell starts here and is never closed");
        assertThat(deals.get(1).accountId()).isEqualTo("a-2");
        assertThat(deals.get(1).error()).contains("pass --encoding windows-1252");
        assertThat(deals.get(2).isError()).isFalse();
        assertThat(named.get(1).deal().dealId()).isEqualTo("D-\u00e92");
        assertThat(open).hasSize(2);
        assertThat(open.get(0).dealId()).isEqualTo("D-1");
        assertThat(open.get(0).error()).contains("a quoted cell starts here and is never closed");
        assertThat(open.get(1).isError()).isFalse();
    }
}

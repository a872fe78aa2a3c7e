package io.icprules.spark.internal;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Event;
import io.icprules.io.AccountFields;
import io.icprules.io.CsvResultWriter;
import io.icprules.io.EventFields;
import io.icprules.result.FitResult;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a scoring task assembles accounts from grouped rows, without Spark's sort in front of it: the
 * rows of keys whose sort values agree (a hash collision) arrive interleaved, and a key's events in
 * any order; each account must get its own events, in file order, as the in-process engine sees them.
 */
class ScorePartitionTest {

    private static final Path RULES = Path.of("../icp-rules-examples/rulesets/workforce-scheduling");
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    private static final List<String> FIELDS = List.of("id", "industry", "employees", "country", "attr.locations");
    private static final StructType ACCOUNTS = schema(FIELDS);
    /** Positions in a result row: account id, decision, score, ledger text, error. */
    private static final int ID = 0;
    private static final int DECISION = 1;
    private static final int SCORE = 3;
    private static final int LEDGER_TEXT = 5;
    private static final int ERROR = 9;

    @Test
    void interleavedKeysSharingASortValueEachGetTheirOwnEventsInFileOrder() {
        long shared = 0x5a5a_0000_0000_0000L;
        List<Row> input = List.of(
                event("WS-2", 2, "funding_round", "2026-09-22", "round=growth", shared),
                event("WS-1", 5, "location_opening", "2026-10-10", null, shared),
                event("WS-1", 1, "exec_hire", "2026-09-01", "function=operations", shared),
                account(shared, "WS-1", "retail", "120", "US", "14"),
                account(shared, "WS-2", "restaurants", "300", "US", "30"),
                account(shared, "WS-1", "retail", "120", "US", "14"), // the same id twice: both get its events
                account(0x1234_0000_0000_0000L, "WS-3", "retail", "120", "US", "14"));

        List<Row> out = score(input);

        assertThat(out).extracting(r -> r.getString(ID)).containsExactly("WS-1", "WS-2", "WS-1", "WS-3");
        try (FitEngine engine = IcpRules.fromDirectory(RULES)) {
            List<Event> ws1 = List.of(EventFields.event("WS-1", "exec_hire", "2026-09-01", "function=operations"),
                    EventFields.event("WS-1", "location_opening", "2026-10-10", null));
            List<Event> ws2 = List.of(EventFields.event("WS-2", "funding_round", "2026-09-22", "round=growth"));
            assertSameAs(out.get(0), engine.evaluate(facts("WS-1", "retail", "120", "14", ws1), AS_OF));
            assertSameAs(out.get(1), engine.evaluate(facts("WS-2", "restaurants", "300", "30", ws2), AS_OF));
            assertSameAs(out.get(2), engine.evaluate(facts("WS-1", "retail", "120", "14", ws1), AS_OF));
            assertSameAs(out.get(3), engine.evaluate(facts("WS-3", "retail", "120", "14", List.of()), AS_OF));
        }
        // The events reached the ledger: a trigger each, and none of the other key's.
        assertThat(out.get(0).getString(LEDGER_TEXT)).contains("New head of operations").doesNotContain("Funding");
        assertThat(out.get(1).getString(LEDGER_TEXT)).contains("Funding").doesNotContain("head of operations");
        assertThat(out.get(3).getString(LEDGER_TEXT)).doesNotContain("Funding").doesNotContain("head of operations");
    }

    @Test
    void problemsWithAKeysEventsAreReportedInFileOrderWhateverOrderTheyArriveIn() {
        long h = 0x0101_0000_0000_0000L;
        List<Row> input = List.of(
                event("WS-9", 9, "exec_hire", "yesterday", null, h),
                event("WS-9", 4, "funding_round", "2026-13-01", null, h),
                account(h, "WS-9", "retail", "120", "US", "14"));

        Row r = score(input).get(0);

        assertThat(r.getString(DECISION)).isEqualTo("ERROR");
        String error = r.getString(ERROR);
        assertThat(error).contains("2026-13-01").contains("yesterday");
        assertThat(error.indexOf("2026-13-01")).isLessThan(error.indexOf("yesterday"));
    }

    private static List<Row> score(List<Row> grouped) {
        AccountDecoder decoder = AccountDecoder.plain(ACCOUNTS, InputColumns.accounts(ACCOUNTS));
        ScorePartition task = new ScorePartition(RulesetSource.fromDirectory(RULES), AS_OF, 1000, decoder, true,
                new int[0], true);
        List<Row> out = new ArrayList<>();
        for (Iterator<Row> it = task.call(grouped.iterator()); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static void assertSameAs(Row row, FitResult expected) {
        assertThat(row.getString(DECISION)).isEqualTo(expected.decision().name());
        assertThat(row.get(SCORE).toString()).isEqualTo(expected.score().toString());
        assertThat(row.getString(LEDGER_TEXT)).isEqualTo(CsvResultWriter.ledger(expected.ledger()));
    }

    private static AccountFacts facts(String id, String industry, String employees, String locations, List<Event> events) {
        Account.Builder b = Account.builder(id);
        AccountFields.set(b, "industry", industry);
        AccountFields.set(b, "employees", employees);
        AccountFields.set(b, "country", "US");
        AccountFields.set(b, "attr.locations", locations);
        return AccountFacts.of(b.build(), events, List.of());
    }

    /** A grouped account row: its sort value carries the kind in its lowest bits. */
    private static Row account(long hash, String... cells) {
        return RowFactory.create(cells[0], ScorePartition.ACCOUNT, 0L, RowFactory.create((Object[]) cells), null, null,
                hash | ScorePartition.ACCOUNT);
    }

    private static Row event(String id, long ordinal, String type, String date, String details, long hash) {
        Row e = RowFactory.create(type, date, details, "events.csv", null);
        return RowFactory.create(id, ScorePartition.EVENT, ordinal, null, e, null, hash | ScorePartition.EVENT);
    }

    private static StructType schema(List<String> fields) {
        StructType s = new StructType();
        for (String f : fields) {
            s = s.add(f, DataTypes.StringType);
        }
        return s;
    }
}

package io.icprules.io;

import io.icprules.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelatedFactsTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return TestFiles.write(dir, name, content);
    }

    private static List<AccountRecord> readJoined(Path accounts, RelatedFacts related) throws IOException {
        try (AccountReader reader = AccountReader.open(accounts); Stream<AccountRecord> s = reader.records()) {
            return s.map(related::attach).toList();
        }
    }

    @Test
    void joinsEventsAndContactsToTheirAccounts() throws IOException {
        Path accounts = write("accounts.csv", "id,name\na,A\nb,B\nc,C\n");
        Path events = write("events.csv", "account_id,type,date,details\n"
                + "a,funding_round,2026-09-22,round=Series B;amount_usd=25000000;note=a=b\n"
                + "b,exec_hire,2026-10-01,\n"
                + "a,intent_surge,2026-10-20,\n");
        Path contacts = write("contacts.csv", "account_id,name,title,role,seniority,department\n"
                + "b,Dana,\"Director, Ops\",economic_buyer,director,operations\n");
        RelatedFacts related = RelatedFacts.load(events, contacts);

        List<AccountRecord> records = readJoined(accounts, related);

        assertThat(records).noneMatch(AccountRecord::isError);
        assertThat(records.get(0).facts().events()).extracting(e -> e.getType())
                .containsExactly("funding_round", "intent_surge");
        assertThat(records.get(0).facts().events().get(0).getDetails())
                .containsEntry("round", "Series B").containsEntry("note", "a=b");
        assertThat(records.get(0).facts().events().get(0).getDate()).isEqualTo(LocalDate.of(2026, 9, 22));
        assertThat(records.get(1).facts().events()).hasSize(1);
        assertThat(records.get(1).facts().contacts()).singleElement()
                .satisfies(c -> assertThat(c.getTitle()).isEqualTo("Director, Ops"));
        assertThat(records.get(2).facts().events()).isEmpty();
        assertThat(related.orphans()).isEmpty();
        assertThat(related.eventRows()).isEqualTo(3);
        assertThat(related.contactRows()).isEqualTo(1);
    }

    @Test
    void loadingForOneAccountGivesItWhatTheWholeLoadGivesAndHoldsNoOtherRows() throws IOException {
        Path accounts = write("accounts.csv", "id,name\na,A\nb,B\nc,C\n");
        Path events = write("events.csv", "account_id,type,date,details\n"
                + "a,funding_round,2026-09-22,round=Series B\n"
                + "b,exec_hire,2026-10-01,\n"
                + "b,funding_round,2026-13-01,\n"
                + ",intent_surge,2026-10-20,\n"
                + "b,intent_surge,2026-10-20,\n");
        Path contacts = write("contacts.csv", "account_id,name,title,role,seniority,department\n"
                + "a,Ann,CFO,economic_buyer,c_level,finance\n"
                + "b,Dana,Ops,champion,director,operations\n");
        List<AccountRecord> whole = readJoined(accounts, RelatedFacts.load(events, contacts));

        RelatedFacts onlyB = RelatedFacts.loadFor(events, contacts, "b");
        List<AccountRecord> joined = readJoined(accounts, onlyB);

        assertThat(joined.get(1)).isEqualTo(whole.get(1));
        assertThat(joined.get(1).error()).startsWith("events.csv line 4: date:"); // b's bad row is b's error
        assertThat(joined.get(0).isError()).isFalse();
        assertThat(joined.get(0).facts().events()).isEmpty(); // a's rows were not kept
        assertThat(joined.get(0).facts().contacts()).isEmpty();
        assertThat(onlyB.eventRows()).isEqualTo(4); // b's three rows and the one without an account
        assertThat(onlyB.contactRows()).isEqualTo(1);
    }

    @Test
    void loadingForOneAccountStillRefusesAFileThatCannotBeOpened() throws IOException {
        Path events = write("events.csv", "account_id,\"type,date\na,funding_round,2026-01-01\n");
        assertThatThrownBy(() -> RelatedFacts.loadFor(events, null, "a")).isInstanceOf(InputFileException.class)
                .hasMessageContaining("events.csv").hasMessageContaining("line 1");
    }

    @Test
    void aBrokenEventsRowIsTheErrorOfTheAccountItNamesAndTheRowsAfterItAreRead() throws IOException {
        Path accounts = write("accounts.csv", "id\na\nb\nc\n");
        Path events = write("events.csv", "account_id,type,date\n"
                + "a,funding_round,2026-01-01\n"
                + "b,\"unclosed,2026-01-01\n"
                + "\"c,merger,2026-01-01\n"
                + "c,merger,2026-02-01\n");
        for (RelatedFacts related : List.of(RelatedFacts.load(events, null),
                RelatedFacts.open(() -> AccountReader.open(accounts), events, null))) {
            List<AccountRecord> records = readJoined(accounts, related);

            assertThat(records.get(0).facts().events()).hasSize(1);
            assertThat(records.get(1).error()).isEqualTo("events.csv line 3: column 3: a quoted cell starts here and "
                    + "is never closed ('\"unclosed,2026-01-01'): remove the stray quote, or close the cell with a quote "
                    + "and double each quote inside it; the rows after it are read");
            assertThat(records.get(2).facts().events()).extracting(e -> e.getDate()).containsExactly(LocalDate.of(2026, 2, 1));
            assertThat(related.orphans()).singleElement().satisfies(o -> {
                assertThat(o.rowsWithoutAccount()).isEqualTo(1);
                assertThat(o.describe()).isEqualTo("events.csv: 1 row has no readable account_id (line 4); events.csv "
                        + "line 4: column 1: a quoted cell starts here and is never closed ('\"c,merger,2026-01-01'): "
                        + "remove the stray quote, or close the cell with a quote and double each quote inside it; the "
                        + "rows after it are read");
            });
            assertThat(related.eventRows()).isEqualTo(4);
            related.close();
        }
    }

    @Test
    void aBadEventOrContactRowTurnsItsAccountIntoAnErrorNamingFileAndLine() throws IOException {
        Path accounts = write("accounts.csv", "id,employees\na,10\nb,20\nc,12a\n");
        Path events = write("events.csv", "account_id,type,date\n"
                + "a,funding_round,2026-13-01\n"
                + "b,funding_round,2026-01-01\n"
                + "c,Not A Type,2026-01-01\n");
        Path contacts = write("people.csv", "account_id,name\nb,ok\nb,ok,extra\n");

        List<AccountRecord> records = readJoined(accounts, RelatedFacts.load(events, contacts));

        assertThat(records).hasSize(3).allMatch(AccountRecord::isError);
        assertThat(records.get(0).error()).isEqualTo("events.csv line 2: date: '2026-13-01' is not a valid date");
        assertThat(records.get(1).error()).startsWith("people.csv line 3: row has 3 cells");
        assertThat(records.get(2).error()).startsWith("employees: '12a' is not a whole number; events.csv line 4: type:");
    }

    @Test
    void reportsRowsOfAccountsThatAreNotInTheAccountsFile() throws IOException {
        Path accounts = write("accounts.csv", "id\na\n");
        Path events = write("events.csv", "account_id,type,date\n"
                + "a,merger,2026-01-01\n"
                + "zz,merger,2026-01-01\n"
                + "zz,merger,bad\n"
                + "yy,merger,2026-01-01\n"
                + ",merger,2026-01-01\n");
        RelatedFacts related = RelatedFacts.load(events, null);

        readJoined(accounts, related);

        assertThat(related.orphans()).singleElement().satisfies(o -> {
            assertThat(o.file()).isEqualTo("events.csv");
            assertThat(o.rows()).isEqualTo(3);
            assertThat(o.accounts()).isEqualTo(2);
            assertThat(o.firstAccountIds()).containsExactly("zz", "yy");
            assertThat(o.rowsWithoutAccount()).isEqualTo(1);
            assertThat(o.firstLinesWithoutAccount()).containsExactly(6L);
            assertThat(o.describe()).isEqualTo("events.csv: 3 rows for 2 account ids not in the accounts file (zz, yy); "
                    + "events.csv: 1 row has no account_id (line 6)");
        });
    }

    @Test
    void addsFileEventsAfterEmbeddedOnes() throws IOException {
        Path accounts = write("accounts.jsonl",
                "{\"id\":\"a\",\"events\":[{\"type\":\"merger\",\"date\":\"2025-01-01\"}]}\n");
        Path events = write("events.csv", "account_id,type,date\na,exec_hire,2026-01-01\n");

        List<AccountRecord> records = readJoined(accounts, RelatedFacts.load(events, null));

        assertThat(records.get(0).facts().events()).extracting(e -> e.getType()).containsExactly("merger", "exec_hire");
    }

    @Test
    void aBadHeaderOrUnparseableFileFailsTheLoad() throws IOException {
        assertThatThrownBy(() -> RelatedFacts.load(write("e.csv", "account_id,type,when\n"), null))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("'when' is not a known column")
                .hasMessageContaining("date");
        assertThatThrownBy(() -> RelatedFacts.load(null, write("c.csv", "account_id,email\n")))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("'email'");
        assertThatThrownBy(() -> RelatedFacts.load(write("q.csv", "account_id,\"type,date\na,x,2026-01-01\n"), null))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("line 1: the header cannot be read: column 12: a quoted cell starts here");
    }

    @Test
    void noneLeavesRecordsAlone() {
        AccountRecord r = AccountRecord.error(3, "x", "bad");
        assertThat(RelatedFacts.none().attach(r)).isSameAs(r);
        assertThat(RelatedFacts.none().orphans()).isEmpty();
    }
}

package io.icprules.io;

import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesAccountReaderTest {

    @TempDir
    Path dir;

    private List<AccountRecord> read(String content) throws IOException {
        Path f = dir.resolve("accounts.jsonl");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        try (AccountReader reader = AccountReader.open(f); Stream<AccountRecord> records = reader.records()) {
            return records.toList();
        }
    }

    @Test
    void readsAccountsWithEmbeddedEventsAndContacts() throws IOException {
        List<AccountRecord> records = read("""
                {"id":"acme","name":"Acme","domain":"acme.example","industry":"retail","employees":240,"annual_revenue":"38000000","country":"us","region":"NA","founded_year":2011,"funding_stage":"series_b","ownership":"private","technologies":["Square","HubSpot"],"attributes":{"locations":12,"share":0.85,"union":false,"since":"2024-01-05","tier":"gold","gone":null},"events":[{"type":"funding_round","date":"2026-09-22","details":{"round":"Series B","amount_usd":25000000}}],"contacts":[{"name":"Dana","title":"VP Ops","role":"economic_buyer","seniority":"vp","department":"operations"}]}

                {"id":42}
                """);

        assertThat(records).hasSize(2).noneMatch(AccountRecord::isError);
        assertThat(records).extracting(AccountRecord::line).containsExactly(1L, 3L);
        AccountFacts f = records.get(0).facts();
        Account a = f.account();
        assertThat(a.getEmployees()).isEqualTo(240);
        assertThat(a.getAnnualRevenue()).isEqualTo(38_000_000L);
        assertThat(a.getCountry()).isEqualTo("US");
        assertThat(a.getTechnologies()).containsExactly("HubSpot", "Square");
        assertThat(a.getAttributes()).containsEntry("locations", 12L).containsEntry("share", 0.85)
                .containsEntry("union", false).containsEntry("since", LocalDate.of(2024, 1, 5))
                .containsEntry("tier", "gold").doesNotContainKey("gone");
        assertThat(f.events()).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo("funding_round");
            assertThat(e.getDate()).isEqualTo(LocalDate.of(2026, 9, 22));
            assertThat(e.getDetails()).containsEntry("round", "Series B").containsEntry("amount_usd", "25000000");
            assertThat(e.getAccountId()).isEqualTo("acme");
        });
        assertThat(f.contacts()).singleElement().satisfies(c -> {
            assertThat(c.getRole()).isEqualTo("economic_buyer");
            assertThat(c.getAccountId()).isEqualTo("acme");
        });
        assertThat(records.get(1).accountId()).isEqualTo("42");
    }

    @Test
    void toleratesByteOrderMarkAndCrlf() throws IOException {
        List<AccountRecord> records = read("\uFEFF{\"id\":\"a\"}\r\n{\"id\":\"b\"}\r\n");

        assertThat(records).extracting(AccountRecord::accountId).containsExactly("a", "b");
    }

    @Test
    void everyBadLineBecomesAnErrorRecordNamingLineAccountKeyAndValue() throws IOException {
        List<AccountRecord> records = read(String.join("\n",
                "{\"id\":\"unknown\",\"employes\":10,\"colour\":\"red\"}",
                "{\"id\":\"number\",\"employees\":\"12a\"}",
                "{\"id\":\"decimal\",\"employees\":12.5}",
                "{\"id\":\"negative\",\"employees\":-3}",
                "{\"id\":\"country\",\"country\":\"Germany\"}",
                "{\"id\":\"event\",\"events\":[{\"type\":\"funding_round\",\"date\":\"2026-02-30\"},{\"type\":\"Bad Type\",\"date\":\"2026-01-01\"},{\"type\":\"merger\",\"date\":\"2026-01-01\",\"when\":1}]}",
                "{\"id\":\"contact\",\"contacts\":[{\"name\":\"x\",\"email\":\"x@y\"}]}",
                "{\"name\":\"no id\"}",
                "not json",
                "[1,2]",
                "{\"id\":\"dup\",\"name\":\"a\",\"name\":\"b\"}",
                "{\"id\":\"type\",\"name\":5,\"technologies\":\"Square\"}",
                "{\"id\":\"fine\"}"));

        assertThat(records).hasSize(13);
        assertThat(records).extracting(AccountRecord::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L,
                11L, 12L, 13L);
        assertThat(records.subList(0, 12)).allMatch(AccountRecord::isError);
        assertThat(records.get(12).isError()).isFalse();
        assertThat(records.get(0).accountId()).isEqualTo("unknown");
        assertThat(records.get(0).error()).contains("unknown keys 'employes', 'colour'").contains("accepted: id, name");
        assertThat(records.get(1).error()).isEqualTo("employees: '12a' is not a whole number");
        assertThat(records.get(2).error()).isEqualTo("employees: expected a whole number, was the number 12.5");
        assertThat(records.get(3).error()).contains("employees").contains("-3");
        assertThat(records.get(4).error()).startsWith("country:").contains("Germany");
        assertThat(records.get(5).error()).contains("events[0].date: '2026-02-30' is not a valid date")
                .contains("events[1].type:").contains("events[2]: unknown key 'when'");
        assertThat(records.get(6).error()).contains("contacts[0]: unknown key 'email'");
        assertThat(records.get(7).accountId()).isNull();
        assertThat(records.get(7).error()).startsWith("id: is required");
        assertThat(records.get(8).error()).startsWith("not valid JSON");
        assertThat(records.get(9).error()).contains("must be a JSON object");
        assertThat(records.get(10).error()).contains("not valid JSON").contains("name");
        assertThat(records.get(11).error()).contains("name: expected text, was the number 5")
                .contains("technologies: expected an array of text");
    }

    @Test
    void aLineThatIsNotUtf8BecomesAnErrorRecordAndReadingGoesOn() throws IOException {
        Path f = dir.resolve("latin1.jsonl");
        try (var out = Files.newOutputStream(f)) {
            out.write("{\"id\":\"a\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write("{\"id\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write("{\"id\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8)); // no final line break
        }

        List<AccountRecord> records;
        try (AccountReader reader = AccountReader.open(f); Stream<AccountRecord> s = reader.records()) {
            records = s.toList();
        }

        assertThat(records).hasSize(3);
        assertThat(records.get(0).accountId()).isEqualTo("a");
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).error()).isEqualTo("bytes that are not UTF-8 (0xE9 at byte 11); the file looks like "
                + "Windows-1252: pass --encoding windows-1252");
        assertThat(records.get(2).accountId()).isEqualTo("caf\u00e9");
    }

    @Test
    void manyChunksComeBackInFileOrderWithTheirLineNumbers() throws IOException {
        // Rows are decoded on several threads a chunk at a time: over many chunks, with blank, bad
        // and very long lines, every line keeps its place and its number.
        int lines = ParallelRecords.CHUNK * (ParallelRecords.IN_FLIGHT + 3) + 17;
        StringBuilder sb = new StringBuilder();
        String longName = "x".repeat(200_000); // longer than the read buffer
        for (int i = 1; i <= lines; i++) {
            if (i % 97 == 0) {
                sb.append("   \r\n"); // blank: skipped
            } else if (i % 89 == 0) {
                sb.append("{\"id\":\"a-").append(i).append("\",\"employees\":\"many\"}\n");
            } else if (i == 1000) {
                sb.append("{\"id\":\"a-").append(i).append("\",\"name\":\"").append(longName).append("\"}\n");
            } else {
                sb.append("{\"id\":\"a-").append(i).append("\",\"employees\":").append(i).append("}\r\n");
            }
        }
        List<AccountRecord> records = read(sb.toString());

        assertThat(records).hasSize(lines - lines / 97);
        long expectedLine = 0;
        for (AccountRecord r : records) {
            expectedLine++;
            if (expectedLine % 97 == 0) {
                expectedLine++;
            }
            assertThat(r.line()).isEqualTo(expectedLine);
            assertThat(r.accountId()).isEqualTo("a-" + expectedLine);
            if (expectedLine % 89 == 0) {
                assertThat(r.error()).contains("employees");
            } else if (expectedLine == 1000) {
                assertThat(r.error()).contains("name").contains(longName.length() + " characters long");
            } else {
                assertThat(r.facts().account().getEmployees()).isEqualTo((int) expectedLine);
            }
        }
    }
}

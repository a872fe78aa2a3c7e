package io.icprules.io;

import io.icprules.testing.TestFiles;
import io.icprules.fact.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvAccountReaderTest {

    private static final String HEADER =
            "id,name,domain,industry,employees,annual_revenue,country,region,founded_year,funding_stage,ownership,technologies";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return TestFiles.write(dir, name, content);
    }

    private static List<AccountRecord> read(Path file) throws IOException {
        try (AccountReader reader = AccountReader.open(file); Stream<AccountRecord> records = reader.records()) {
            return records.toList();
        }
    }

    @Test
    void readsEveryColumnOfAGoodRow() throws IOException {
        Path f = write("a.csv", HEADER + "\n"
                + "acme,Acme Retail,ACME.example,retail,240,38000000,us,NA,2011,series_b,private,Square; HubSpot;;\n"
                + "beta,,,,,,,,,,,\n");

        List<AccountRecord> records = read(f);

        assertThat(records).hasSize(2).noneMatch(AccountRecord::isError);
        Account a = records.get(0).facts().account();
        assertThat(records.get(0).line()).isEqualTo(2);
        assertThat(a.getId()).isEqualTo("acme");
        assertThat(a.getName()).isEqualTo("Acme Retail");
        assertThat(a.getDomain()).isEqualTo("acme.example");
        assertThat(a.getIndustry()).isEqualTo("retail");
        assertThat(a.getEmployees()).isEqualTo(240);
        assertThat(a.getAnnualRevenue()).isEqualTo(38_000_000L);
        assertThat(a.getCountry()).isEqualTo("US");
        assertThat(a.getRegion()).isEqualTo("NA");
        assertThat(a.getFoundedYear()).isEqualTo(2011);
        assertThat(a.getFundingStage()).isEqualTo("series_b");
        assertThat(a.getOwnership()).isEqualTo("private");
        assertThat(a.getTechnologies()).containsExactly("HubSpot", "Square");

        Account empty = records.get(1).facts().account();
        assertThat(records.get(1).line()).isEqualTo(3);
        assertThat(empty.getName()).isNull();
        assertThat(empty.getEmployees()).isNull();
        assertThat(empty.getTechnologies()).isEmpty();
    }

    @Test
    void onlyTheIdColumnIsRequiredAndColumnsMayComeInAnyOrder() throws IOException {
        Path f = write("a.csv", " Employees , ID \n12,x\n");

        List<AccountRecord> records = read(f);

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.facts().account().getId()).isEqualTo("x");
            assertThat(r.facts().account().getEmployees()).isEqualTo(12);
        });
    }

    @Test
    void typesAttributeColumns() throws IOException {
        Path f = write("a.csv", "id,attr.locations,attr.share,attr.unionized,attr.since,attr.zip,attr.tier,attr.empty\n"
                + "a,12,0.85,TRUE,2024-01-05,02134,gold,\n");

        Account a = read(f).get(0).facts().account();

        assertThat(a.getAttributes()).containsEntry("locations", 12L)
                .containsEntry("share", 0.85)
                .containsEntry("unionized", true)
                .containsEntry("since", LocalDate.of(2024, 1, 5))
                .containsEntry("zip", "02134")
                .containsEntry("tier", "gold")
                .doesNotContainKey("empty");
    }

    @Test
    void toleratesByteOrderMarkAndCrlf() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("id,employees\r\na,10\r\nb,20\r\n".getBytes(StandardCharsets.UTF_8));
        Path f = dir.resolve("bom.csv");
        Files.write(f, bytes.toByteArray());

        List<AccountRecord> records = read(f);

        assertThat(records).extracting(AccountRecord::accountId).containsExactly("a", "b");
        assertThat(records).extracting(AccountRecord::line).containsExactly(2L, 3L);
        assertThat(records.get(1).facts().account().getEmployees()).isEqualTo(20);
    }

    @Test
    void readsQuotedCellsWithCommasQuotesAndLineBreaksAndKeepsLineNumbers() throws IOException {
        Path f = write("q.csv", "id,name,employees\n"
                + "a,\"Smith, Jones & Co\",10\n"
                + "b,\"Two\nline \"\"name\"\"\",20\n"
                + "\n"
                + "c,plain,30\n");

        List<AccountRecord> records = read(f);

        assertThat(records).extracting(AccountRecord::accountId).containsExactly("a", "b", "c");
        assertThat(records).extracting(AccountRecord::line).containsExactly(2L, 3L, 6L);
        assertThat(records.get(0).facts().account().getName()).isEqualTo("Smith, Jones & Co");
        assertThat(records.get(1).facts().account().getName()).isEqualTo("Two\nline \"name\"");
    }

    @Test
    void everyBadRowBecomesAnErrorRecordNamingLineAccountColumnAndValue() throws IOException {
        Path f = write("bad.csv", "id,employees,country,annual_revenue,founded_year,attr.since\n"
                + "ok-1,10,US,100,2001,2024-01-01\n"
                + "bad-number,12a,US,,,\n"
                + "bad-negative,-5,US,,,\n"
                + "bad-country,10,USA,,,\n"
                + "bad-date,10,US,,,2024-02-30\n"
                + ",10,US,,,\n"
                + "bad-width,10,US,,,,extra\n"
                + "bad-two,x,Germany,,99,\n"
                + "ok-2,,,,,\n");

        List<AccountRecord> records = read(f);

        assertThat(records).hasSize(9);
        assertThat(records).extracting(AccountRecord::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(records).extracting(AccountRecord::accountId).containsExactly("ok-1", "bad-number", "bad-negative",
                "bad-country", "bad-date", null, "bad-width", "bad-two", "ok-2");
        assertThat(records.get(0).isError()).isFalse();
        assertThat(records.get(1).error()).isEqualTo("employees: '12a' is not a whole number");
        assertThat(records.get(2).error()).contains("employees").contains("-5");
        assertThat(records.get(3).error()).startsWith("country:").contains("'USA'");
        assertThat(records.get(4).error()).isEqualTo("attr.since: '2024-02-30' is not a valid date");
        assertThat(records.get(5).error()).startsWith("id: is required");
        assertThat(records.get(6).error()).contains("7 cells").contains("6 columns");
        assertThat(records.get(7).error()).contains("employees: 'x'").contains("country:").contains("'Germany'")
                .contains("founded_year").contains("99");
        assertThat(records.get(8).isError()).isFalse();
        assertThat(records.get(3).describe()).startsWith("line 5 (account bad-country): country:");
    }

    @Test
    void unknownColumnFailsTheWholeFileListingTheAcceptedColumns() throws IOException {
        Path f = write("u.csv", "id,employes,name,Colour\na,1,b,c\n");

        assertThatThrownBy(() -> AccountReader.open(f))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("'employes' is not a known column")
                .hasMessageContaining("'Colour' is not a known column")
                .hasMessageContaining("Accepted columns: id, name, domain, industry, employees, annual_revenue")
                .hasMessageContaining("attr.<name>");
    }

    @Test
    void headerProblemsFailTheWholeFile() throws IOException {
        assertThatThrownBy(() -> AccountReader.open(write("noid.csv", "name\nx\n")))
                .isInstanceOf(InputFileException.class).hasMessageContaining("required column id is missing");
        assertThatThrownBy(() -> AccountReader.open(write("dup.csv", "id,name,NAME\nx,y,z\n")))
                .isInstanceOf(InputFileException.class).hasMessageContaining("'name' appears more than once");
        assertThatThrownBy(() -> AccountReader.open(write("empty.csv", "")))
                .isInstanceOf(InputFileException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> AccountReader.open(write("attr.csv", "id,attr.bad name\nx,y\n")))
                .isInstanceOf(InputFileException.class).hasMessageContaining("attribute names");
        assertThatThrownBy(() -> AccountReader.open(dir.resolve("missing.csv")))
                .isInstanceOf(InputFileException.class).hasMessageContaining("no such file");
        assertThatThrownBy(() -> AccountReader.open(write("accounts.txt", "id\nx\n")))
                .isInstanceOf(InputFileException.class).hasMessageContaining(".csv, .jsonl or .ndjson");
    }

    @Test
    void anUnterminatedQuoteCostsItsRowOnly() throws IOException {
        Path f = write("broken.csv", "id,name\na,ok\nb,\"never closed\nc,\"read, as usual\"\n");

        List<AccountRecord> records = read(f);

        assertThat(records).hasSize(3);
        assertThat(records.get(0).accountId()).isEqualTo("a");
        assertThat(records.get(1).isError()).isTrue();
        assertThat(records.get(1).line()).isEqualTo(3);
        assertThat(records.get(1).accountId()).isEqualTo("b");
        assertThat(records.get(1).error()).startsWith("column 3: a quoted cell starts here and is never closed "
                + "('\"never closed')").endsWith("the rows after it are read");
        assertThat(records.get(2).line()).isEqualTo(4);
        assertThat(records.get(2).facts().account().getName()).isEqualTo("read, as usual");
    }

    @Test
    void recordsAreReadLazily() throws IOException {
        StringBuilder sb = new StringBuilder("id\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append("a").append(i).append('\n');
        }
        Path f = write("many.csv", sb.toString());
        try (CsvAccountReader reader = CsvAccountReader.open(f)) {
            assertThat(reader.columns()).containsExactly("id");
            assertThat(reader.records().limit(3).map(AccountRecord::accountId)).containsExactly("a0", "a1", "a2");
        }
    }

    @Test
    void accountIdsAreTheIdsOfTheRecords() throws IOException {
        Path f = write("ids.csv", "id,employees,attr.x\n"
                + "a,10,1\n"
                + "  b  ,12a,1\n"
                + ",10,1\n"
                + "   ,10,1\n"
                + "c,10\n"
                + "\"d\u0000\",10,1\n"
                + "x".repeat(5000) + ",10,1\n"
                + "\"e\nf\",10,1\n"
                + "g,-4,1,extra\n"
                + "h,10,\"unterminated\n"
                + "i,10,1\n");
        List<String> fromRecords = read(f).stream().map(AccountRecord::accountId).toList();

        List<String> ids;
        try (AccountReader reader = AccountReader.open(f); Stream<String> s = reader.accountIds()) {
            ids = s.toList();
        }

        assertThat(ids).isEqualTo(fromRecords).contains("a", "b", "e\nf", "g", null);
        try (AccountReader reader = AccountReader.open(f)) {
            reader.accountIds().close();
            assertThatThrownBy(reader::records).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void columnNamesAreExposed() {
        assertThat(Set.copyOf(AccountFields.NAMES)).contains("id", "technologies", "annual_revenue");
    }
}

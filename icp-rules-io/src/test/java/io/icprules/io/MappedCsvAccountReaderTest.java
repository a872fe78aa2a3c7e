package io.icprules.io;

import io.icprules.testing.TestFiles;
import io.icprules.fact.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading CRM-shaped CSV through a mapping: conversions, header checks and per-row errors. */
class MappedCsvAccountReaderTest {

    private static final String MAPPING = """
            date_format: MM/dd/yyyy
            columns:
              Record ID: id
              Company name: name
              Website URL: domain
              Industry: {field: industry, values: {RETAIL: retail, UNKNOWN: ""}}
              Number of Employees: employees
              Annual Revenue: annual_revenue
              Country/Region: country
              Year Founded: founded_year
              POS System: technologies
              Payroll: technologies
              Locations: attr.locations
              Hourly %: {field: attr.hourly_share, type: number}
              Unionized: {field: attr.unionized, type: boolean}
              Opened: {field: attr.opened, type: date}
              Postcode: {field: attr.postcode, type: text}
              Last Funding Date: {field: event.funding_round, details: {source: crm}}
            ignore: [Company owner]
            """;

    private static final String HEADER = "Record ID,Company name,Website URL,Industry,Number of Employees,Annual Revenue,"
            + "Country/Region,Year Founded,POS System,Payroll,Locations,Hourly %,Unionized,Opened,Postcode,"
            + "Last Funding Date,Company owner\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return TestFiles.write(dir, name, content);
    }

    private List<AccountRecord> read(String mapping, String csv) throws IOException {
        ColumnMapping m = ColumnMapping.load(write("m.yaml", mapping));
        try (AccountReader r = AccountReader.open(write("export.csv", csv), m); Stream<AccountRecord> s = r.records()) {
            return s.toList();
        }
    }

    @Test
    void convertsEveryKindOfValue() throws IOException {
        List<AccountRecord> records = read(MAPPING, "\uFEFF" + HEADER
                + "1001,Acme Retail,https://www.Acme.com/,RETAIL,\"1,200\",\"$4,500,000.00\",United States,1999,Toast,"
                + "ADP,14,85%,Yes,03/15/2020,02134,09/22/2026,Maya\n"
                + "1002,Beta,,UNKNOWN,51-200,4.5M,usa,,,,,,,,,,\n");

        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.isError()).as(r.describe()).isFalse());
        Account a = records.get(0).facts().account();
        assertThat(a.getId()).isEqualTo("1001");
        assertThat(a.getName()).isEqualTo("Acme Retail");
        assertThat(a.getDomain()).isEqualTo("acme.com");
        assertThat(a.getIndustry()).isEqualTo("retail");
        assertThat(a.getEmployees()).isEqualTo(1200);
        assertThat(a.getAnnualRevenue()).isEqualTo(4_500_000L);
        assertThat(a.getCountry()).isEqualTo("US");
        assertThat(a.getFoundedYear()).isEqualTo(1999);
        assertThat(a.getTechnologies()).containsExactly("ADP", "Toast");
        assertThat(a.getAttributes())
                .containsEntry("locations", 14L)
                .containsEntry("hourly_share", 0.85)
                .containsEntry("unionized", true)
                .containsEntry("opened", LocalDate.of(2020, 3, 15))
                .containsEntry("postcode", "02134");
        assertThat(records.get(0).facts().events()).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo("funding_round");
            assertThat(e.getDate()).isEqualTo(LocalDate.of(2026, 9, 22));
            assertThat(e.getDetails()).containsEntry("source", "crm");
        });
        Account b = records.get(1).facts().account();
        assertThat(b.getIndustry()).as("values: maps UNKNOWN to unknown").isNull();
        assertThat(b.getEmployees()).as("ranges: lower by default").isEqualTo(51);
        assertThat(b.getAnnualRevenue()).isEqualTo(4_500_000L);
        assertThat(b.getCountry()).isEqualTo("US");
        assertThat(b.getAttributes()).isEmpty();
        assertThat(records.get(1).facts().events()).isEmpty();
    }

    @Test
    void theMidpointRuleAppliesToEveryRange() throws IOException {
        List<AccountRecord> records = read("ranges: midpoint\ncolumns:\n  ID: id\n  Size: employees\n  Rev: annual_revenue\n",
                "ID,Size,Rev\na,\"1,001-5,000\",$1M-$2M\nb,\"10,001+\",5\n");

        assertThat(records.get(0).facts().account().getEmployees()).isEqualTo(3000);
        assertThat(records.get(0).facts().account().getAnnualRevenue()).isEqualTo(1_500_000L);
        assertThat(records.get(1).facts().account().getEmployees()).as("open range: its lower bound").isEqualTo(10001);
    }

    @Test
    void aBadValueMakesItsRowAnErrorNamingLineColumnValueAndExpectation() throws IOException {
        List<AccountRecord> records = read(MAPPING, HEADER
                + "1,Good,,RETAIL,100,,US,,,,,,,,,,\n"
                + "2,Bad,not a site,RETAIL,about fifty,lots,Atlantis,1999,,,x,high,maybe,31/12/2020,,2026-09-22,\n"
                + ",No id,,,,,,,,,,,,,,,\n"
                + "4,Short row\n"
                + "5,Good too,,,,,,,,,,,,,,,\n");

        assertThat(records).extracting(AccountRecord::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(records.get(0).isError()).isFalse();
        AccountRecord bad = records.get(1);
        assertThat(bad.isError()).isTrue();
        assertThat(bad.accountId()).isEqualTo("2");
        assertThat(bad.error()).isEqualTo(String.join("; ",
                "column 'Website URL' (domain): 'not a site' is not a website or domain such as acme.com",
                "column 'Number of Employees' (employees): 'about fifty' is not " + CrmValues.NUMBER_FORMS,
                "column 'Annual Revenue' (annual_revenue): 'lots' is not " + CrmValues.NUMBER_FORMS,
                "column 'Country/Region' (country): 'Atlantis' is not a country (expected an ISO code such as US or "
                        + "USA, or an English name such as United States; other spellings can be translated under "
                        + "values: in the mapping)",
                "column 'Hourly %' (attr.hourly_share): 'high' is not " + CrmValues.NUMBER_FORMS,
                "column 'Unionized' (attr.unionized): 'maybe' is not a yes/no answer (Yes, No, True, False, Y, N, 1 or 0)",
                "column 'Opened' (attr.opened): '31/12/2020' is not a valid date in the form MM/dd/yyyy",
                "column 'Last Funding Date' (event.funding_round): '2026-09-22' is not a valid date in the form MM/dd/yyyy"));
        assertThat(bad.describe()).startsWith("line 3 (account 2): column 'Website URL'");
        assertThat(records.get(2).error()).isEqualTo("column 'Record ID' (id): is required and must not be blank");
        assertThat(records.get(3).error()).startsWith("row has 2 cells but the header has 17 columns");
        assertThat(records.get(4).isError()).isFalse();
    }

    @Test
    void aHeaderThatDoesNotFitTheMappingStopsTheFileBeforeAnyRow() throws IOException {
        Path mapping = write("m.yaml", MAPPING);
        ColumnMapping m = ColumnMapping.load(mapping);

        Path unknownColumns = write("a.csv", HEADER.strip() + ",Lifecycle Stage,Create Date\n1,,,,,,,,,,,,,,,,,,\n");
        assertThatThrownBy(() -> AccountReader.open(unknownColumns, m))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("line 1: columns 'Lifecycle Stage', 'Create Date' are not in the mapping " + mapping
                        + " (map them, list them under ignore:, or set ignore_unmapped: true)");

        Path missing = write("b.csv", "record id,Company name\n1,x\n");
        assertThatThrownBy(() -> AccountReader.open(missing, m))
                .hasMessageContaining("mapped columns 'Website URL', 'Industry'")
                .hasMessageContaining("are missing (fix the header in the mapping, or mark the column optional: true)");

        Path twice = write("c.csv", HEADER.strip() + ",Industry\n");
        assertThatThrownBy(() -> AccountReader.open(twice, m)).hasMessageContaining("column 18 'Industry' appears more than once");

        Path jsonl = write("d.jsonl", "{}\n");
        assertThatThrownBy(() -> AccountReader.open(jsonl, m)).hasMessageContaining("a column mapping applies to CSV files");
    }

    @Test
    void unmappedColumnsCanBeIgnoredAndColumnsCanBeOptional() throws IOException {
        List<AccountRecord> records = read("""
                ignore_unmapped: true
                columns:
                  Account ID: id
                  Employees: employees
                  Maybe there: {field: attr.maybe, optional: true}
                """, "ACCOUNT ID , Owner,employees\n0015e01,Lee,\"1,200\"\n");

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.facts().accountId()).isEqualTo("0015e01");
            assertThat(r.facts().account().getEmployees()).isEqualTo(1200);
        });
    }
}

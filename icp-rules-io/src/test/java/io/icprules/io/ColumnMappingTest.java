package io.icprules.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading mapping files: what is accepted, and every mistake reported with its line. */
class ColumnMappingTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("mapping.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsColumnsAndSettings() throws IOException {
        ColumnMapping m = ColumnMapping.load(write("""
                ignore_unmapped: true
                list_separator: "|"
                date_format: dd.MM.yyyy
                ranges: midpoint
                columns:
                  Record ID: id
                  Employees: {field: employees, range: lower}
                  Tools: technologies
                  More tools: technologies
                  Unionized: {field: attr.unionized, type: boolean, optional: true}
                  Funding: {field: event.funding_round, details: {source: crm}}
                  Industry: {field: industry, values: {RETAIL: retail, Unknown: ~}}
                ignore: [Owner, Create Date]
                """));

        assertThat(m.ignoreUnmapped()).isTrue();
        assertThat(m.source()).isEqualTo(dir.resolve("mapping.yaml"));
        assertThat(m.targets()).containsExactly(Map.entry("Record ID", "id"), Map.entry("Employees", "employees"),
                Map.entry("Tools", "technologies"), Map.entry("More tools", "technologies"),
                Map.entry("Unionized", "attr.unionized"), Map.entry("Funding", "event.funding_round"),
                Map.entry("Industry", "industry"));
        assertThat(m.ignored()).containsExactly("owner", "create date");
        ColumnMapping.Column employees = m.columns().get(1);
        assertThat(employees.range()).isEqualTo(CrmValues.RangeRule.LOWER);
        assertThat(m.columns().get(0).range()).isEqualTo(CrmValues.RangeRule.MIDPOINT);
        assertThat(m.columns().get(2).separator()).isEqualTo("|");
        assertThat(m.columns().get(4).type()).isEqualTo(ColumnMapping.Type.BOOLEAN);
        assertThat(m.columns().get(4).optional()).isTrue();
        assertThat(m.columns().get(5).datePattern()).isEqualTo("dd.MM.yyyy");
        assertThat(m.columns().get(5).details()).containsEntry("source", "crm");
        assertThat(m.columns().get(6).values()).containsEntry("retail", "retail").containsEntry("unknown", "");
    }

    @Test
    void everyMistakeIsReportedWithItsLine() throws IOException {
        Path f = write("""
                ranges: average
                colums: {}
                columns:
                  Name: nme
                  Size: {field: employees, type: number}
                  Flag: {field: attr.flag, type: yesno}
                  Seen: {field: attr.seen, type: date, format: "yyyy-QQ-bogus-ppp"}
                  Bad attr: attr.has space
                  Twice A: region
                  Twice B: region
                  name: name
                  NAME: name
                  Owner: name2
                  Event: {field: event.x, type: number}
                  Extra: {field: attr.x, colour: red}
                  Det: {field: attr.d, details: {a: b}}
                ignore: [Owner]
                """);

        assertThatThrownBy(() -> ColumnMapping.load(f))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith(f + ": ")
                .hasMessageContaining("line 1: ranges: expected lower or midpoint, found 'average'")
                .hasMessageContaining("line 2: unknown key 'colums' (accepted: ignore_unmapped, list_separator, "
                        + "date_format, ranges, columns, ignore)")
                .hasMessageContaining("line 4: column 'Name': unknown field 'nme' (accepted: id, name, domain,")
                .hasMessageContaining("line 5: column 'Size': type: the type of employees is fixed; remove type:")
                .hasMessageContaining("line 6: column 'Flag': type: 'yesno' is not one of auto, text, number, boolean, date")
                .hasMessageContaining("line 7: column 'Seen': format: 'yyyy-QQ-bogus-ppp' is not a date pattern")
                .hasMessageContaining("line 8: column 'Bad attr': 'attr.has space': attribute names may use")
                .hasMessageContaining("line 10: columns 'Twice A' and 'Twice B' both map to region")
                .hasMessageContaining("line 12: column 'NAME' is mapped twice (headers match ignoring case)")
                .hasMessageContaining("line 13: column 'Owner': unknown field 'name2'")
                .hasMessageContaining("line 14: column 'Event': type: an event column holds the event's date")
                .hasMessageContaining("line 15: column 'Extra': unknown key 'colour'")
                .hasMessageContaining("line 16: column 'Det': details: only an event.TYPE column has details")
                .hasMessageContaining("line 1: no column is mapped to id");
    }

    @Test
    void wholeFileMistakes() throws IOException {
        assertThatThrownBy(() -> ColumnMapping.load(write("columns:\n  A: id\n  B: [x\n")))
                .hasMessageContaining("line 3: not valid YAML: while parsing a flow sequence");
        assertThatThrownBy(() -> ColumnMapping.load(write("- a\n"))).hasMessageContaining("line 1: a mapping file starts with");
        assertThatThrownBy(() -> ColumnMapping.load(write("ignore_unmapped: yes\n")))
                .hasMessageContaining("line 1: ignore_unmapped: expected true or false, found 'yes'")
                .hasMessageContaining("no 'columns:' section");
        assertThatThrownBy(() -> ColumnMapping.load(write("columns:\n  A: id\n  A: name\n")))
                .hasMessageContaining("line 3: not valid YAML: Duplicate field 'A'");
        assertThatThrownBy(() -> ColumnMapping.load(dir.resolve("none.yaml"))).isInstanceOf(InputFileException.class)
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> ColumnMapping.load(write("columns:\n  A: id\n  B: name\nignore: [B]\n")))
                .hasMessageContaining("line 3: column 'B' is both mapped and listed under ignore");
    }
}

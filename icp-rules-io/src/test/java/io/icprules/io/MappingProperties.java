package io.icprules.io;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CRM exports through a column mapping: any cell values give exactly one record per row (converted,
 * or an error record naming the column); any mapping text loads or fails with the reader's own
 * {@link InputFileException}. Run longer with {@code -Djqwik.tries.default=20000}.
 */
class MappingProperties {

    static final Path MAPPING = Path.of("../icp-rules-examples/data/crm/hubspot-mapping.yaml");

    static List<String> header() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("../icp-rules-examples/data/crm/hubspot-companies.csv"))) {
            return List.of(lines.findFirst().orElseThrow().split(","));
        }
    }

    @Provide
    Arbitrary<String> crmCells() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "Yes", "No", "maybe", "1,001-5,000", "10,001+", "51-200", "$4.5M", "12%", "1.200,50",
                        "United States", "USA", "Narnia", "09/22/2026", "2026-09-22", "13/45/2026", "https://x.example/a",
                        "Toast;Square", "RETAIL", "=1+1", "-", "∞", "1e400", "99999999999999999999"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(10));
    }

    @Property
    void everyExportRowYieldsOneRecord(@ForAll("rows") List<List<String>> rows) throws IOException {
        List<String> columns = header();
        Path file = Files.createTempFile("export", ".csv");
        try {
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            columns.forEach(schema::addColumn);
            List<Map<String, String>> maps = new ArrayList<>();
            for (List<String> row : rows) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    m.put(columns.get(i), i == 0 && row.get(i).isBlank() ? "id" + maps.size() : row.get(i));
                }
                maps.add(m);
            }
            new CsvMapper().writer(schema.build()).writeValue(file.toFile(), maps);
            ColumnMapping mapping = ColumnMapping.load(MAPPING);
            List<AccountRecord> records;
            try (AccountReader reader = AccountReader.open(file, mapping); Stream<AccountRecord> s = reader.records()) {
                records = s.toList();
            }
            assertThat(records).hasSize(rows.size());
            for (AccountRecord r : records) {
                if (r.isError()) {
                    assertThat(r.error()).isNotBlank();
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<List<List<String>>> rows() throws IOException {
        int n = header().size();
        return crmCells().list().ofSize(n).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> mappingTexts() {
        Arbitrary<String> line = Arbitraries.oneOf(Arbitraries.of("columns:", "  Record ID: id", "  Name: name",
                "  Employees: employees", "  Rev: {field: annual_revenue, range: midpoint}", "  X: attr.x",
                "  Y: event.funding_round", "ignore: [A, B]", "ignore_unmapped: true", "ranges: upper",
                "date_format: QQ/zz", "list_separator: ''", "  Z: nope", "  W: {field: attr.w, type: colour}", "- -",
                "{", "]", "\t", "columns: 5"), Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20));
        return line.list().ofMaxSize(10).map(l -> String.join("\n", l));
    }

    @Property
    void anyMappingTextLoadsOrIsRejectedWithItsProblems(@ForAll("mappingTexts") String text) throws IOException {
        Path file = Files.createTempFile("mapping", ".yaml");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            try {
                assertThat(ColumnMapping.load(file)).isNotNull();
            } catch (InputFileException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

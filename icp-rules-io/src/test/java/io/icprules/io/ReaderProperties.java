package io.icprules.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

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
 * Any content of an accounts file: every data row yields exactly one record, in order, with its
 * line; a bad row becomes an error record; no exception escapes but the reader's own file-level
 * ones. Run longer with {@code -Djqwik.tries.default=20000}.
 */
class ReaderProperties {

    static final List<String> COLUMNS = List.of("id", "name", "domain", "industry", "employees", "annual_revenue",
            "country", "region", "founded_year", "funding_stage", "ownership", "technologies", "attr.locations",
            "attr.since");

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "acc-1", "Retail", "120", "-5", "12a", "1e9", "99999999999999999999", "NaN",
                        "US", "USA", "us", "1899", "9999", "2026-02-30", "2026-01-01", "true", "Toast;Square", ";;",
                        "=HYPERLINK(\"x\")", "+1", "@SUM(A1)", "\uFEFF", "a,b", "\"quoted\"", "line\nbreak", "cr\rlf\r\n",
                        "\u0000", "ünïcödé", "\uD83D\uDE00", "0.5", "-0.0", "Infinity"),
                // any text a file can hold (lone surrogates cannot be written; invalid bytes are tested below)
                Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFD').ofMaxLength(12));
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        return cells().list().ofSize(COLUMNS.size()).list().ofMinSize(0).ofMaxSize(25);
    }

    @Property
    void everyCsvRowYieldsOneRecord(@ForAll("tables") List<List<String>> rows) throws IOException {
        Path file = Files.createTempFile("accounts", ".csv");
        try {
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            COLUMNS.forEach(schema::addColumn);
            List<Map<String, String>> maps = new ArrayList<>();
            for (List<String> row : rows) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    m.put(COLUMNS.get(i), row.get(i));
                }
                maps.add(m);
            }
            new CsvMapper().writer(schema.build()).writeValue(file.toFile(), maps);
            List<AccountRecord> records = read(file);
            // a row of empty cells is still a row (",,,"): it becomes an error record, never disappears
            assertThat(records).hasSize(rows.size());
            assertLinesIncrease(records);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<List<String>> jsonLines() {
        ObjectMapper json = new ObjectMapper();
        Arbitrary<Object> value = Arbitraries.oneOf(cells().map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(List.of("Toast"), Map.of("locations", 3), Map.of("type", "merger", "date", "2026-01-01"),
                        List.of(Map.of("type", "funding_round", "date", "2026-13-01")), true));
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of("id", "name", "employees", "country", "technologies",
                "attributes", "events", "contacts", "founded_year"), Arbitraries.strings().alpha().ofMaxLength(6));
        Arbitrary<String> object = Arbitraries.maps(key, value).ofMaxSize(6).map(m -> {
            try {
                return json.writeValueAsString(m);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Arbitrary<String> garbage = Arbitraries.of("{", "[]", "null", "42", "{\"id\":", "\"text\"", "{\"id\":\"a\"}}");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, object), net.jqwik.api.Tuple.of(2, garbage))
                .list().ofMaxSize(20);
    }

    @Property
    void everyJsonLineYieldsOneRecord(@ForAll("jsonLines") List<String> lines) throws IOException {
        Path file = Files.createTempFile("accounts", ".jsonl");
        try {
            Files.writeString(file, String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"), StandardCharsets.UTF_8);
            List<AccountRecord> records = read(file);
            assertThat(records).hasSize(lines.size());
            for (int i = 0; i < records.size(); i++) {
                assertThat(records.get(i).line()).isEqualTo(i + 1);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property
    void arbitraryBytesNeverEscapeAsAnUndocumentedException(@ForAll @Size(max = 400) byte[] bytes) throws IOException {
        for (String ext : new String[] {".csv", ".jsonl"}) {
            Path file = Files.createTempFile("accounts", ext);
            try {
                Files.write(file, bytes);
                try {
                    List<AccountRecord> records = read(file);
                    assertLinesIncrease(records);
                } catch (InputFileException e) {
                    assertThat(e.getMessage()).isNotBlank(); // a file-level problem, reported as such
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private static List<AccountRecord> read(Path file) throws IOException {
        try (AccountReader reader = AccountReader.open(file); Stream<AccountRecord> records = reader.records()) {
            return records.toList();
        }
    }

    private static void assertLinesIncrease(List<AccountRecord> records) {
        long last = 1;
        for (AccountRecord r : records) {
            assertThat(r.line()).isGreaterThan(last - 1);
            last = r.line() + 1;
            if (r.isError()) {
                assertThat(r.error()).isNotBlank();
            } else {
                assertThat(r.facts().accountId()).isEqualTo(r.accountId());
            }
        }
    }
}

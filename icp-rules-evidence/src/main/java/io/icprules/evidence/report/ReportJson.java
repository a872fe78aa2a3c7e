package io.icprules.evidence.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a report ({@link io.icprules.evidence.BacktestReport},
 * {@link io.icprules.evidence.ComparisonReport}, {@link io.icprules.evidence.AuditReport})
 * as indented JSON: every record component becomes a snake_case key, unknown figures are
 * {@code null}, amounts are exact decimals.
 */
public final class ReportJson {

    // Record components only: helper methods such as Rate.isKnown() are not data.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ReportJson() {
    }

    /**
     * Renders a report.
     *
     * @param report the report, never null
     * @return the JSON text
     */
    public static String toJson(Object report) {
        try {
            return MAPPER.writeValueAsString(report) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a report to a file, replacing it.
     *
     * @param report the report, never null
     * @param file   the file, never null
     * @throws IOException when it cannot be written
     */
    public static void write(Object report, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(toJson(report));
        }
    }

    /** @return the mapper the reports are written with, for reading them back in tests and tools */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }
}

package io.icprules.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesResultWriterTest {

    private static String write(ScoredRecord... records) throws IOException {
        StringWriter out = new StringWriter();
        try (ResultWriter w = ResultWriter.create(FileFormat.JSONL, out)) {
            for (ScoredRecord r : records) {
                w.write(r);
            }
        }
        return out.toString();
    }

    @Test
    void writesOneObjectPerLineWithTheDocumentedKeys() throws IOException {
        String jsonl = write(ScoredRecord.of(2, Results.fit()), ScoredRecord.error(3, "bad", "broken \"row\""),
                ScoredRecord.error(4, null, "id: is required"));

        String[] lines = jsonl.split("\n", -1);
        assertThat(lines).hasSize(4);
        assertThat(lines[3]).isEmpty(); // every record ends with a line break
        assertThat(lines[0]).isEqualTo("{\"line\":2,\"account_id\":\"acme\",\"decision\":\"FIT\",\"tier\":\"B\","
                + "\"score\":40.0,\"ruleset\":{\"name\":\"retail\",\"version\":\"3\",\"hash\":\"" + "ab".repeat(32) + "\"},"
                + "\"as_of\":\"2026-11-01\",\"ledger\":["
                + "{\"rule\":\"Core vertical\",\"kind\":\"soft\",\"points\":30.0,\"declared_points\":30.0,"
                + "\"reason\":\"Industry retail is a core vertical\",\"group\":\"vertical\",\"event_type\":null,\"event_date\":null},"
                + "{\"rule\":\"Recent funding\",\"kind\":\"trigger\",\"points\":13.3,\"declared_points\":20.0,"
                + "\"reason\":\"Funding round 40 days ago\",\"group\":null,\"event_type\":\"funding_round\",\"event_date\":\"2026-09-22\"},"
                + "{\"rule\":\"cap: tech\",\"kind\":\"adjustment\",\"points\":-3.3,\"declared_points\":-3.3,"
                + "\"reason\":\"group tech capped at 10\",\"group\":null,\"event_type\":null,\"event_date\":null},"
                + "{\"rule\":\"Mid-market headcount\",\"kind\":\"hard\",\"points\":0.0,\"declared_points\":0.0,"
                + "\"reason\":\"Headcount 240 within 100-500\",\"group\":null,\"event_type\":null,\"event_date\":null}],"
                + "\"unmet_hard_filters\":[],\"disqualifiers\":[],\"missing_fields\":[]}");
        assertThat(lines[1]).isEqualTo("{\"line\":3,\"account_id\":\"bad\",\"decision\":\"ERROR\",\"error\":\"broken \\\"row\\\"\"}");
        assertThat(lines[2]).isEqualTo("{\"line\":4,\"account_id\":null,\"decision\":\"ERROR\",\"error\":\"id: is required\"}");
    }

    @Test
    void writesNotesAndMissingFieldsAsParsableJson() throws IOException {
        JsonNode n = new ObjectMapper().readTree(write(ScoredRecord.of(9, Results.hostile())));

        assertThat(n.get("decision").asText()).isEqualTo("DISQUALIFIED");
        assertThat(n.get("score").decimalValue()).isEqualByComparingTo("5.0");
        assertThat(n.get("account_id").asText()).isEqualTo("=HYPERLINK(\"http://x\")"); // JSON is not a spreadsheet
        assertThat(n.get("disqualifiers").get(0).get("rule").asText()).isEqualTo("Uses competitor");
        assertThat(n.get("disqualifiers").get(0).get("reason").asText()).isEqualTo("@SUM(A1:A2)");
        assertThat(n.get("unmet_hard_filters").get(0).get("reason").asText()).isEqualTo("-2 employees");
        assertThat(n.get("missing_fields").get(0).asText()).isEqualTo("employees");
    }
}

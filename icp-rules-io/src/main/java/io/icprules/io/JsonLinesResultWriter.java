package io.icprules.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import io.icprules.result.RuleNote;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes results as JSON Lines, one object per record.
 *
 * <p>A scored record:
 * <pre>{@code
 * {"line":2,"account_id":"acme","decision":"FIT","tier":"B","score":63.3,
 *  "ruleset":{"name":"retail","version":"3","hash":"<sha-256>"},"as_of":"2026-11-01",
 *  "ledger":[{"rule":"Core vertical","kind":"soft","points":30.0,"declared_points":30.0,
 *             "reason":"...","group":null,"event_type":null,"event_date":null}],
 *  "unmet_hard_filters":[{"rule":"...","reason":"..."}],"disqualifiers":[],"missing_fields":[]}
 * }</pre>
 * (on one line). An error record: {@code {"line":7,"account_id":"acme","decision":"ERROR","error":"..."}},
 * with {@code account_id} null when the id could not be read. Scores and points are JSON numbers
 * written exactly as {@link FitResult#score()} prints them (one decimal place).
 */
public final class JsonLinesResultWriter implements ResultWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonGenerator out;

    /**
     * Starts writing.
     *
     * @param target where to write, never null; left open by {@link #close()}
     * @throws IOException when the target cannot be written
     */
    public JsonLinesResultWriter(Writer target) throws IOException {
        this.out = FACTORY.createGenerator(target);
        out.setRootValueSeparator(null); // each record ends with its own line break instead
    }

    @Override
    public void write(ScoredRecord record) throws IOException {
        out.writeStartObject();
        out.writeNumberField("line", record.line());
        out.writeStringField("account_id", record.accountId());
        out.writeStringField("decision", record.decision());
        FitResult r = record.result();
        if (r == null) {
            out.writeStringField("error", record.error());
        } else {
            writeResult(out, r);
        }
        out.writeEndObject();
        out.writeRaw('\n');
    }

    /**
     * Writes the fields of a result into the open object: tier, score, ruleset, as_of, ledger,
     * unmet_hard_filters, disqualifiers and missing_fields.
     *
     * @param out the generator, inside an object
     * @param r   the result, never null
     * @throws IOException when the target cannot be written
     */
    static void writeResult(JsonGenerator out, FitResult r) throws IOException {
        out.writeStringField("tier", r.tier());
        out.writeFieldName("score");
        out.writeNumber(r.score().toPlainString());
        out.writeObjectFieldStart("ruleset");
        out.writeStringField("name", r.ruleset().name());
        out.writeStringField("version", r.ruleset().version());
        out.writeStringField("hash", r.ruleset().contentHash());
        out.writeEndObject();
        out.writeStringField("as_of", r.asOf().toString());
        out.writeArrayFieldStart("ledger");
        for (LedgerLine l : r.ledger()) {
            out.writeStartObject();
            out.writeStringField("rule", l.rule());
            out.writeStringField("kind", l.kind().label());
            out.writeFieldName("points");
            out.writeNumber(l.points().toPlainString());
            out.writeFieldName("declared_points");
            out.writeNumber(l.declaredPoints().toPlainString());
            out.writeStringField("reason", l.reason());
            out.writeStringField("group", l.group().orElse(null));
            out.writeStringField("event_type", l.eventType().orElse(null));
            out.writeStringField("event_date", l.eventDate().map(Object::toString).orElse(null));
            out.writeEndObject();
        }
        out.writeEndArray();
        notes(out, "unmet_hard_filters", r.unmetHardFilters());
        notes(out, "disqualifiers", r.disqualifiers());
        out.writeArrayFieldStart("missing_fields");
        for (String f : r.missingFields()) {
            out.writeString(f);
        }
        out.writeEndArray();
    }

    private static void notes(JsonGenerator out, String field, List<RuleNote> notes) throws IOException {
        out.writeArrayFieldStart(field);
        for (RuleNote n : notes) {
            out.writeStartObject();
            out.writeStringField("rule", n.rule());
            out.writeStringField("reason", n.reason());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

package io.icprules.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes accounts scored against several profiles as JSON Lines, one object per record:
 *
 * <pre>{@code
 * {"line":2,"account_id":"acme","best_profile":"primary",
 *  "profiles":{"primary":{"decision":"FIT","tier":"B",...as in JsonLinesResultWriter...},
 *              "expansion":{"decision":"ERROR","error":"evaluation failed: ..."}}}
 * }</pre>
 * (on one line). Each profile's object has the fields of a {@link JsonLinesResultWriter} record
 * after {@code decision}. {@code best_profile} is null when no profile fits. A record that could not
 * be read: {@code {"line":7,"account_id":"acme","best_profile":null,"decision":"ERROR","error":"..."}}.
 */
public final class ProfilesJsonLinesResultWriter implements ProfilesResultWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final List<String> profiles;
    private final JsonGenerator out;

    /**
     * Starts writing.
     *
     * @param target   where to write, never null; left open by {@link #close()}
     * @param profiles the profile names, in output order
     * @throws IOException when the target cannot be written
     */
    public ProfilesJsonLinesResultWriter(Writer target, List<String> profiles) throws IOException {
        this.profiles = List.copyOf(profiles);
        this.out = FACTORY.createGenerator(target);
        out.setRootValueSeparator(null); // each record ends with its own line break instead
    }

    @Override
    public void write(ProfiledRecord record) throws IOException {
        out.writeStartObject();
        out.writeNumberField("line", record.line());
        out.writeStringField("account_id", record.accountId());
        out.writeStringField("best_profile", record.bestProfile());
        if (record.isError()) {
            out.writeStringField("decision", ScoredRecord.ERROR);
            out.writeStringField("error", record.error());
        } else {
            out.writeObjectFieldStart("profiles");
            Map<String, ScoredRecord> byProfile = record.profiles();
            for (String p : profiles) {
                ScoredRecord s = byProfile.get(p);
                out.writeObjectFieldStart(p);
                out.writeStringField("decision", s == null ? ScoredRecord.ERROR : s.decision());
                if (s != null && s.result() != null) {
                    JsonLinesResultWriter.writeResult(out, s.result());
                } else {
                    out.writeStringField("error", s == null ? "not evaluated" : s.error());
                }
                out.writeEndObject();
            }
            out.writeEndObject();
        }
        out.writeEndObject();
        out.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

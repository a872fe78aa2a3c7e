package io.icprules.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Writes accounts, with their events and contacts embedded, in the JSON Lines layout
 * {@link JsonLinesAccountReader} reads. Unknown fields and empty lists are left out.
 */
public final class AccountJsonLinesWriter implements Closeable {

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
    public AccountJsonLinesWriter(Writer target) throws IOException {
        this.out = FACTORY.createGenerator(target);
        out.setRootValueSeparator(null); // each record ends with its own line break instead
    }

    /**
     * Writes one account as one line.
     *
     * @param facts the account with its events and contacts, never null
     * @throws IOException when the target cannot be written
     */
    public void write(AccountFacts facts) throws IOException {
        Account a = facts.account();
        out.writeStartObject();
        for (AccountField field : AccountField.values()) {
            field(field, field.value(a));
        }
        if (!a.getAttributes().isEmpty()) {
            out.writeObjectFieldStart("attributes");
            for (Map.Entry<String, Object> e : a.getAttributes().entrySet()) {
                attribute(e.getKey(), e.getValue());
            }
            out.writeEndObject();
        }
        if (!facts.events().isEmpty()) {
            out.writeArrayFieldStart("events");
            for (Event e : facts.events()) {
                out.writeStartObject();
                out.writeStringField("type", e.getType());
                out.writeStringField("date", e.getDate().toString());
                if (!e.getDetails().isEmpty()) {
                    out.writeObjectFieldStart("details");
                    for (Map.Entry<String, String> d : e.getDetails().entrySet()) {
                        out.writeStringField(d.getKey(), d.getValue());
                    }
                    out.writeEndObject();
                }
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        if (!facts.contacts().isEmpty()) {
            out.writeArrayFieldStart("contacts");
            for (Contact c : facts.contacts()) {
                out.writeStartObject();
                text("name", c.getName());
                text("title", c.getTitle());
                text("role", c.getRole());
                text("seniority", c.getSeniority());
                text("department", c.getDepartment());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        out.writeRaw('\n');
    }

    private void text(String field, String value) throws IOException {
        if (value != null) {
            out.writeStringField(field, value);
        }
    }

    /** A fixed field as {@link AccountJson} reads it: text, a JSON integer or an array of text; unknown left out. */
    private void field(AccountField field, Object value) throws IOException {
        if (value == null) {
            return;
        }
        switch (field.kind()) {
            case TEXT -> out.writeStringField(field.key(), (String) value);
            case WHOLE_INT, WHOLE_LONG -> out.writeNumberField(field.key(), ((Number) value).longValue());
            case LIST -> {
                out.writeArrayFieldStart(field.key());
                for (Object t : (Collection<?>) value) {
                    out.writeString((String) t);
                }
                out.writeEndArray();
            }
        }
    }

    private void attribute(String name, Object value) throws IOException {
        out.writeFieldName(name);
        if (value instanceof Long l) {
            out.writeNumber(l);
        } else if (value instanceof Double d) {
            out.writeNumber(d);
        } else if (value instanceof BigDecimal b) {
            out.writeNumber(b.toPlainString());
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof LocalDate d) {
            out.writeString(d.toString());
        } else {
            out.writeString(String.valueOf(value));
        }
    }

    /**
     * Flushes everything written; the target stays open.
     *
     * @throws IOException when the target cannot be written
     */
    @Override
    public void close() throws IOException {
        out.close();
    }
}

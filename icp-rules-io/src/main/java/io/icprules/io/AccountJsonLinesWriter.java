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
        out.writeStringField("id", a.getId());
        text("name", a.getName());
        text("domain", a.getDomain());
        text("industry", a.getIndustry());
        number("employees", a.getEmployees());
        number("annual_revenue", a.getAnnualRevenue());
        text("country", a.getCountry());
        text("region", a.getRegion());
        number("founded_year", a.getFoundedYear());
        text("funding_stage", a.getFundingStage());
        text("ownership", a.getOwnership());
        if (!a.getTechnologies().isEmpty()) {
            out.writeArrayFieldStart("technologies");
            for (String t : a.getTechnologies()) {
                out.writeString(t);
            }
            out.writeEndArray();
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

    private void number(String field, Number value) throws IOException {
        if (value != null) {
            out.writeNumberField(field, value.longValue());
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

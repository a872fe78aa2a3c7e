package io.icprules.io;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes accounts in the CSV layout {@link CsvAccountReader} reads, and their events and contacts in
 * the layouts {@link RelatedFacts#load} reads, so that written files read back to equal facts.
 *
 * <p>Attribute columns are fixed when the writer is created; an account with an attribute outside
 * them is rejected rather than written without it. Text attributes that look like numbers,
 * booleans or dates are read back typed, as CSV cannot tell them apart.
 */
public final class AccountCsvWriter implements Closeable {

    /** The events header. */
    public static final List<String> EVENT_COLUMNS = EventFields.COLUMNS;
    /** The contacts header. */
    public static final List<String> CONTACT_COLUMNS = ContactFields.COLUMNS;

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Not STRICT_CHECK_FOR_QUOTING: that mode leaves a cell holding a bare CR unquoted, which
            // breaks the row. The default quotes some cells that would not need it, which is harmless.
            .build();

    private final List<String> attributes;
    private final SequenceWriter accounts;
    private final SequenceWriter events;
    private final SequenceWriter contacts;

    /**
     * Starts writing; the headers are written at once.
     *
     * @param accounts   where accounts go, never null
     * @param events     where events go, or null to leave them out
     * @param contacts   where contacts go, or null to leave them out
     * @param attributes the custom attribute names, one {@code attr.<name>} column each, never null
     * @throws IOException when a header cannot be written
     */
    public AccountCsvWriter(Writer accounts, Writer events, Writer contacts, List<String> attributes)
            throws IOException {
        this.attributes = List.copyOf(attributes);
        List<String> columns = new ArrayList<>(AccountFields.NAMES);
        this.attributes.forEach(a -> columns.add(AccountFields.ATTRIBUTE_PREFIX + a));
        this.accounts = open(accounts, columns);
        this.events = events == null ? null : open(events, EVENT_COLUMNS);
        this.contacts = contacts == null ? null : open(contacts, CONTACT_COLUMNS);
    }

    private static SequenceWriter open(Writer target, List<String> columns) throws IOException {
        CsvSchema schema = CsvSchema.builder().addColumns(columns, CsvSchema.ColumnType.STRING).build().withHeader();
        return MAPPER.writer(schema).writeValues(target);
    }

    /**
     * Writes one account with its events and contacts.
     *
     * @param facts the account, never null
     * @throws IOException              when a target cannot be written
     * @throws IllegalArgumentException when the account has an attribute without a column, or has
     *                                  events or contacts but no target was given for them
     */
    public void write(AccountFacts facts) throws IOException {
        Account a = facts.account();
        Set<String> extra = new TreeSet<>(a.getAttributes().keySet());
        extra.removeAll(attributes);
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException("account " + a.getId() + " has attributes without a column: " + extra);
        }
        List<String> row = new ArrayList<>();
        for (AccountField field : AccountField.values()) {
            row.add(text(field.value(a)));
        }
        for (String name : attributes) {
            row.add(text(a.getAttributes().get(name)));
        }
        accounts.write(cells(row));
        if (!facts.events().isEmpty()) {
            require(events, "events", a);
            for (Event e : facts.events()) {
                events.write(cells(Arrays.asList(a.getId(), e.getType(), e.getDate().toString(),
                        TextValues.joinPairs(e.getDetails()))));
            }
        }
        if (!facts.contacts().isEmpty()) {
            require(contacts, "contacts", a);
            for (Contact c : facts.contacts()) {
                contacts.write(cells(Arrays.asList(a.getId(), c.getName(), c.getTitle(), c.getRole(),
                        c.getSeniority(), c.getDepartment())));
            }
        }
    }

    /** Unknown values become empty cells: Jackson skips nulls in a row, which would shift the later cells left. */
    private static List<String> cells(List<String> values) {
        return values.stream().map(v -> v == null ? "" : v).toList();
    }

    private static void require(SequenceWriter target, String what, Account a) {
        if (target == null) {
            throw new IllegalArgumentException("account " + a.getId() + " has " + what + " but no " + what
                    + " file is being written");
        }
    }

    /**
     * Decimals in plain notation with a decimal point ({@code 1200000.0}, never {@code 1.2E6}), so
     * that the reader types them back as decimals rather than text or whole numbers; technologies
     * separated as the reader splits them.
     */
    @SuppressWarnings("unchecked")
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            return TextValues.decimalText(d);
        }
        if (value instanceof BigDecimal b) {
            return TextValues.decimalText(b);
        }
        if (value instanceof Collection<?> list) {
            return TextValues.joinList((Collection<String>) list);
        }
        return value.toString();
    }

    /**
     * Flushes every file; the targets stay open.
     *
     * @throws IOException when a target cannot be written
     */
    @Override
    public void close() throws IOException {
        accounts.close();
        if (events != null) {
            events.close();
        }
        if (contacts != null) {
            contacts.close();
        }
    }
}

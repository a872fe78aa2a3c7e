package io.icprules.spark.internal;

import io.icprules.error.InvalidFactException;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;
import io.icprules.io.AccountFields;
import io.icprules.io.AccountRecord;
import io.icprules.io.ColumnMapping;
import io.icprules.io.ContactFields;
import io.icprules.io.EventFields;
import io.icprules.io.InputFileException;
import io.icprules.io.MappedHeader;
import io.icprules.io.TextValues;
import io.icprules.spark.SparkInputs;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one account row, with its events and contacts, into an {@link AccountRecord} on the workers,
 * with the field rules of the file readers (or of a column mapping): a bad value, a row that does
 * not match its header, or a bad event or contact row makes the account an error record that says
 * what and where (file name, account id, column and value). Spark rows have no line numbers:
 * records carry line 0.
 *
 * <p>The account row is the accounts Dataset's row as it is; where each field sits was resolved on
 * the driver ({@link InputColumns}). Events and contacts come either from nested array columns of
 * the account row or, from separate Datasets, as structs laid out as {@link #EVENT_FIELDS} and
 * {@link #CONTACT_FIELDS} followed by the file name and the raw text of a misaligned CSV row.
 */
public final class AccountDecoder implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Cells of an event struct from a separate Dataset, before its file name and raw text. */
    public static final List<String> EVENT_FIELDS = List.of("type", "date", "details");
    /** Cells of a contact struct from a separate Dataset, before its file name and raw text. */
    public static final List<String> CONTACT_FIELDS = List.of("name", "title", "role", "seniority", "department");

    private static final int[] SEPARATE_EVENT = {0, 1, 2};
    private static final int[] SEPARATE_CONTACT = {0, 1, 2, 3, 4};

    /** Plain layout: field names and their positions; null with a mapping. */
    private final String[] fields;
    private final int[] fieldAt;
    private final int idAt;
    /** Mapping layout: the mapping's text, its file name, and the positions of the header's columns. */
    private final String mappingText;
    private final String mappingFile;
    private final String[] header;
    private final int[] headerAt;
    private final int fileAt;
    private final int corruptAt;
    private final int eventsAt;
    private final int[] nestedEvent;
    private final int contactsAt;
    private final int[] nestedContact;

    private transient MappedHeader mapped;
    /** The last related file name and its message prefix: a partition's rows nearly all share a few files. */
    private transient String lastFile;
    private transient String lastPrefix;

    private AccountDecoder(String[] fields, int[] fieldAt, String mappingText, String mappingFile, String[] header,
                           int[] headerAt, int fileAt, int corruptAt, int eventsAt, int[] nestedEvent, int contactsAt,
                           int[] nestedContact) {
        this.fields = fields;
        this.fieldAt = fieldAt;
        this.idAt = fields == null ? -1 : List.of(fields).indexOf("id");
        this.mappingText = mappingText;
        this.mappingFile = mappingFile;
        this.header = header;
        this.headerAt = headerAt;
        this.fileAt = fileAt;
        this.corruptAt = corruptAt;
        this.eventsAt = eventsAt;
        this.nestedEvent = nestedEvent;
        this.contactsAt = contactsAt;
        this.nestedContact = nestedContact;
    }

    /**
     * A decoder of rows whose columns follow the {@code icp score} layout.
     *
     * @param schema  the accounts Dataset's schema
     * @param columns its columns, resolved
     * @return the decoder
     */
    public static AccountDecoder plain(StructType schema, InputColumns columns) {
        List<String> f = columns.fields();
        int[] at = f.stream().mapToInt(columns::position).toArray();
        return new AccountDecoder(f.toArray(String[]::new), at, null, null, null, null,
                position(schema, SparkInputs.SOURCE_FILE),
                position(schema, SparkInputs.CORRUPT_RECORD),
                -1, null, -1, null).withNested(schema);
    }

    /**
     * A decoder of rows whose columns a column mapping translates.
     *
     * @param schema      the accounts Dataset's schema
     * @param mappingText the mapping's YAML text, as read on the driver
     * @param mappingFile the mapping's file name, for messages
     * @param header      the columns the mapping reads ({@link InputColumns#header})
     * @return the decoder
     */
    public static AccountDecoder mapped(StructType schema, String mappingText,
                                        String mappingFile, List<String> header) {
        int[] at = header.stream().mapToInt(h -> position(schema, h)).toArray();
        return new AccountDecoder(null, null, mappingText, mappingFile, header.toArray(String[]::new), at,
                position(schema, SparkInputs.SOURCE_FILE),
                position(schema, SparkInputs.CORRUPT_RECORD),
                -1, null, -1, null).withNested(schema);
    }

    private AccountDecoder withNested(StructType schema) {
        int e = InputColumns.nested(schema, InputColumns.NESTED_EVENTS);
        int c = InputColumns.nested(schema, InputColumns.NESTED_CONTACTS);
        int[] ev = null;
        int[] co = null;
        if (e >= 0) {
            InputColumns cols = InputColumns.nestedEvents(element(schema, e));
            ev = EVENT_FIELDS.stream().mapToInt(cols::position).toArray();
        }
        if (c >= 0) {
            InputColumns cols = InputColumns.nestedContacts(element(schema, c));
            co = CONTACT_FIELDS.stream().mapToInt(cols::position).toArray();
        }
        return new AccountDecoder(fields, fieldAt, mappingText, mappingFile, header, headerAt, fileAt, corruptAt,
                e, ev, c, co);
    }

    private static StructType element(StructType schema, int i) {
        return (StructType)
                ((ArrayType) schema.fields()[i].dataType()).elementType();
    }

    private static int position(StructType schema, String name) {
        String[] names = schema.fieldNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** @return whether the account rows carry their events or contacts in nested arrays */
    public boolean hasNested() {
        return eventsAt >= 0 || contactsAt >= 0;
    }

    /**
     * @param row      an account row of the accounts Dataset
     * @param events   its events from a separate Dataset, in file order, or null
     * @param contacts its contacts from a separate Dataset, in file order, or null
     * @return the record, or an error record saying why
     */
    public AccountRecord toRecord(Row row, List<Row> events, List<Row> contacts) {
        String file = fileAt < 0 || row.isNullAt(fileAt) ? null : row.getString(fileAt);
        String where = file == null ? "" : file + ": ";
        String corrupt = corruptAt < 0 || row.isNullAt(corruptAt) ? null : row.getString(corruptAt);

        Account account;
        List<Event> mappedEvents = List.of();
        String id;
        List<String> problems = new ArrayList<>();
        if (fields == null) {
            List<String> cells = new ArrayList<>(headerAt.length);
            for (int at : headerAt) {
                cells.add(at < 0 ? null : SparkValues.text(row, at));
            }
            AccountRecord r = mapping().toRecord(0, cells, corrupt == null ? null : misaligned(corrupt));
            if (r.isError()) {
                return AccountRecord.error(0, r.accountId(), where + r.error());
            }
            account = r.facts().account();
            mappedEvents = r.facts().events();
            id = account.getId();
        } else {
            id = TextValues.blankToNull(SparkValues.text(row, fieldAt[idAt]));
            if (id == null) {
                return AccountRecord.error(0, null, where + "id: is required and must not be blank"
                        + (corrupt == null ? "" : "; " + misaligned(corrupt)));
            }
            Account.Builder builder;
            try {
                builder = Account.builder(id);
            } catch (InvalidFactException e) {
                return AccountRecord.error(0, null, where + e.getMessage());
            }
            if (corrupt != null) {
                // The cells do not line up with the header, so no value after the id can be trusted.
                problems.add(where + misaligned(corrupt));
            } else {
                for (int i = 0; i < fields.length; i++) {
                    if (i == idAt) {
                        continue;
                    }
                    try {
                        AccountFields.set(builder, fields[i], SparkValues.text(row, fieldAt[i]));
                    } catch (InvalidFactException e) {
                        problems.add((problems.isEmpty() ? where : "") + e.getMessage());
                    }
                }
            }
            account = problems.isEmpty() ? builder.build() : null;
        }

        List<Event> eventFacts = new ArrayList<>(mappedEvents);
        List<Contact> contactFacts = new ArrayList<>();
        String nestedWhere = where.isEmpty() ? "accounts: " : where;
        if (eventsAt >= 0 && !row.isNullAt(eventsAt)) {
            for (Row e : row.<Row>getList(eventsAt)) {
                if (e != null) {
                    addEvent(id, e, nestedEvent, nestedWhere + "events: ", eventFacts, problems);
                }
            }
        }
        if (events != null) {
            for (Row e : events) {
                String bad = misalignedRow(e, EVENT_FIELDS.size());
                String at = prefix(e, EVENT_FIELDS.size(), "events");
                if (bad != null) {
                    problems.add(at + bad);
                } else {
                    addEvent(id, e, SEPARATE_EVENT, at, eventFacts, problems);
                }
            }
        }
        if (contactsAt >= 0 && !row.isNullAt(contactsAt)) {
            for (Row c : row.<Row>getList(contactsAt)) {
                if (c != null) {
                    addContact(id, c, nestedContact, nestedWhere + "contacts: ", contactFacts, problems);
                }
            }
        }
        if (contacts != null) {
            for (Row c : contacts) {
                String bad = misalignedRow(c, CONTACT_FIELDS.size());
                String at = prefix(c, CONTACT_FIELDS.size(), "contacts");
                if (bad != null) {
                    problems.add(at + bad);
                } else {
                    addContact(id, c, SEPARATE_CONTACT, at, contactFacts, problems);
                }
            }
        }
        if (!problems.isEmpty()) {
            return AccountRecord.error(0, id, String.join("; ", problems));
        }
        return AccountRecord.ok(0, AccountFacts.of(account, eventFacts, contactFacts));
    }

    private static void addEvent(String id, Row e, int[] at, String where, List<Event> out, List<String> problems) {
        try {
            out.add(EventFields.event(id, cell(e, at[0]), cell(e, at[1]), cell(e, at[2])));
        } catch (InvalidFactException x) {
            problems.add(where + x.getMessage());
        }
    }

    private static void addContact(String id, Row c, int[] at, String where, List<Contact> out, List<String> problems) {
        try {
            out.add(ContactFields.contact(id, cell(c, at[0]), cell(c, at[1]), cell(c, at[2]), cell(c, at[3]),
                    cell(c, at[4])));
        } catch (InvalidFactException x) {
            problems.add(where + x.getMessage());
        }
    }

    private static String cell(Row r, int at) {
        return at < 0 ? null : SparkValues.text(r, at);
    }

    private MappedHeader mapping() {
        if (mapped == null) {
            try {
                mapped = MappedHeader.of(ColumnMapping.parse(mappingText, Path.of(mappingFile)), List.of(header));
            } catch (InputFileException e) {
                throw new IllegalStateException(e.getMessage(), e); // checked on the driver already
            }
        }
        return mapped;
    }

    /** @return why an event or contact row does not match its file's header, or null when it does */
    private static String misalignedRow(Row r, int cells) {
        int rawAt = cells + 1;
        return r.isNullAt(rawAt) ? null : misaligned(r.getString(rawAt));
    }

    private String prefix(Row r, int cells, String fallback) {
        String file = r.isNullAt(cells) ? fallback : r.getString(cells);
        if (!file.equals(lastFile)) {
            lastFile = file;
            lastPrefix = file + ": ";
        }
        return lastPrefix;
    }

    private static String misaligned(String raw) {
        return "the row does not match the header (a cell too many or too few: check for an unquoted comma or a "
                + "missing value): '" + TextValues.preview(raw.strip()) + "'";
    }
}

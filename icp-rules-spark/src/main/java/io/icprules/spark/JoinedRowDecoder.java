package io.icprules.spark;

import io.icprules.error.InvalidFactException;
import io.icprules.io.AccountFields;
import io.icprules.io.AccountRecord;
import io.icprules.io.ContactFields;
import io.icprules.io.EventFields;
import io.icprules.io.TextValues;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one joined row (an account with its events and contacts) into an {@link AccountRecord}, on
 * the workers, with the field rules of the file readers: a bad value, a row that does not match its
 * header, or a bad event or contact row makes the account an error record that says what and where
 * (file name, account id, column and value). Spark rows have no line numbers: records carry line 0.
 *
 * <p>The row's layout is fixed by {@link SparkScorer}: {@value #ACCOUNT} the account's cells in the
 * order of {@code fields}, {@value #FILE} its file name, {@value #CORRUPT} the raw text of a
 * misaligned CSV row, {@value #EVENTS} and {@value #CONTACTS} arrays of structs that start with an
 * ordinal and end with the file name and raw text.
 */
final class JoinedRowDecoder implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int ACCOUNT = 0;
    static final int FILE = 1;
    static final int CORRUPT = 2;
    static final int EVENTS = 3;
    static final int CONTACTS = 4;

    /** Cells of an event struct after its ordinal: type, date, details, file, raw text. */
    static final List<String> EVENT_FIELDS = List.of("type", "date", "details");
    /** Cells of a contact struct after its ordinal: name ... department, file, raw text. */
    static final List<String> CONTACT_FIELDS = List.of("name", "title", "role", "seniority", "department");

    private final String[] fields;
    private final int idAt;

    /** @param fields the account fields in the order of the account struct, {@code id} among them */
    JoinedRowDecoder(List<String> fields) {
        this.fields = fields.toArray(String[]::new);
        this.idAt = fields.indexOf("id");
        if (idAt < 0) {
            throw new IllegalArgumentException("the account fields must include id: " + fields);
        }
    }

    AccountRecord toRecord(Row row) {
        Row cells = row.getStruct(ACCOUNT);
        String file = row.isNullAt(FILE) ? null : row.getString(FILE);
        String where = file == null ? "" : file + ": ";
        String corrupt = row.isNullAt(CORRUPT) ? null : row.getString(CORRUPT);
        String id = TextValues.blankToNull(SparkValues.text(cells, idAt));
        if (id == null) {
            return AccountRecord.error(0, null, where + "id: is required and must not be blank"
                    + (corrupt == null ? "" : "; " + misaligned(corrupt)));
        }
        Account.Builder account;
        try {
            account = Account.builder(id);
        } catch (InvalidFactException e) {
            return AccountRecord.error(0, null, where + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        if (corrupt != null) {
            // The cells do not line up with the header, so no value after the id can be trusted.
            problems.add(where + misaligned(corrupt));
        } else {
            for (int i = 0; i < fields.length; i++) {
                if (i == idAt) {
                    continue;
                }
                try {
                    AccountFields.set(account, fields[i], SparkValues.text(cells, i));
                } catch (InvalidFactException e) {
                    problems.add((problems.isEmpty() ? where : "") + e.getMessage());
                }
            }
        }
        List<Event> events = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<String> related = new ArrayList<>();
        if (!row.isNullAt(EVENTS)) {
            for (Row e : row.<Row>getList(EVENTS)) {
                String bad = misalignedRow(e, EVENT_FIELDS.size());
                if (bad != null) {
                    related.add(fileOf(e, EVENT_FIELDS.size(), "events") + bad);
                    continue;
                }
                try {
                    events.add(EventFields.event(id, SparkValues.text(e, 1), SparkValues.text(e, 2),
                            SparkValues.text(e, 3)));
                } catch (InvalidFactException x) {
                    related.add(fileOf(e, EVENT_FIELDS.size(), "events") + x.getMessage());
                }
            }
        }
        if (!row.isNullAt(CONTACTS)) {
            for (Row c : row.<Row>getList(CONTACTS)) {
                String bad = misalignedRow(c, CONTACT_FIELDS.size());
                if (bad != null) {
                    related.add(fileOf(c, CONTACT_FIELDS.size(), "contacts") + bad);
                    continue;
                }
                try {
                    contacts.add(ContactFields.contact(id, SparkValues.text(c, 1), SparkValues.text(c, 2),
                            SparkValues.text(c, 3), SparkValues.text(c, 4), SparkValues.text(c, 5)));
                } catch (InvalidFactException x) {
                    related.add(fileOf(c, CONTACT_FIELDS.size(), "contacts") + x.getMessage());
                }
            }
        }
        problems.addAll(related);
        if (!problems.isEmpty()) {
            return AccountRecord.error(0, id, String.join("; ", problems));
        }
        return AccountRecord.ok(0, AccountFacts.of(account.build(), events, contacts));
    }

    /** @return why an event or contact row does not match its file's header, or null when it does */
    private static String misalignedRow(Row r, int cells) {
        int rawAt = cells + 2;
        return r.isNullAt(rawAt) ? null : misaligned(r.getString(rawAt));
    }

    private static String fileOf(Row r, int cells, String fallback) {
        int fileAt = cells + 1;
        return (r.isNullAt(fileAt) ? fallback : r.getString(fileAt)) + ": ";
    }

    private static String misaligned(String raw) {
        return "the row does not match the header (a cell too many or too few: check for an unquoted comma or a "
                + "missing value): '" + TextValues.preview(raw.strip()) + "'";
    }
}

package io.icprules.io;

import io.icprules.error.InvalidFactException;
import io.icprules.fact.Contact;

import java.util.List;

/**
 * The columns of a contacts file and how one row's text becomes a {@link Contact}; shared by the CSV
 * reader and the Spark job, so that both read a row the same way.
 */
public final class ContactFields {

    /** The columns, in the order the layout documents them. */
    public static final List<String> COLUMNS = List.of("account_id", "name", "title", "role", "seniority",
            "department");

    private ContactFields() {
    }

    /**
     * Builds a contact from the text of its cells; blank text is unknown.
     *
     * @param accountId  the account's id, never null
     * @param name       the person's name, may be null
     * @param title      the job title, may be null
     * @param role       the buying-committee role, may be null
     * @param seniority  the seniority, may be null
     * @param department the department, may be null
     * @return the contact
     * @throws InvalidFactException naming the field when a value is refused
     */
    public static Contact contact(String accountId, String name, String title, String role, String seniority,
                                  String department) {
        return Contact.builder()
                .accountId(accountId)
                .name(name)
                .title(title)
                .role(role)
                .seniority(seniority)
                .department(department)
                .build();
    }
}

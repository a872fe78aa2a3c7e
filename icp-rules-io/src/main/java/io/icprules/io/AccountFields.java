package io.icprules.io;

import io.icprules.error.InvalidFactException;
import io.icprules.fact.Account;
import io.icprules.io.AccountJson;
import io.icprules.io.TextValues;

import java.util.List;
import java.util.Set;

/**
 * The account fields as files name them ({@code snake_case}), shared by the CSV and JSON Lines
 * layouts, and how a field's text is set on an {@link Account.Builder}.
 */
public final class AccountFields {

    /** The fixed fields, in the order the CSV layout documents them. Only {@code id} is required. */
    public static final List<String> NAMES = AccountJson.FIELDS;

    /** Prefix of a CSV column holding a custom attribute: {@code attr.pos_category}. */
    public static final String ATTRIBUTE_PREFIX = "attr.";

    /** Fields a number is expected in; JSON Lines accepts a JSON integer or digits in a string. */
    public static final Set<String> WHOLE_NUMBER_FIELDS = Set.of("employees", "annual_revenue", "founded_year");

    private AccountFields() {
    }

    /**
     * Sets one field from its text. Blank text leaves the field unknown.
     *
     * @param account the builder to set the field on, never null
     * @param field   one of {@link #NAMES} except {@code id}, or {@code attr.NAME}
     * @param text    the value as written in the file, may be null
     * @throws InvalidFactException naming {@code field} when the value is malformed or out of range
     *                              (for example {@code employees: '12a' is not a whole number})
     */
    public static void set(Account.Builder account, String field, String text) {
        try {
            switch (field) {
                case "name" -> account.name(text);
                case "domain" -> account.domain(text);
                case "industry" -> account.industry(text);
                case "employees" -> account.employees(CellValues.wholeInt(field, text));
                case "annual_revenue" -> account.annualRevenue(CellValues.wholeLong(field, text));
                case "country" -> account.country(text);
                case "region" -> account.region(text);
                case "founded_year" -> account.foundedYear(CellValues.wholeInt(field, text));
                case "funding_stage" -> account.fundingStage(text);
                case "ownership" -> account.ownership(text);
                case "technologies" -> account.technologies(CellValues.list(text));
                default -> {
                    if (!field.startsWith(ATTRIBUTE_PREFIX)) {
                        throw new IllegalArgumentException("not an account field: " + field);
                    }
                    String name = field.substring(ATTRIBUTE_PREFIX.length());
                    account.attribute(name, CellValues.attribute(field, text));
                }
            }
        } catch (InvalidFactException e) {
            throw renamed(field, e);
        }
    }

    /**
     * Re-labels a validation failure with the field's name as the file spells it, so that a message
     * says {@code annual_revenue}, not the Java property {@code annualRevenue}.
     *
     * @param field the name used in the file, never null
     * @param e     the failure, never null
     * @return an exception naming {@code field}
     */
    static InvalidFactException renamed(String field, InvalidFactException e) {
        return TextValues.relabel(field, e);
    }

    /** @return the accepted CSV columns, for messages: the fixed names and {@code attr.<name>} */
    public static String describeColumns() {
        return String.join(", ", NAMES) + ", " + ATTRIBUTE_PREFIX + "<name>";
    }
}

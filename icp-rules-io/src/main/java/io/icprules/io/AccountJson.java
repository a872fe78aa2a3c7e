package io.icprules.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.icprules.error.InvalidFactException;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads one account written as a JSON object (a line of a JSON Lines file, or the {@code account}
 * of a fit test case in YAML) into {@link AccountFacts}, collecting every problem instead of stopping
 * at the first.
 *
 * <p>Keys ({@code null} or absent means unknown): {@code id} (required; text or integer),
 * {@code name}, {@code domain}, {@code industry}, {@code country}, {@code region},
 * {@code funding_stage}, {@code ownership} (text); {@code employees}, {@code annual_revenue},
 * {@code founded_year} (an integer, or digits in a string); {@code technologies} (array of text);
 * {@code attributes} (object whose values are text, numbers, booleans or null; text in
 * {@code yyyy-MM-dd} form becomes a date, other text stays text, integers become {@link Long},
 * other numbers {@link Double}); {@code events} (array of {@code {"type", "date", "details": {}}})
 * and {@code contacts} (array of {@code {"name", "title", "role", "seniority", "department"}}).
 * Unknown keys and values of the wrong type are problems, so that a typo is never read as
 * "unknown".
 */
public final class AccountJson {

    /** The account's own fields, in the order the CSV layout documents them. Only {@code id} is required. */
    public static final List<String> FIELDS = AccountField.KEYS;

    /** Every key an account object may have: {@link #FIELDS} plus attributes, events and contacts. */
    public static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(FIELDS);
        keys.addAll(List.of("attributes", "events", "contacts"));
        KEYS = List.copyOf(keys);
    }

    private static final Set<String> EVENT_KEYS = Set.of("type", "date", "details");
    private static final Set<String> CONTACT_KEYS = Set.of("name", "title", "role", "seniority", "department");

    private AccountJson() {
    }

    /**
     * The outcome of reading one account object: its facts, or every problem found.
     *
     * @param accountId the account's id, or null when it could not be read
     * @param facts     the facts, or null when there are problems
     * @param problems  what is wrong, each naming the key and quoting the value; empty when read
     */
    public record Parsed(String accountId, AccountFacts facts, List<String> problems) {

        /**
         * Copies the problems.
         *
         * @param accountId the account's id, or null when it could not be read
         * @param facts     the facts, or null when there are problems
         * @param problems  what is wrong; empty when the facts were read
         * @throws IllegalArgumentException unless exactly one of facts and problems is given
         */
        public Parsed {
            problems = List.copyOf(problems);
            if ((facts == null) == problems.isEmpty()) {
                throw new IllegalArgumentException("either facts or problems");
            }
        }

        /** @return true when the facts were read */
        public boolean ok() {
            return facts != null;
        }

        /** @return the problems joined with {@code "; "}, empty when there are none */
        public String describeProblems() {
            return TextValues.listed(problems, "; ");
        }
    }

    /**
     * Reads an account object.
     *
     * @param node the JSON value, never null
     * @return the facts, or the problems found
     */
    public static Parsed read(JsonNode node) {
        Objects.requireNonNull(node, "node");
        if (!node.isObject()) {
            return failed(null, "an account must be an object, was " + describe(node));
        }
        JsonNode idNode = node.get("id");
        String id = idNode != null && (idNode.isTextual() || idNode.isIntegralNumber())
                ? TextValues.blankToNull(idNode.asText()) : null;
        if (id == null) {
            return failed(null, "id: is required and must be non-blank text"
                    + (idNode == null || idNode.isNull() ? "" : ", was " + describe(idNode)));
        }
        Account.Builder account;
        try {
            account = Account.builder(id);
        } catch (InvalidFactException e) {
            return failed(null, e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            try {
                switch (key) {
                    case "id" -> { }
                    case "attributes" -> readAttributes(account, value);
                    case "events" -> readEvents(value, events, problems);
                    case "contacts" -> readContacts(value, contacts, problems);
                    default -> {
                        AccountField f = AccountField.byKey(key);
                        if (f != null) {
                            f.set(account, value(f, value));
                        } else {
                            unknown.add(key);
                        }
                    }
                }
            } catch (InvalidFactException e) {
                problems.add(e.getMessage());
            }
        }
        if (!unknown.isEmpty()) {
            problems.add((unknown.size() == 1 ? "unknown key " : "unknown keys ") + quoted(unknown)
                    + " (accepted: " + String.join(", ", KEYS) + ")");
        }
        if (!problems.isEmpty()) {
            return new Parsed(id, null, problems);
        }
        try {
            return new Parsed(id, AccountFacts.of(account.build(), events, contacts), List.of());
        } catch (InvalidFactException e) {
            return failed(id, e.getMessage());
        }
    }

    private static Parsed failed(String id, String problem) {
        return new Parsed(id, null, List.of(problem));
    }

    /** A fixed field's JSON value as its setter takes it; a value of the wrong JSON type is refused. */
    private static Object value(AccountField field, JsonNode value) {
        String key = field.key();
        return switch (field.kind()) {
            case TEXT -> text(key, value);
            case WHOLE_INT, WHOLE_LONG -> {
                String t = wholeNumberText(key, value);
                yield field.whole(TextValues.wholeLong(key, t), t);
            }
            case LIST -> textArray(key, value);
        };
    }

    private static void readAttributes(Account.Builder account, JsonNode value) {
        if (value.isNull()) {
            return;
        }
        if (!value.isObject()) {
            throw new InvalidFactException("attributes", "expected an object, was " + describe(value));
        }
        for (Map.Entry<String, JsonNode> a : value.properties()) {
            String field = "attributes." + a.getKey();
            JsonNode v = a.getValue();
            Object typed;
            if (v.isNull()) {
                typed = null;
            } else if (v.isTextual()) {
                String t = v.asText();
                typed = TextValues.looksLikeIsoDate(t) ? TextValues.isoDate(field, t) : t;
            } else if (v.isIntegralNumber()) {
                if (!v.canConvertToLong()) {
                    throw new InvalidFactException(field, v.asText() + " is too large");
                }
                typed = v.longValue();
            } else if (v.isNumber()) {
                typed = v.doubleValue();
            } else if (v.isBoolean()) {
                typed = v.booleanValue();
            } else {
                throw new InvalidFactException(field, "must be text, a number, true/false or null, was "
                        + describe(v));
            }
            try {
                account.attribute(a.getKey(), typed);
            } catch (InvalidFactException e) {
                throw TextValues.relabel(field, e);
            }
        }
    }

    private static void readEvents(JsonNode value, List<Event> events, List<String> problems) {
        if (value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            throw new InvalidFactException("events", "expected an array of objects, was " + describe(value));
        }
        for (int i = 0; i < value.size(); i++) {
            String at = "events[" + i + "]";
            JsonNode e = value.get(i);
            if (!e.isObject()) {
                problems.add(at + ": expected an object, was " + describe(e));
                continue;
            }
            if (!checkKeys(at, e, EVENT_KEYS, problems)) {
                continue;
            }
            try {
                LocalDate date = TextValues.isoDate(at + ".date", text(at + ".date", e.path("date")));
                String type = text(at + ".type", e.path("type"));
                if (type == null) {
                    throw new InvalidFactException(at + ".type", "is required");
                }
                if (date == null) {
                    throw new InvalidFactException(at + ".date", "is required");
                }
                Event.Builder b = Event.builder(type, date);
                JsonNode details = e.path("details");
                if (!details.isMissingNode() && !details.isNull()) {
                    if (!details.isObject()) {
                        throw new InvalidFactException(at + ".details", "expected an object, was " + describe(details));
                    }
                    for (Map.Entry<String, JsonNode> d : details.properties()) {
                        b.detail(d.getKey(), scalarText(at + ".details." + d.getKey(), d.getValue()));
                    }
                }
                events.add(b.build());
            } catch (InvalidFactException ex) {
                problems.add(ex.field().startsWith(at) ? ex.getMessage() : at + "." + ex.getMessage());
            }
        }
    }

    private static void readContacts(JsonNode value, List<Contact> contacts, List<String> problems) {
        if (value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            throw new InvalidFactException("contacts", "expected an array of objects, was " + describe(value));
        }
        for (int i = 0; i < value.size(); i++) {
            String at = "contacts[" + i + "]";
            JsonNode c = value.get(i);
            if (!c.isObject()) {
                problems.add(at + ": expected an object, was " + describe(c));
                continue;
            }
            if (!checkKeys(at, c, CONTACT_KEYS, problems)) {
                continue;
            }
            try {
                contacts.add(Contact.builder()
                        .name(text(at + ".name", c.path("name")))
                        .title(text(at + ".title", c.path("title")))
                        .role(text(at + ".role", c.path("role")))
                        .seniority(text(at + ".seniority", c.path("seniority")))
                        .department(text(at + ".department", c.path("department")))
                        .build());
            } catch (InvalidFactException ex) {
                problems.add(ex.field().startsWith(at) ? ex.getMessage() : at + "." + ex.getMessage());
            }
        }
    }

    private static boolean checkKeys(String at, JsonNode object, Set<String> accepted, List<String> problems) {
        List<String> unknown = new ArrayList<>();
        object.fieldNames().forEachRemaining(k -> {
            if (!accepted.contains(k)) {
                unknown.add(k);
            }
        });
        if (unknown.isEmpty()) {
            return true;
        }
        problems.add(at + ": unknown " + (unknown.size() == 1 ? "key" : "keys") + " " + quoted(unknown)
                + " (accepted: " + String.join(", ", accepted.stream().sorted().toList()) + ")");
        return false;
    }

    /** {@code 'a', 'b'}: keys for a message, each shortened, at most {@link TextValues#MOST_LISTED} of them. */
    private static String quoted(List<String> keys) {
        return TextValues.listed(keys.stream().map(k -> "'" + TextValues.preview(k) + "'").toList(), ", ");
    }

    /** Text fields take text only, so that a number or object in the wrong place is noticed. */
    private static String text(String field, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidFactException(field, "expected text, was " + describe(value));
        }
        return value.asText();
    }

    private static String wholeNumberText(String field, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() || value.isTextual()) {
            return value.asText();
        }
        throw new InvalidFactException(field, "expected a whole number, was " + describe(value));
    }

    private static String scalarText(String field, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        throw new InvalidFactException(field, "expected text or a number, was " + describe(value));
    }

    private static List<String> textArray(String field, JsonNode value) {
        if (value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidFactException(field, "expected an array of text, was " + describe(value));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : value) {
            if (!v.isTextual()) {
                throw new InvalidFactException(field, "expected an array of text, found " + describe(v));
            }
            out.add(v.asText());
        }
        return out;
    }

    /**
     * Names a JSON value in a message, quoting scalars briefly.
     *
     * @param v the value, never null
     * @return such as {@code 'abc'}, {@code the number 12}, {@code an array}
     */
    public static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "'" + TextValues.preview(v.asText()) + "'";
        }
        if (v.isNumber()) {
            return "the number " + v.asText();
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        return "null";
    }
}

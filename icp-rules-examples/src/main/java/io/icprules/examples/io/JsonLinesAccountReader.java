package io.icprules.examples.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.icprules.error.InvalidFactException;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads accounts from JSON Lines: one JSON object per line, UTF-8; blank lines are skipped.
 *
 * <p>Keys ({@code null} or absent means unknown): {@code id} (required; text or integer),
 * {@code name}, {@code domain}, {@code industry}, {@code country}, {@code region},
 * {@code funding_stage}, {@code ownership} (text); {@code employees}, {@code annual_revenue},
 * {@code founded_year} (a JSON integer, or digits in a string); {@code technologies} (array of
 * text); {@code attributes} (object whose values are text, numbers, booleans or null; text in
 * {@code yyyy-MM-dd} form becomes a date, other text stays text, integers become {@link Long},
 * other numbers {@link Double}); {@code events} (array of {@code {"type", "date", "details": {}}}) and
 * {@code contacts} (array of {@code {"name", "title", "role", "seniority", "department"}}).
 *
 * <p>A line that is not UTF-8 text, is not a JSON object, has an unknown or repeated key, or has a
 * value of the wrong type or out of range becomes an error record naming the line, the account id
 * when it could be read, and every bad key with its value; the lines after it are read as usual.
 */
public final class JsonLinesAccountReader implements AccountReader {

    /** Every key an account object may have. */
    public static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(AccountFields.NAMES);
        keys.addAll(List.of("attributes", "events", "contacts"));
        KEYS = List.copyOf(keys);
    }

    private static final Set<String> EVENT_KEYS = Set.of("type", "date", "details");
    private static final Set<String> CONTACT_KEYS = Set.of("name", "title", "role", "seniority", "department");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Path file;
    private final InputStream in;
    // Strict decoding: bytes that are not UTF-8 are reported instead of silently replaced.
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream lineBytes = new ByteArrayOutputStream(512);
    private boolean consumed;

    private JsonLinesAccountReader(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    /**
     * Opens a file.
     *
     * @param file the file, never null
     * @return the reader
     * @throws InputFileException when the file does not exist
     * @throws IOException        when it cannot be opened
     */
    public static JsonLinesAccountReader open(Path file) throws IOException {
        try {
            return new JsonLinesAccountReader(file, new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        } catch (NoSuchFileException e) {
            throw new InputFileException(file, "no such file");
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public Stream<AccountRecord> records() {
        if (consumed) {
            throw new IllegalStateException("records() can be called once");
        }
        consumed = true;
        Iterator<AccountRecord> it = new Iterator<>() {
            private long line;
            private AccountRecord next;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (next == null && !done) {
                    byte[] bytes;
                    try {
                        bytes = readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + file, e);
                    }
                    if (bytes == null) {
                        done = true;
                        break;
                    }
                    line++;
                    String text;
                    try {
                        text = utf8.decode(ByteBuffer.wrap(bytes)).toString();
                    } catch (CharacterCodingException e) {
                        next = AccountRecord.error(line, null, "the line is not valid UTF-8 text");
                        break;
                    }
                    if (line == 1 && text.startsWith("\uFEFF")) {
                        text = text.substring(1);
                    }
                    if (!text.isBlank()) {
                        next = toRecord(line, text);
                    }
                }
                return next != null;
            }

            @Override
            public AccountRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AccountRecord r = next;
                next = null;
                return r;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::closeUnchecked);
    }

    /**
     * Reads the bytes of one line, without its LF or CRLF ending. Lines are split as bytes and
     * decoded one by one, so that a line that is not UTF-8 costs that line only.
     *
     * @return the line, or null at the end of the file
     */
    private byte[] readLine() throws IOException {
        lineBytes.reset();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            lineBytes.write(b);
        }
        if (b < 0 && lineBytes.size() == 0) {
            return null;
        }
        byte[] bytes = lineBytes.toByteArray();
        int n = bytes.length;
        return n > 0 && bytes[n - 1] == '\r' ? Arrays.copyOf(bytes, n - 1) : bytes;
    }

    private static AccountRecord toRecord(long line, String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JacksonException e) {
            return AccountRecord.error(line, null, "not valid JSON: " + CsvRows.firstLine(e.getOriginalMessage()));
        }
        if (!node.isObject()) {
            return AccountRecord.error(line, null, "each line must be a JSON object, was " + describe(node));
        }
        JsonNode idNode = node.get("id");
        String id = idNode != null && (idNode.isTextual() || idNode.isIntegralNumber())
                ? CellValues.blankToNull(idNode.asText()) : null;
        if (id == null) {
            return AccountRecord.error(line, null, "id: is required and must be non-blank text"
                    + (idNode == null || idNode.isNull() ? "" : ", was " + describe(idNode)));
        }
        Account.Builder account;
        try {
            account = Account.builder(id);
        } catch (InvalidFactException e) {
            return AccountRecord.error(line, null, e.getMessage());
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
                    case "technologies" -> account.technologies(textArray(key, value));
                    case "attributes" -> readAttributes(account, value);
                    case "events" -> readEvents(value, events, problems);
                    case "contacts" -> readContacts(value, contacts, problems);
                    default -> {
                        if (!AccountFields.NAMES.contains(key)) {
                            unknown.add(key);
                        } else if (AccountFields.WHOLE_NUMBER_FIELDS.contains(key)) {
                            AccountFields.set(account, key, wholeNumberText(key, value));
                        } else {
                            AccountFields.set(account, key, text(key, value));
                        }
                    }
                }
            } catch (InvalidFactException e) {
                problems.add(e.getMessage());
            }
        }
        if (!unknown.isEmpty()) {
            problems.add((unknown.size() == 1 ? "unknown key " : "unknown keys ") + "'" + String.join("', '", unknown)
                    + "' (accepted: " + String.join(", ", KEYS) + ")");
        }
        if (!problems.isEmpty()) {
            return AccountRecord.error(line, id, String.join("; ", problems));
        }
        return AccountRecord.ok(line, AccountFacts.of(account.build(), events, contacts));
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
                typed = ISO_DATE.matcher(t.strip()).matches() ? CellValues.date(field, t) : t;
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
                throw AccountFields.renamed(field, e);
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
                LocalDate date = CellValues.date(at + ".date", text(at + ".date", e.path("date")));
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
        problems.add(at + ": unknown " + (unknown.size() == 1 ? "key" : "keys") + " '" + String.join("', '", unknown)
                + "' (accepted: " + String.join(", ", accepted.stream().sorted().toList()) + ")");
        return false;
    }

    /** Text fields take JSON text only, so that a number or object in the wrong place is noticed. */
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

    /** Names a JSON value in a message, quoting scalars briefly. */
    private static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "'" + CellValues.preview(v.asText()) + "'";
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

    private void closeUnchecked() {
        try {
            close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

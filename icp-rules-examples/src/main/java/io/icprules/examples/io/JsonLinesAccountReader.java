package io.icprules.examples.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.icprules.json.AccountJson;

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
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
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
 * The mapping of an object to facts is {@link AccountJson}'s, shared with fit test cases.
 */
public final class JsonLinesAccountReader implements AccountReader {

    /** Every key an account object may have. */
    public static final List<String> KEYS = AccountJson.KEYS;

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
            return AccountRecord.error(line, null, "each line must be a JSON object, was " + AccountJson.describe(node));
        }
        AccountJson.Parsed parsed = AccountJson.read(node);
        return parsed.ok() ? AccountRecord.ok(line, parsed.facts())
                : AccountRecord.error(line, parsed.accountId(), parsed.describeProblems());
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

package io.icprules.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

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
    // Lines are cut from this buffer by scanning for LF: reading byte by byte through a stream costs
    // more than parsing the JSON.
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
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
            return new JsonLinesAccountReader(file, Files.newInputStream(file));
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
        Iterator<Line> lines = new Iterator<>() {
            private long number;
            private Line next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    int length;
                    try {
                        length = readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + file, e);
                    }
                    if (length < 0) {
                        done = true;
                    } else {
                        next = new Line(++number, Arrays.copyOf(line, length));
                    }
                }
                return next != null;
            }

            @Override
            public Line next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Line l = next;
                next = null;
                return l;
            }
        };
        // Cutting lines is cheap; decoding and checking them runs on every core.
        return ParallelRecords.decode(lines, JsonLinesAccountReader::toRecord, this);
    }

    /** The bytes of one line and its 1-based number. */
    private record Line(long number, byte[] bytes) {
    }

    /** @return the line's record, or null for a blank line */
    private static AccountRecord toRecord(Line l) {
        String text;
        try {
            // Strict decoding: bytes that are not UTF-8 are reported instead of silently replaced.
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(l.bytes())).toString();
        } catch (CharacterCodingException e) {
            return AccountRecord.error(l.number(), null, "the line is not valid UTF-8 text");
        }
        if (l.number() == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.isBlank() ? null : toRecord(l.number(), text);
    }

    /**
     * Reads the bytes of one line into {@code line}, without its LF or CRLF ending. Lines are split as bytes and
     * decoded one by one, so that a line that is not UTF-8 costs that line only.
     *
     * @return the line's length, or -1 at the end of the file
     */
    private int readLine() throws IOException {
        int length = 0;
        boolean sawAny = false;
        while (true) {
            if (position == limit) {
                limit = in.readNBytes(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!sawAny) {
                        return -1;
                    }
                    break;
                }
            }
            sawAny = true;
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int n = end - position;
            if (length + n > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
            }
            System.arraycopy(buffer, position, line, length, n);
            length += n;
            position = end;
            if (end < limit) {
                position++; // past the LF
                break;
            }
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (line.length > (1 << 20) && length < 1024) {
            line = Arrays.copyOf(line, 1024); // keeps this short line; a huge line once should not pin its buffer
        }
        return length;
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

    @Override
    public void close() throws IOException {
        in.close();
    }
}

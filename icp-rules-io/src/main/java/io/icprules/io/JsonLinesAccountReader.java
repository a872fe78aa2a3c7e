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
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Reads accounts from JSON Lines: one JSON object per line, UTF-8 unless {@link ReadOptions} name
 * another encoding; blank lines are skipped.
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
 * <p>A line that is not text in the encoding, is longer than the length limit (1 MiB unless
 * {@link ReadOptions} say otherwise; read without being held), is not a JSON object, has an unknown or
 * repeated key, or has a value of the wrong type or out of range becomes an error record naming the
 * line, the account id when it could be read, and every bad key with its value; the lines after it are
 * read as usual. Lines end at LF (a CR before it is dropped).
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
    private final Charset charset;
    private final int maxLineLength;
    // Lines are cut from this buffer by scanning for LF: reading byte by byte through a stream costs
    // more than parsing the JSON.
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int filled;
    private byte[] line = new byte[1024];
    /** The bytes of the last line read held in {@link #line}: all of them unless it is over the limit. */
    private int kept;
    private boolean consumed;

    private JsonLinesAccountReader(Path file, InputStream in, ReadOptions options) {
        this.file = file;
        this.in = in;
        this.charset = options.encoding();
        this.maxLineLength = options.maxLineLength();
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
        return open(file, ReadOptions.defaults());
    }

    /**
     * Opens a file in a given encoding, with a given longest line.
     *
     * @param file    the file, never null
     * @param options the encoding and the longest line, never null
     * @return the reader
     * @throws InputFileException when the file does not exist, or cannot be read in that encoding at all
     *                            (see {@link ReadOptions})
     * @throws IOException        when it cannot be opened
     */
    public static JsonLinesAccountReader open(Path file, ReadOptions options) throws IOException {
        return new JsonLinesAccountReader(file, options.open(file), options);
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
                    long length;
                    try {
                        length = readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + file, e);
                    }
                    if (length < 0) {
                        done = true;
                    } else {
                        next = new Line(++number, length > maxLineLength ? null : Arrays.copyOf(line, kept), length);
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
        return ParallelRecords.decode(lines, l -> toRecord(l, charset, maxLineLength), this);
    }

    /**
     * One line and its 1-based number.
     *
     * @param bytes  its bytes, or null when it is over the length limit
     * @param length its length in bytes
     */
    private record Line(long number, byte[] bytes, long length) {
    }

    /** @return the line's record, or null for a blank line */
    private static AccountRecord toRecord(Line l, Charset charset, int maxLineLength) {
        if (l.bytes() == null) {
            return AccountRecord.error(l.number(), null, "the line is " + ReadOptions.bytes(l.length())
                    + " bytes long, over the limit of " + ReadOptions.bytes(maxLineLength) + " (--max-line-length)");
        }
        // Strict decoding: bytes that are not text in the encoding are reported instead of silently replaced.
        String text = LineDecoder.decode(charset, l.bytes(), l.bytes().length);
        if (text == null) {
            return AccountRecord.error(l.number(), null, LineDecoder.badBytes(charset, l.bytes(), l.bytes().length));
        }
        if (l.number() == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.isBlank() ? null : toRecord(l.number(), text);
    }

    /**
     * Reads one line into {@code line}, without its LF or CRLF ending. Lines are split as bytes and
     * decoded one by one, so that a line that is not text in the encoding costs that line only. Of a line
     * over the length limit only the first bytes are held, so that its length costs no memory.
     *
     * @return the line's length, or -1 at the end of the file; {@link #kept} of its bytes are in {@code line}
     */
    private long readLine() throws IOException {
        long length = 0;
        int held = 0;
        int most = maxLineLength + 1; // one more than the limit: the CR of a CRLF ending
        byte last = 0;
        boolean sawAny = false;
        while (true) {
            if (position == filled) {
                filled = in.readNBytes(buffer, 0, buffer.length);
                position = 0;
                if (filled <= 0) {
                    filled = 0;
                    if (!sawAny) {
                        return -1;
                    }
                    break;
                }
            }
            sawAny = true;
            int end = position;
            while (end < filled && buffer[end] != '\n') {
                end++;
            }
            int n = end - position;
            if (n > 0) {
                int keep = Math.min(n, most - held);
                if (keep > 0) {
                    if (held + keep > line.length) {
                        line = Arrays.copyOf(line, Math.max(line.length * 2, held + keep));
                    }
                    System.arraycopy(buffer, position, line, held, keep);
                    held += keep;
                }
                length += n;
                last = buffer[end - 1];
            }
            position = end;
            if (end < filled) {
                position++; // past the LF
                break;
            }
        }
        if (length > 0 && last == '\r') {
            length--;
            held = (int) Math.min(held, length);
        }
        if (line.length > (1 << 20) && held < 1024) {
            line = Arrays.copyOf(line, 1024); // keeps this short line; a huge line once should not pin its buffer
        }
        kept = held;
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

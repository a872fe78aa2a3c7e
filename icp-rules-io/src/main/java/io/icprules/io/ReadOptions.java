package io.icprules.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * How the readers read the bytes of an input file: its encoding and the longest row they accept.
 * Immutable; start from {@link #defaults()}.
 *
 * <p><b>Encoding.</b> UTF-8 unless told otherwise (a UTF-8 byte order mark is skipped). A row with
 * bytes that are not text in the encoding becomes an error record naming the line and the first bad
 * byte, and saying which encoding the file looks like (a CSV saved by Excel is often Windows-1252);
 * the rows after it are read as usual. Any encoding that writes the characters a CSV or JSON line is
 * built from (line breaks, quotes, commas, braces, letters and digits) as single ASCII bytes can be
 * given: UTF-8, Windows-1252, the ISO-8859 family and the like. UTF-16 and UTF-32 cannot; a file that
 * starts with a UTF-16 byte order mark, or a UTF-8 one when another encoding is given, is refused
 * when it is opened ({@link InputFileException}).
 *
 * <p><b>Longest row.</b> {@value #DEFAULT_MAX_LINE_LENGTH} bytes (1 MiB) unless told otherwise: a
 * line longer than that becomes one short error record stating its length, read in bounded memory,
 * and the next line is read as usual. For CSV the limit holds for a whole row, the lines of a row
 * with a multi-line quoted cell together. A quoted cell that is not closed within the limit, or within
 * {@value #MOST_ROW_LINES} lines, is read as a stray quote: its first line becomes an error record and
 * the lines after it are read as rows. The command line's options are {@code --encoding} and
 * {@code --max-line-length}, which the error messages name.
 */
public final class ReadOptions {

    /** The longest line (for CSV: row) read by default, in bytes: 1 MiB. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;

    /** The most lines one CSV row may span through a multi-line quoted cell. */
    public static final int MOST_ROW_LINES = 10_000;

    /** The largest limit that can be set on a line's length, in bytes: 1 GiB. */
    public static final int LARGEST_MAX_LINE_LENGTH = 1 << 30;

    private static final ReadOptions DEFAULTS = new ReadOptions(StandardCharsets.UTF_8, DEFAULT_MAX_LINE_LENGTH);

    /** The characters a CSV or JSON line is built from: each must be one byte, its ASCII code. */
    private static final String STRUCTURE = "\n\r\",{}[]:; \t0123456789azAZ.-_\\";

    private final Charset encoding;
    private final int maxLineLength;

    private ReadOptions(Charset encoding, int maxLineLength) {
        this.encoding = encoding;
        this.maxLineLength = maxLineLength;
    }

    /** @return UTF-8 and lines of at most {@value #DEFAULT_MAX_LINE_LENGTH} bytes */
    public static ReadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the encoding.
     *
     * @param encoding the files' encoding, never null
     * @return options with that encoding
     * @throws IllegalArgumentException when the encoding cannot be read line by line (UTF-16, UTF-32,
     *                                  EBCDIC): the message says so in words
     */
    public ReadOptions withEncoding(Charset encoding) {
        Objects.requireNonNull(encoding, "encoding");
        if (!readableByLine(encoding)) {
            throw new IllegalArgumentException("the encoding " + encoding.name() + " cannot be read: the readers need an "
                    + "encoding that writes line breaks, quotes, commas, letters and digits as single ASCII bytes, such as "
                    + "UTF-8, windows-1252 or ISO-8859-1; save the file in one of those");
        }
        return new ReadOptions(encoding, maxLineLength);
    }

    /**
     * Sets the encoding by name.
     *
     * @param name a name or alias Java knows, such as {@code UTF-8}, {@code windows-1252},
     *             {@code cp1252}, {@code ISO-8859-1} or {@code latin1}; never null
     * @return options with that encoding
     * @throws IllegalArgumentException when the name is unknown, or the encoding cannot be read line by
     *                                  line; the message says so in words
     */
    public ReadOptions withEncoding(String name) {
        return withEncoding(encodingNamed(name));
    }

    /**
     * Sets the longest line (for CSV: row) read.
     *
     * @param bytes the limit in bytes, 1 to {@value #LARGEST_MAX_LINE_LENGTH}
     * @return options with that limit
     * @throws IllegalArgumentException when the limit is out of that range
     */
    public ReadOptions withMaxLineLength(long bytes) {
        if (bytes < 1 || bytes > LARGEST_MAX_LINE_LENGTH) {
            throw new IllegalArgumentException("the longest line must be 1 to " + bytes(LARGEST_MAX_LINE_LENGTH)
                    + " bytes, not " + bytes);
        }
        return new ReadOptions(encoding, (int) bytes);
    }

    /** @return the files' encoding; UTF-8 by default */
    public Charset encoding() {
        return encoding;
    }

    /** @return the longest line (for CSV: row) read, in bytes; {@value #DEFAULT_MAX_LINE_LENGTH} by default */
    public int maxLineLength() {
        return maxLineLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadOptions r && r.encoding.equals(encoding) && r.maxLineLength == maxLineLength;
    }

    @Override
    public int hashCode() {
        return encoding.hashCode() * 31 + maxLineLength;
    }

    @Override
    public String toString() {
        return "encoding " + encoding.name() + ", lines of at most " + bytes(maxLineLength) + " bytes";
    }

    /**
     * Finds an encoding by name, for the options of a command line.
     *
     * @param name a name or alias Java knows, never null
     * @return the encoding
     * @throws IllegalArgumentException when Java does not know the name; the message says so in words
     */
    public static Charset encodingNamed(String name) {
        String n = name.strip();
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("'" + TextValues.preview(name) + "' is not an encoding Java knows; use a "
                    + "name such as UTF-8, windows-1252 or ISO-8859-1");
        }
    }

    /** @return whether an encoding writes every character of {@link #STRUCTURE} as its own ASCII byte */
    static boolean readableByLine(Charset encoding) {
        byte[] ascii = STRUCTURE.getBytes(StandardCharsets.US_ASCII);
        if (!new String(ascii, encoding).equals(STRUCTURE)) {
            return false;
        }
        return !encoding.canEncode() || Arrays.equals(STRUCTURE.getBytes(encoding), ascii);
    }

    /** {@code 1,048,576}: a number of bytes as people read it. */
    static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * Opens a file for reading with these options, refusing at once a file no row of which could be read:
     * one that starts with a UTF-16 or UTF-32 byte order mark or looks like UTF-16 (every other byte
     * zero), or one that starts with a UTF-8 byte order mark when another encoding is given. The byte
     * order mark, if any, is left in the stream.
     *
     * @param file the file, never null
     * @return the file's bytes from the start
     * @throws InputFileException when the file does not exist or is refused
     * @throws IOException        when it cannot be opened
     */
    InputStream open(Path file) throws IOException {
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InputFileException(file, "no such file");
        }
        PushbackInputStream in = new PushbackInputStream(raw, 4);
        try {
            byte[] head = in.readNBytes(4);
            in.unread(head);
            String problem = startProblem(head);
            if (problem != null) {
                throw new InputFileException(file, problem);
            }
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** @return why a file starting with these bytes cannot be read, or null */
    private String startProblem(byte[] head) {
        int b0 = head.length > 0 ? head[0] & 0xFF : -1;
        int b1 = head.length > 1 ? head[1] & 0xFF : -1;
        int b2 = head.length > 2 ? head[2] & 0xFF : -1;
        int b3 = head.length > 3 ? head[3] & 0xFF : -1;
        String resave = "; save it as UTF-8 (in Excel: CSV UTF-8) and read it again";
        if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF) || (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF)) {
            return "the file is UTF-16 or UTF-32 (it starts with such a byte order mark), which cannot be read" + resave;
        }
        if (head.length == 4 && ((b0 != 0 && b1 == 0 && b2 != 0 && b3 == 0) || (b0 == 0 && b1 != 0 && b2 == 0 && b3 != 0))) {
            return "the file looks like UTF-16 (every other byte is zero), which cannot be read" + resave;
        }
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF && !encoding.equals(StandardCharsets.UTF_8)) {
            return "the file starts with a UTF-8 byte order mark, so it is UTF-8, not " + encoding.name()
                    + ": leave out --encoding";
        }
        return null;
    }
}

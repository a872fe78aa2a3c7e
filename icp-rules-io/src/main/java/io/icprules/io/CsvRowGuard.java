package io.icprules.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Stands between the bytes of a CSV file and the CSV parser: hands every row to the parser as text,
 * unchanged, and replaces each row that cannot be read by one marker row over the same lines, so that
 * the parser never stops at a broken row and every line keeps its number. {@link #takeBroken} then
 * says why the marker's row is broken.
 *
 * <p>A row is a line, unless a quoted cell goes on past the line's end and is properly closed on a
 * later line. Broken rows are:
 * <ul>
 *   <li>a quoted cell that is never closed, or not within {@link ReadOptions#MOST_ROW_LINES} lines or
 *       the longest row: its line is the broken row, and the lines after it are read as rows. A
 *       multi-line row counts only when it is well formed: after each closing quote comes a comma or
 *       the line end (spaces and control characters aside, as the parser allows), and it has as many
 *       cells as the header; otherwise a quote in a later row would swallow the rows in between;</li>
 *   <li>text after the closing quote of a cell on the same line ({@code "Foo" Inc});</li>
 *   <li>bytes that are not text in the encoding: the whole row, all its lines;</li>
 *   <li>a line longer than the longest row allowed, read to its end without being held.</li>
 * </ul>
 * The marker row has a first cell starting with {@link #MARKER} and, after it, the whole cells of the
 * broken row's first line before the problem, so that the row's error can name its account.
 *
 * <p>The input is scanned once, as bytes (the encoding writes quotes, commas and line breaks as single
 * ASCII bytes, see {@link ReadOptions}): a loop over each row's bytes that follows the quoting, then one
 * decoding of the row. Memory is bounded by the longest row allowed. Lines end at LF,
 * CR LF or a lone CR, as the parser counts them. A UTF-8 byte order mark at the start is skipped. Not
 * thread-safe.
 */
final class CsvRowGuard extends Reader {

    /** Starts the first cell of a marker row: a character of the private use area, which no export writes. */
    static final char MARKER = '\uE000';

    /**
     * Why a row cannot be read.
     *
     * @param line    the line the row starts on
     * @param problem what is wrong and how to fix it, for people
     */
    record Broken(long line, String problem) {
    }

    private static final int CHUNK = 1 << 16;

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    /** In a quoted cell, right after a quote: a doubled quote, or the cell's end. */
    private static final int QUOTE_SEEN = 3;
    /** After a closing quote and spaces: only a comma or the line end may follow. */
    private static final int AFTER_CLOSE = 4;

    private final InputStream in;
    private final LineDecoder decoder;
    private final Charset charset;
    private final int limit;
    private final ArrayDeque<Broken> broken = new ArrayDeque<>();

    /** Bytes read and not yet handed on: {@code [start, end)}; the row being read starts at {@code start}. */
    private byte[] buf = new byte[CHUNK];
    private int start;
    private int end;
    private boolean eof;
    private boolean started;
    /** The line the next row starts on. */
    private long line = 1;
    /** The header's cells, once it was read. */
    private int width = -1;

    /** Text for the parser: {@code [outPos, outLen)}. */
    private char[] out = new char[CHUNK];
    private int outPos;
    private int outLen;

    // The scan of the row being read; offsets count from start.
    private int state;
    private int cells;
    private int quoteStart;
    private int violation;
    private int lastComma;

    /**
     * @param in      the file's bytes from the start, as {@link ReadOptions#open} gives them
     * @param options the encoding and the longest row
     */
    CsvRowGuard(InputStream in, ReadOptions options) {
        this.in = in;
        this.charset = options.encoding();
        this.decoder = new LineDecoder(charset);
        this.limit = options.maxLineLength();
    }

    /**
     * Says why a marker row is broken. Marker rows come in line order, so the oldest one not yet taken is
     * the one asked about.
     *
     * @param line the line a row starting with {@link #MARKER} starts on, as the parser counts
     * @return why it is broken, or null when no broken row starts on that line (the cell is data)
     */
    Broken takeBroken(long line) {
        Broken b = broken.peekFirst();
        if (b != null && b.line() == line) {
            return broken.pollFirst();
        }
        return null;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (outPos == outLen && !fill()) {
            return -1;
        }
        int n = Math.min(len, outLen - outPos);
        System.arraycopy(out, outPos, cbuf, off, n);
        outPos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads rows until there is some text for the parser; false at the end of the file. */
    private boolean fill() throws IOException {
        outPos = 0;
        outLen = 0;
        if (out.length > 4 * CHUNK) {
            out = new char[CHUNK]; // a long row once should not pin its buffer
        }
        while (outLen < CHUNK / 2 && readRow()) {
            // each row adds its text
        }
        return outLen > 0;
    }

    /** Reads one row and adds its text, or its marker row, to {@link #out}; false at the end of the file. */
    private boolean readRow() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        if (start == end && !more()) {
            return false;
        }
        if (buf.length > 4 * CHUNK && end - start <= CHUNK) {
            buf = Arrays.copyOfRange(buf, start, start + CHUNK); // a long row once should not pin its buffer
            end -= start;
            start = 0;
        }
        if (width >= 0 && plainLine()) {
            return true;
        }
        state = FIELD_START;
        cells = 1;
        violation = -1;
        lastComma = -1;
        int p = 0;
        int lines = 1;
        int firstEnd = -1;
        int firstBreak = 0;
        int firstQuote = -1;
        while (true) {
            p = scan(p, limit + 1);
            if (violation >= 0) {
                if (lines == 1) {
                    textAfterClosingQuote(p);
                } else {
                    strayQuote(firstEnd, firstBreak, firstQuote, "is never closed");
                }
                return true;
            }
            if (p > limit) {
                if (lines == 1) {
                    overLong(p);
                } else {
                    strayQuote(firstEnd, firstBreak, firstQuote, "is not closed within " + ReadOptions.bytes(limit)
                            + " bytes, the longest row allowed (--max-line-length)");
                }
                return true;
            }
            int lineBreak;
            if (start + p == end) {
                if (more()) {
                    continue; // the line goes on in the bytes just read
                }
                lineBreak = 0; // the file ends without a line break
            } else if (buf[start + p] == '\r') {
                if (start + p + 1 == end) {
                    more(); // CR LF is one line break
                }
                lineBreak = start + p + 1 < end && buf[start + p + 1] == '\n' ? 2 : 1;
            } else {
                lineBreak = 1;
            }
            if (lines == 1) {
                firstEnd = p;
                firstBreak = lineBreak;
                firstQuote = quoteStart;
            }
            if (state != QUOTED) {
                if (lines > 1 && width >= 0 && cells != width) {
                    strayQuote(firstEnd, firstBreak, firstQuote, "is never closed");
                } else {
                    row(p + lineBreak, lines);
                }
                return true;
            }
            if (lineBreak == 0) {
                strayQuote(firstEnd, firstBreak, firstQuote, "is never closed");
                return true;
            }
            if (lines == ReadOptions.MOST_ROW_LINES) {
                strayQuote(firstEnd, firstBreak, firstQuote, "is not closed within "
                        + ReadOptions.bytes(ReadOptions.MOST_ROW_LINES) + " lines");
                return true;
            }
            lines++;
            p += lineBreak;
        }
    }

    /**
     * Hands on the next row at once when it is a line without a quote that the bytes held reach the end
     * of, within the limit: most rows are, and they need no quoting followed nor cells counted.
     *
     * @return false when the row needs the full scan of {@link #readRow}
     */
    private boolean plainLine() {
        final byte[] b = buf;
        final int base = start;
        final int to = Math.min(end - base, limit + 1);
        int p = 0;
        while (p < to) {
            byte x = b[base + p];
            if (x == '\n' || x == '\r' || x == '"') {
                break;
            }
            p++;
        }
        if (p == to || b[base + p] == '"') {
            return false;
        }
        int lineBreak = 1;
        if (b[base + p] == '\r') {
            if (base + p + 1 == end && !eof) {
                return false; // is it CR LF? the full scan reads on
            }
            lineBreak = base + p + 1 < end && b[base + p + 1] == '\n' ? 2 : 1;
        }
        row(p + lineBreak, 1);
        return true;
    }

    /**
     * Follows the quoting of the row's bytes from {@code p}, as the parser reads them, counting cells.
     *
     * @param stop the offset not to scan at or past (when the bytes held reach that far)
     * @return where it stopped: on the CR or LF that ends the line; at the end of the bytes held; at
     *         {@code stop}; or at text after a closing quote, which {@link #violation} then holds
     */
    private int scan(int p, int stop) {
        final byte[] b = buf;
        final int base = start;
        final int to = Math.min(end - base, stop);
        int st = state;
        int c = cells;
        outer:
        while (p < to) {
            switch (st) {
                case UNQUOTED -> {
                    while (p < to) {
                        byte x = b[base + p];
                        if (x == ',') {
                            c++;
                            lastComma = p++;
                            st = FIELD_START;
                            continue outer;
                        }
                        if (x == '\n' || x == '\r') {
                            break outer;
                        }
                        p++;
                    }
                }
                case QUOTED -> {
                    while (p < to) {
                        byte x = b[base + p];
                        if (x == '"') {
                            p++;
                            st = QUOTE_SEEN;
                            continue outer;
                        }
                        if (x == '\n' || x == '\r') {
                            break outer;
                        }
                        p++;
                    }
                }
                case FIELD_START -> {
                    if (b[base + p] == '"') {
                        quoteStart = p++;
                        st = QUOTED;
                    } else {
                        st = UNQUOTED; // which reads this byte
                    }
                }
                default -> { // QUOTE_SEEN, AFTER_CLOSE
                    byte x = b[base + p];
                    if (x == '"' && st == QUOTE_SEEN) {
                        p++;
                        st = QUOTED; // a doubled quote
                    } else if (x == ',') {
                        c++;
                        lastComma = p++;
                        st = FIELD_START;
                    } else if (x == '\n' || x == '\r') {
                        break outer;
                    } else if (x >= 0 && x <= ' ') {
                        p++;
                        st = AFTER_CLOSE;
                    } else {
                        violation = p;
                        break outer;
                    }
                }
            }
        }
        state = st;
        cells = c;
        return p;
    }

    /** Hands on a well-formed row of {@code length} bytes, line breaks included, over {@code lines} lines. */
    private void row(int length, int lines) {
        room(decoder.maxChars(length));
        int n = decoder.decode(buf, start, length, out, outLen);
        if (n < 0) {
            badBytes(length, lines, decoder.badOffset());
            return;
        }
        outLen += n;
        if (width < 0) {
            width = cells; // the header
        }
        start += length;
        line += lines;
    }

    /** The row has bytes that are not text in the encoding: all its lines become one marker row. */
    private void badBytes(int length, int lines, int bad) {
        int lineStart = 0;
        int lineIndex = 0;
        for (int i = 0; i < bad; i++) {
            byte x = buf[start + i];
            if (x == '\n' || (x == '\r' && buf[start + i + 1] != '\n')) {
                lineStart = i + 1;
                lineIndex++;
            }
        }
        int lineEnd = lineStart;
        while (lineEnd < length && buf[start + lineEnd] != '\n' && buf[start + lineEnd] != '\r') {
            lineEnd++;
        }
        String where = "byte " + (bad - lineStart + 1) + (lineIndex == 0 ? "" : " of line " + (line + lineIndex));
        String problem = LineDecoder.badBytes(charset, buf, start + lineStart, lineEnd - lineStart, bad - lineStart, where);
        String prefix = prefix(lineIndex == 0 ? bad : length);
        marker(lines, problem, prefix);
        start += length;
        line += lines;
    }

    /** A quoted cell of the row's first line has text after its closing quote: that line is the broken row. */
    private void textAfterClosingQuote(int p) throws IOException {
        int q = quoteStart;
        String problem = "column " + column(q) + ": the quoted cell that starts here has text after its closing quote ("
                + preview(q) + "): put the whole cell in quotes and double each quote inside it";
        String prefix = prefix(q);
        skipLine(p);
        marker(1, problem, prefix);
        line++;
    }

    /**
     * A quoted cell of the row's first line does not close properly: that line is the broken row, and the
     * lines after it are read again as rows of their own.
     */
    private void strayQuote(int firstEnd, int firstBreak, int firstQuote, String what) {
        String problem = "column " + column(firstQuote) + ": a quoted cell starts here and " + what + " ("
                + preview(firstQuote) + "): remove the stray quote, or close the cell with a quote and double each "
                + "quote inside it; the rows after it are read";
        marker(1, problem, prefix(firstQuote));
        start += firstEnd + firstBreak;
        line++;
    }

    /** The row's first line is longer than the limit: read to its end without holding it. */
    private void overLong(int p) throws IOException {
        String prefix = prefix(limit);
        long length = skipLine(p);
        marker(1, "the line is " + ReadOptions.bytes(length) + " bytes long, over the limit of "
                + ReadOptions.bytes(limit) + " (--max-line-length)", prefix);
        line++;
    }

    /**
     * Drops the rest of the row's first line, from {@code p}, with its line break, whatever the quotes.
     *
     * @return the line's length in bytes, its line break left out
     */
    private long skipLine(int p) throws IOException {
        long dropped = 0;
        while (true) {
            int i = start + p;
            while (i < end && buf[i] != '\n' && buf[i] != '\r') {
                i++;
            }
            if (i == end) {
                dropped += i - start;
                start = 0;
                end = 0;
                p = 0;
                if (!more()) {
                    return dropped;
                }
                continue;
            }
            long length = dropped + (i - start);
            start = i + 1;
            if (buf[i] == '\r') {
                if (start == end) {
                    more();
                }
                if (start < end && buf[start] == '\n') {
                    start++;
                }
            }
            return length;
        }
    }

    /**
     * Adds a marker row: a quoted first cell holding {@link #MARKER} and a line break for each further
     * line of the broken row, then the whole cells of its first line before the problem.
     */
    private void marker(int lines, String problem, String prefix) {
        room(lines + prefix.length() + 5);
        out[outLen++] = '"';
        out[outLen++] = MARKER;
        for (int i = 1; i < lines; i++) {
            out[outLen++] = '\n';
        }
        out[outLen++] = '"';
        if (!prefix.isEmpty()) {
            out[outLen++] = ',';
            prefix.getChars(0, prefix.length(), out, outLen);
            outLen += prefix.length();
        }
        out[outLen++] = '\n';
        broken.addLast(new Broken(line, problem));
    }

    /**
     * The whole cells of the row's first line before a problem, as written (commas and quotes included),
     * for the marker row; empty when the problem is in the first cell.
     *
     * @param upTo where the problem is, from the row's start
     * @return the cells' text, with a leading empty cell when the first is empty, so that the text is
     *         never empty when there are cells; every byte of it text in the encoding
     */
    private String prefix(int upTo) {
        int to = upTo;
        while (true) {
            state = FIELD_START;
            lastComma = -1;
            violation = -1;
            scan(0, to);
            int length = lastComma;
            if (length < 0) {
                return "";
            }
            char[] text = new char[decoder.maxChars(length)];
            int n = decoder.decode(buf, start, length, text, 0);
            if (n >= 0) {
                return n == 0 ? "\"\"" : new String(text, 0, n);
            }
            to = decoder.badOffset(); // only the cells before the bad byte
        }
    }

    /** @return the 1-based column, in characters, of a byte of the row's first line */
    private int column(int offset) {
        String before = new String(buf, start, offset, charset);
        return before.codePointCount(0, before.length()) + 1;
    }

    /** @return the start of the row's first line from {@code offset}, short, for a message */
    private String preview(int offset) {
        int to = offset;
        int most = Math.min(end - start, offset + 256);
        while (to < most && buf[start + to] != '\n' && buf[start + to] != '\r') {
            to++;
        }
        return "'" + TextValues.preview(new String(buf, start + offset, to - offset, charset)) + "'";
    }

    /** Makes room for {@code n} more characters of text. */
    private void room(int n) {
        if (outLen + n > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, outLen + n));
        }
    }

    /** Skips a UTF-8 byte order mark at the start of the file; other encodings have none (see {@link ReadOptions}). */
    private void skipByteOrderMark() throws IOException {
        while (end - start < 3 && more()) {
            // the first bytes
        }
        if (end - start >= 3 && (buf[start] & 0xFF) == 0xEF && (buf[start + 1] & 0xFF) == 0xBB
                && (buf[start + 2] & 0xFF) == 0xBF) {
            start += 3;
        }
    }

    /**
     * Reads more bytes, keeping the row being read at the start of the buffer, which grows up to the
     * longest row allowed.
     *
     * @return false at the end of the file
     */
    private boolean more() throws IOException {
        if (eof) {
            return false;
        }
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            int grown = (int) Math.min((long) limit + CHUNK, 2L * buf.length);
            if (grown <= buf.length) {
                throw new IllegalStateException("a row longer than the limit is held"); // the scan stops at the limit
            }
            buf = Arrays.copyOf(buf, grown);
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }
}

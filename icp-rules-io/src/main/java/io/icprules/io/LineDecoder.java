package io.icprules.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes the bytes of one line (or row) of an input file, strictly: bytes that are not text in the
 * encoding are reported, never replaced, and {@link #badBytes} says so in words, with the encoding
 * the line looks like. Not thread-safe: one per reading thread.
 */
final class LineDecoder {

    private static final Charset WINDOWS_1252 = windows1252();
    private static final Map<Charset, Boolean> ASCII_AS_IS = new ConcurrentHashMap<>();

    private final CharsetDecoder decoder;
    private final float maxCharsPerByte;
    private int badOffset = -1;

    /** @param charset the encoding, one that {@link ReadOptions} accepts */
    LineDecoder(Charset charset) {
        this.decoder = strict(charset);
        this.maxCharsPerByte = decoder.maxCharsPerByte();
    }

    /**
     * @param bytes a number of bytes
     * @return the most characters that many bytes can decode to
     */
    int maxChars(int bytes) {
        return (int) Math.ceil(bytes * (double) maxCharsPerByte);
    }

    /**
     * Decodes bytes into a character array.
     *
     * @param in     the bytes
     * @param off    where they start
     * @param len    how many
     * @param out    where the characters go, with room for {@link #maxChars}({@code len}) from {@code outOff}
     * @param outOff where they start
     * @return the number of characters written, or -1 when a byte is not text in the encoding; then
     *         {@link #badOffset()} tells where
     */
    int decode(byte[] in, int off, int len, char[] out, int outOff) {
        // The JDK's decoders copy runs of ASCII bytes with vector instructions: faster than a loop here.
        decoder.reset();
        ByteBuffer bytes = ByteBuffer.wrap(in, off, len);
        CharBuffer chars = CharBuffer.wrap(out, outOff, out.length - outOff);
        CoderResult r = decoder.decode(bytes, chars, true);
        if (!r.isError()) {
            r = decoder.flush(chars);
        }
        if (r.isError()) {
            badOffset = bytes.position() - off;
            return -1;
        }
        if (r.isOverflow()) {
            throw new IllegalStateException("no room for the decoded line");
        }
        return chars.position() - outOff;
    }

    /** @return where the bad byte of the last failed {@link #decode} is, from the start of its bytes */
    int badOffset() {
        return badOffset;
    }

    /**
     * Decodes a whole line into a string.
     *
     * @param charset the encoding
     * @param in      the line's bytes, all of them
     * @param len     how many of them
     * @return the text, or null when a byte is not text in the encoding
     */
    static String decode(Charset charset, byte[] in, int len) {
        boolean ascii = true;
        for (int i = 0; i < len && ascii; i++) {
            ascii = in[i] >= 0;
        }
        if (ascii && (charset.equals(StandardCharsets.UTF_8) || ASCII_AS_IS.computeIfAbsent(charset, LineDecoder::asciiAsIs))) {
            return new String(in, 0, len, StandardCharsets.ISO_8859_1); // a copy: compact strings store Latin-1 as is
        }
        try {
            return strict(charset).decode(ByteBuffer.wrap(in, 0, len)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Says that a whole line has bytes that are not text in the encoding, which byte, and what to do.
     *
     * @param charset the encoding the line was read in
     * @param in      the line's bytes
     * @param len     how many of them
     * @return the message, as {@link #badBytes(Charset, byte[], int, int, int, String)} writes it
     */
    static String badBytes(Charset charset, byte[] in, int len) {
        LineDecoder d = new LineDecoder(charset);
        int bad = d.decode(in, 0, len, new char[d.maxChars(len)], 0) < 0 ? d.badOffset() : len;
        return badBytes(charset, in, 0, len, bad, "byte " + (bad + 1));
    }

    /**
     * Says that a line has bytes that are not text in the encoding, which byte, and what to do:
     * {@code bytes that are not UTF-8 (0xFC at byte 9); the file looks like Windows-1252: pass
     * --encoding windows-1252}.
     *
     * @param charset the encoding the line was read in
     * @param in      the bytes of the line (or of the row it belongs to)
     * @param off     where the line starts
     * @param len     its length
     * @param bad     where the first bad byte is, from {@code off}
     * @param where   where that is, for people, such as {@code byte 9}
     * @return the message
     */
    static String badBytes(Charset charset, byte[] in, int off, int len, int bad, String where) {
        String shown = bad < len ? String.format(Locale.ROOT, "0x%02X at ", in[off + bad] & 0xFF) : "";
        return "bytes that are not " + charset.name() + " (" + shown + where + ")" + hint(charset, in, off, len);
    }

    /** What the bytes of a line that is not text in {@code charset} probably are, and what to do. */
    private static String hint(Charset charset, byte[] in, int off, int len) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            if (WINDOWS_1252 != null && decodes(WINDOWS_1252, in, off, len)) {
                return "; the file looks like Windows-1252: pass --encoding windows-1252";
            }
            return "; save the file as UTF-8, or pass --encoding with its encoding (Excel often saves CSV files as "
                    + "windows-1252)";
        }
        if (decodes(StandardCharsets.UTF_8, in, off, len)) {
            return "; the file looks like UTF-8: leave out --encoding " + charset.name();
        }
        return "; check that the file is " + charset.name() + ", or pass --encoding with its encoding";
    }

    private static boolean decodes(Charset charset, byte[] in, int off, int len) {
        try {
            strict(charset).decode(ByteBuffer.wrap(in, off, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** @return whether every byte below 128 decodes, on its own, to the character with that code */
    private static boolean asciiAsIs(Charset charset) {
        byte[] all = new byte[128];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        try {
            String s = strict(charset).decode(ByteBuffer.wrap(all)).toString();
            if (s.length() != all.length) {
                return false;
            }
            for (int i = 0; i < all.length; i++) {
                if (s.charAt(i) != i) {
                    return false;
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset windows1252() {
        try {
            return Charset.forName("windows-1252");
        } catch (IllegalArgumentException e) {
            return null; // a runtime without it: no guess
        }
    }
}

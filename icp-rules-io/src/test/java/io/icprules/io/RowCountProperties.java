package io.icprules.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The count invariant: records == rows, where a row is what a person sees in the file (a line, unless
 * a properly closed quoted cell goes on over further lines), whatever is broken in it. Files mix good
 * rows, rows with legitimate multi-line quoted cells, ragged rows, stray quotes, text after a closing
 * quote, bytes that are not UTF-8, lines over the length limit, blank lines, a byte order mark and LF,
 * CR LF and CR line ends. The rows are counted by the generator as it writes them, not by the reader
 * under test; every row gives one record at its line, a good row's record holds its values, and a
 * broken row's record names its account and says what is wrong. Run longer with
 * {@code -Djqwik.tries.default=20000}.
 *
 * <p>Stray quotes stay unambiguous: no later cell of a generated file starts or ends with a quote next
 * to a comma in a way that could close them into a well-formed multi-line row (a real CSV file can hold
 * such a pair of mistakes, which no reader can tell from a multi-line cell; see docs/reliability.md).
 */
class RowCountProperties {

    /** A small limit, so that over-long lines are cheap to write. */
    private static final int LIMIT = 600;
    private static final ReadOptions OPTIONS = ReadOptions.defaults().withMaxLineLength(LIMIT);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a generated row is. */
    enum Kind {
        GOOD, MULTI_LINE, TOO_FEW_CELLS, TOO_MANY_CELLS, STRAY_QUOTE, TEXT_AFTER_QUOTE, BAD_BYTES, BAD_BYTES_MULTI_LINE,
        TOO_LONG, BLANK
    }

    /**
     * One generated row.
     *
     * @param kind      what it is
     * @param name      the name cell's text (for a multi-line row, its first line)
     * @param second    the second line of a multi-line name
     * @param lineBreak the row's line end: LF, CR LF or CR (JSON Lines: LF or CR LF)
     * @param inner     the line break inside a multi-line cell
     * @param extra     how far an over-long line is over the limit
     */
    record Spec(Kind kind, String name, String second, String lineBreak, String inner, int extra) {
    }

    /**
     * What the generator knows of a row it wrote.
     *
     * @param line the line it starts on
     * @param id   its account id
     * @param name its name as a good record holds it, or null for a row that must be an error record
     * @param says a phrase its error names, for a broken row
     */
    record Expected(long line, String id, String name, String says) {
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> middle = Arbitraries.strings().withChars("abcdefghij XYZ,\"'").withChars('\u00e9', '\u20ac')
                .ofMaxLength(16);
        return Combinators.combine(middle, Arbitraries.of("", "\uD83D\uDE00", "\u00fc"))
                .as((m, extra) -> "N" + extra + m + "n");
    }

    @Provide
    Arbitrary<Spec> specs() {
        Arbitrary<Kind> kind = Arbitraries.frequency(Tuple.of(30, Kind.GOOD), Tuple.of(6, Kind.MULTI_LINE),
                Tuple.of(3, Kind.TOO_FEW_CELLS), Tuple.of(3, Kind.TOO_MANY_CELLS), Tuple.of(4, Kind.STRAY_QUOTE),
                Tuple.of(3, Kind.TEXT_AFTER_QUOTE), Tuple.of(3, Kind.BAD_BYTES), Tuple.of(2, Kind.BAD_BYTES_MULTI_LINE),
                Tuple.of(2, Kind.TOO_LONG), Tuple.of(3, Kind.BLANK));
        Arbitrary<String> lineBreak = Arbitraries.of("\n", "\r\n", "\r");
        return Combinators.combine(kind, names(), names(), lineBreak, lineBreak, Arbitraries.integers().between(1, 3000))
                .as(Spec::new);
    }

    @Provide
    Arbitrary<List<Spec>> rows() {
        return specs().list().ofMaxSize(40);
    }

    @Property
    void everyCsvRowAsAPersonSeesItGivesOneRecord(@ForAll("rows") List<Spec> specs, @ForAll boolean byteOrderMark,
                                                  @ForAll boolean finalLineBreak) throws IOException {
        ByteArrayOutputStream out = start(byteOrderMark);
        write(out, "id,name,industry\n");
        List<Expected> expected = new ArrayList<>();
        long line = 2;
        String previousBreak = "\n";
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            boolean last = i == specs.size() - 1;
            String id = "acc-" + i;
            // A blank line after a lone CR would make a CR LF: one line break, not two.
            String lineBreak = last && !finalLineBreak ? "" : previousBreak.equals("\r") && s.kind() == Kind.BLANK
                    ? "\r" : s.lineBreak();
            String name = s.name();
            String plain = name.replace("\"", "").replace(",", ""); // no quote, no comma: needs no quoting
            switch (s.kind()) {
                case GOOD -> {
                    write(out, id + "," + cell(name) + ",retail" + lineBreak);
                    expected.add(new Expected(line, id, name, null));
                }
                case MULTI_LINE -> {
                    String both = name + s.inner() + s.second();
                    write(out, id + "," + cell(both) + ",retail" + lineBreak);
                    expected.add(new Expected(line, id, both, null));
                    line++;
                }
                case TOO_FEW_CELLS -> {
                    write(out, id + "," + cell(name) + lineBreak);
                    expected.add(new Expected(line, id, null, "but the header has 3 columns"));
                }
                case TOO_MANY_CELLS -> {
                    write(out, id + "," + cell(name) + ",retail,more" + lineBreak);
                    expected.add(new Expected(line, id, null, "but the header has 3 columns"));
                }
                case STRAY_QUOTE -> {
                    write(out, id + ",\"" + plain + ",retail" + lineBreak);
                    // "is never closed", or "is not closed within 600 bytes" when a long line follows
                    expected.add(new Expected(line, id, null, "column " + (id.length() + 2)
                            + ": a quoted cell starts here and is n"));
                }
                case TEXT_AFTER_QUOTE -> {
                    write(out, id + ",\"" + plain + "\" Inc,retail" + lineBreak);
                    expected.add(new Expected(line, id, null, "has text after its closing quote"));
                }
                case BAD_BYTES -> {
                    write(out, id + "," + plain);
                    out.write(0xFF);
                    write(out, ",retail" + lineBreak);
                    expected.add(new Expected(line, id, null, "bytes that are not UTF-8 (0xFF at byte "));
                }
                case BAD_BYTES_MULTI_LINE -> {
                    write(out, id + "," + "\"" + plain + s.inner() + "x");
                    out.write(0xFF);
                    write(out, "\",retail" + lineBreak);
                    expected.add(new Expected(line, id, null, "(0xFF at byte 2 of line " + (line + 1) + ")"));
                    line++;
                }
                case TOO_LONG -> {
                    String longName = "x".repeat(LIMIT + s.extra());
                    write(out, id + "," + longName + ",retail" + lineBreak);
                    expected.add(new Expected(line, id, null, "the line is "
                            + ReadOptions.bytes(id.length() + longName.length() + 8) + " bytes long, over the limit of 600"));
                }
                case BLANK -> write(out, lineBreak);
            }
            if (!lineBreak.isEmpty()) {
                line++;
                previousBreak = lineBreak;
            }
        }
        List<AccountRecord> records = read("accounts.csv", out.toByteArray());

        assertThat(records).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            check(records.get(i), expected.get(i));
        }
    }

    @Property
    void everyJsonLineGivesOneRecord(@ForAll("rows") List<Spec> specs, @ForAll boolean byteOrderMark,
                                     @ForAll boolean finalLineBreak) throws IOException {
        ByteArrayOutputStream out = start(byteOrderMark);
        List<Expected> expected = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            long line = i + 1;
            String id = "acc-" + i;
            String lineBreak = i == specs.size() - 1 && !finalLineBreak ? "" : s.lineBreak().equals("\r\n") ? "\r\n" : "\n";
            int mark = byteOrderMark && i == 0 ? 3 : 0; // the byte order mark's bytes are the first line's
            switch (s.kind()) {
                case GOOD, MULTI_LINE -> {
                    write(out, object(id, s.name() + s.second()) + lineBreak);
                    expected.add(new Expected(line, id, s.name() + s.second(), null));
                }
                case TOO_FEW_CELLS, TOO_MANY_CELLS -> {
                    write(out, "{\"id\":\"" + id + "\",\"name\":" + lineBreak);
                    expected.add(new Expected(line, null, null, "not valid JSON"));
                }
                case STRAY_QUOTE, TEXT_AFTER_QUOTE -> {
                    write(out, "{\"id\":\"" + id + "\",\"name\":\"" + s.name().replace("\"", "") + lineBreak);
                    expected.add(new Expected(line, null, null, "not valid JSON"));
                }
                case BAD_BYTES, BAD_BYTES_MULTI_LINE -> {
                    write(out, "{\"id\":\"" + id + "\",\"name\":\"N");
                    out.write(0xFF);
                    write(out, "\"}" + lineBreak);
                    expected.add(new Expected(line, null, null, "bytes that are not UTF-8 (0xFF at byte "
                            + (id.length() + 19 + mark) + ")"));
                }
                case TOO_LONG -> {
                    String text = object(id, "x".repeat(LIMIT + s.extra()));
                    write(out, text + lineBreak);
                    expected.add(new Expected(line, null, null, "the line is " + ReadOptions.bytes(text.length() + mark)
                            + " bytes long, over the limit of 600 (--max-line-length)"));
                }
                case BLANK -> write(out, lineBreak.isEmpty() ? "" : "  " + lineBreak);
            }
        }
        List<AccountRecord> records = read("accounts.jsonl", out.toByteArray());

        assertThat(records).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            check(records.get(i), expected.get(i));
        }
    }

    private static void check(AccountRecord record, Expected row) {
        assertThat(record.line()).as("line of %s", row).isEqualTo(row.line());
        assertThat(record.accountId()).as("account of %s", row).isEqualTo(row.id());
        if (row.name() == null) {
            assertThat(record.error()).as("error of %s", row).contains(row.says());
            assertThat(record.error().length()).isLessThan(400);
        } else {
            assertThat(record.isError()).as("%s: %s", row, record.error()).isFalse();
            assertThat(record.facts().account().getName()).isEqualTo(row.name().strip());
        }
    }

    /** A name cell as a CSV writer writes it: quoted when it holds a comma, a quote or a line break. */
    private static String cell(String text) {
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String object(String id, String name) throws JsonProcessingException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        return JSON.writeValueAsString(m);
    }

    /** @return an empty file, or one with a UTF-8 byte order mark */
    private static ByteArrayOutputStream start(boolean byteOrderMark) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (byteOrderMark) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        return out;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<AccountRecord> read(String name, byte[] content) throws IOException {
        Path dir = Files.createTempDirectory("rows");
        Path file = dir.resolve(name);
        try {
            Files.write(file, content);
            try (AccountReader reader = AccountReader.open(file, OPTIONS); Stream<AccountRecord> records = reader.records()) {
                return records.toList();
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}

package io.icprules.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A broken row costs that row only: stray quotes, other encodings, over-long lines. */
class BrokenRowsTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    /** Twenty rows, {@code account-01} to {@code account-20}, named {@code Shop N}; a row of choice replaced. */
    private static List<String> twentyRows(int replaced, String row) {
        List<String> rows = new ArrayList<>();
        rows.add("id,name,industry,employees");
        for (int i = 1; i <= 20; i++) {
            rows.add(i == replaced ? row : String.format("account-%02d,Shop %d,retail,%d", i, i, 10 + i));
        }
        return rows;
    }

    private Path write(String name, List<String> lines, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, (String.join("\n", lines) + "\n").getBytes(charset));
        return file;
    }

    private static List<AccountRecord> read(Path file, ReadOptions options) throws IOException {
        try (AccountReader reader = AccountReader.open(file, options); Stream<AccountRecord> records = reader.records()) {
            return records.toList();
        }
    }

    private static List<AccountRecord> read(Path file) throws IOException {
        return read(file, ReadOptions.defaults());
    }

    /** Every record but the one at {@code brokenLine} is its row's account, at its line. */
    private static void assertTheOtherRowsRead(List<AccountRecord> records, long brokenLine) {
        for (AccountRecord r : records) {
            if (r.line() != brokenLine) {
                assertThat(r.isError()).as(r.describe()).isFalse();
                int n = (int) r.line() - 1;
                assertThat(r.accountId()).isEqualTo(String.format("account-%02d", n));
                assertThat(r.facts().account().getEmployees()).isEqualTo(10 + n);
            }
        }
    }

    @Test
    void aStrayQuoteCostsItsRowOnly() throws IOException {
        Path file = write("stray.csv", twentyRows(8, "account-08,\"Broken quote shop,retail,18"), StandardCharsets.UTF_8);

        List<AccountRecord> records = read(file);

        assertThat(records).hasSize(20);
        assertThat(records).extracting(AccountRecord::line).containsExactlyElementsOf(
                IntStream.rangeClosed(2, 21).mapToObj(Long::valueOf).toList());
        AccountRecord broken = records.get(7);
        assertThat(broken.line()).isEqualTo(9);
        assertThat(broken.accountId()).isEqualTo("account-08");
        assertThat(broken.error()).isEqualTo("column 12: a quoted cell starts here and is never closed "
                + "('\"Broken quote shop,retail,18'): remove the stray quote, or close the cell with a quote and double "
                + "each quote inside it; the rows after it are read");
        assertTheOtherRowsRead(records, 9);
    }

    @Test
    void aLaterQuoteDoesNotCloseAStrayOne() throws IOException {
        List<String> rows = twentyRows(8, "account-08,\"Broken quote shop,retail,18");
        // Closes the stray quote with a comma after it, but the cells from line 9 to here are not the header's
        // four: no multi-line row, and this line is read as a row of its own (a ragged one).
        rows.set(10, "account-10,Ends with a quote\",retail");
        rows.set(12, "account-12,\"Corner \"\"Deli\"\", Inc\",retail,22");
        rows.set(16, "account-16,\"Two\r\nlines\",retail,26");

        List<AccountRecord> records = read(write("stray.csv", rows, StandardCharsets.UTF_8));

        assertThat(records).hasSize(20);
        assertThat(records.get(7).error()).contains("column 12: a quoted cell starts here and is never closed");
        assertThat(records.get(9).line()).isEqualTo(11);
        assertThat(records.get(9).error()).isEqualTo("row has 3 cells but the header has 4 columns (check for an "
                + "unquoted comma or a missing value)");
        assertThat(records.get(11).facts().account().getName()).isEqualTo("Corner \"Deli\", Inc");
        assertThat(records.get(15).facts().account().getName()).isEqualTo("Two\r\nlines");
        assertThat(records.subList(16, 20)).extracting(AccountRecord::line).containsExactly(19L, 20L, 21L, 22L);
        assertThat(records.stream().filter(AccountRecord::isError).count()).isEqualTo(2);
    }

    @Test
    void aStrayQuoteInTheLastRowIsItsError() throws IOException {
        List<AccountRecord> records = read(write("last.csv", twentyRows(20, "account-20,\"Shop 20,retail,30"),
                StandardCharsets.UTF_8));

        assertThat(records).hasSize(20);
        assertThat(records.get(19).error()).startsWith("column 12: a quoted cell starts here and is never closed");
        assertTheOtherRowsRead(records, 21);
    }

    @Test
    void textAfterAClosingQuoteCostsItsRowOnly() throws IOException {
        List<AccountRecord> records = read(write("after.csv", twentyRows(3, "account-03,\"Shop\" 3,retail,13"),
                StandardCharsets.UTF_8));

        assertThat(records).hasSize(20);
        assertThat(records.get(2).error()).isEqualTo("column 12: the quoted cell that starts here has text after its "
                + "closing quote ('\"Shop\" 3,retail,13'): put the whole cell in quotes and double each quote inside it");
        assertThat(records.get(2).accountId()).isEqualTo("account-03");
        assertTheOtherRowsRead(records, 4);
    }

    @Test
    void aQuotedCellNotClosedWithinTheRowLimitIsAStrayQuoteAndTheLinesAfterItAreRows() throws IOException {
        List<String> rows = twentyRows(2, "account-02,\"Shop 2,retail,12");
        Path file = write("limit.csv", rows, StandardCharsets.UTF_8);

        List<AccountRecord> records = read(file, ReadOptions.defaults().withMaxLineLength(100));

        assertThat(records).hasSize(20);
        assertThat(records.get(1).error()).startsWith("column 12: a quoted cell starts here and is not closed within "
                + "100 bytes, the longest row allowed (--max-line-length)");
        assertTheOtherRowsRead(records, 3);
    }

    @Test
    void aQuotedCellNotClosedWithinTenThousandLinesIsAStrayQuote() throws IOException {
        List<String> rows = new ArrayList<>(List.of("id,name", "a,\"opened"));
        for (int i = 0; i < ReadOptions.MOST_ROW_LINES; i++) {
            rows.add("b" + i + ",x");
        }
        rows.add("c,closed\"");

        List<AccountRecord> records = read(write("lines.csv", rows, StandardCharsets.UTF_8));

        assertThat(records).hasSize(ReadOptions.MOST_ROW_LINES + 2);
        assertThat(records.get(0).error()).contains("is not closed within 10,000 lines");
        assertThat(records.get(1).accountId()).isEqualTo("b0");
        assertThat(records.get(ReadOptions.MOST_ROW_LINES + 1).facts().account().getName()).isEqualTo("closed\"");
    }

    @Test
    void multiLineCellsThatCloseAreOneRowWithTheirLineBreaks() throws IOException {
        Path file = dir.resolve("multi.csv");
        Files.writeString(file, "id,name,industry\r\na,\"first\r\nsecond\",retail\r\nb,\"one\rtwo\nthree\",\r\nc,ok,\n");

        List<AccountRecord> records = read(file);

        assertThat(records).extracting(AccountRecord::line).containsExactly(2L, 4L, 7L);
        assertThat(records.get(0).facts().account().getName()).isEqualTo("first\r\nsecond");
        assertThat(records.get(1).facts().account().getName()).isEqualTo("one\rtwo\nthree");
        assertThat(records.get(2).accountId()).isEqualTo("c");
    }

    @Test
    void aWindows1252FileReadAsUtf8SaysSoRowByRowAndReadsWithItsEncoding() throws IOException {
        Path file = write("excel.csv", twentyRows(5, "account-05,M\u00fcller,retail,15"), WINDOWS_1252);

        List<AccountRecord> asUtf8 = read(file);

        assertThat(asUtf8).hasSize(20);
        assertThat(asUtf8.get(4).line()).isEqualTo(6);
        assertThat(asUtf8.get(4).accountId()).isEqualTo("account-05");
        assertThat(asUtf8.get(4).error()).isEqualTo("bytes that are not UTF-8 (0xFC at byte 13); the file looks like "
                + "Windows-1252: pass --encoding windows-1252");
        assertTheOtherRowsRead(asUtf8, 6);

        List<AccountRecord> asWindows1252 = read(file, ReadOptions.defaults().withEncoding("windows-1252"));

        assertThat(asWindows1252).hasSize(20).noneMatch(AccountRecord::isError);
        assertThat(asWindows1252.get(4).facts().account().getName()).isEqualTo("M\u00fcller");
    }

    @Test
    void aBadByteInAMultiLineRowMakesTheWholeRowOneErrorRecord() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("id,name\na,\"first\nsec".getBytes(StandardCharsets.UTF_8));
        out.write(0xE9);
        out.writeBytes("ond\"\nb,ok\n".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("multi.csv");
        Files.write(file, out.toByteArray());

        List<AccountRecord> records = read(file);

        assertThat(records).extracting(AccountRecord::line).containsExactly(2L, 4L);
        assertThat(records.get(0).accountId()).isEqualTo("a");
        assertThat(records.get(0).error()).startsWith("bytes that are not UTF-8 (0xE9 at byte 4 of line 3)");
        assertThat(records.get(1).accountId()).isEqualTo("b");
    }

    @Test
    void jsonLinesTakeTheEncodingToo() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            lines.add("{\"id\":\"account-" + i + "\",\"name\":\"" + (i == 5 ? "M\u00fcller" : "Shop " + i) + "\"}");
        }
        Path file = write("excel.jsonl", lines, WINDOWS_1252);

        List<AccountRecord> asUtf8 = read(file);
        List<AccountRecord> asWindows1252 = read(file, ReadOptions.defaults().withEncoding("cp1252"));

        assertThat(asUtf8).hasSize(20);
        assertThat(asUtf8.get(4).error()).isEqualTo("bytes that are not UTF-8 (0xFC at byte 28); the file looks like "
                + "Windows-1252: pass --encoding windows-1252");
        assertThat(asUtf8.stream().filter(AccountRecord::isError).count()).isEqualTo(1);
        assertThat(asWindows1252).hasSize(20).noneMatch(AccountRecord::isError);
        assertThat(asWindows1252.get(4).facts().account().getName()).isEqualTo("M\u00fcller");
    }

    @Test
    void aUtf8FileReadAsAnotherEncodingSaysSo() throws IOException {
        Path file = dir.resolve("utf8.csv");
        // 0x81 is no character in windows-1252, and \u0081 is two bytes of UTF-8
        Files.writeString(file, "id,name\na,\u0081x\nb,ok\n", StandardCharsets.UTF_8);

        List<AccountRecord> records = read(file, ReadOptions.defaults().withEncoding("windows-1252"));

        assertThat(records).hasSize(2);
        assertThat(records.get(0).error()).isEqualTo("bytes that are not windows-1252 (0x81 at byte 4); the file looks "
                + "like UTF-8: leave out --encoding windows-1252");
    }

    @Test
    void filesNoRowOfWhichCanBeReadAreRefusedWhenOpened() throws IOException {
        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, "id,name\na,b\n".getBytes(StandardCharsets.UTF_16)); // with a byte order mark
        Path utf16le = dir.resolve("utf16le.jsonl");
        Files.write(utf16le, "{\"id\":\"a\"}\n".getBytes(StandardCharsets.UTF_16LE));
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, ("\uFEFFid,name\na,b\n").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> read(utf16)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("UTF-16").hasMessageContaining("save it as UTF-8");
        assertThatThrownBy(() -> read(utf16le)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("looks like UTF-16");
        assertThatThrownBy(() -> read(bom, ReadOptions.defaults().withEncoding("ISO-8859-1")))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("starts with a UTF-8 byte order mark, so it is UTF-8, not ISO-8859-1");
        assertThat(read(bom)).singleElement().satisfies(r -> assertThat(r.accountId()).isEqualTo("a"));
    }

    @Test
    void encodingsAreCheckedByName() {
        assertThat(ReadOptions.defaults().withEncoding("latin1").encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ReadOptions.defaults().withEncoding("klingon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'klingon' is not an encoding Java knows; use a name such as UTF-8, windows-1252 or ISO-8859-1");
        assertThatThrownBy(() -> ReadOptions.defaults().withEncoding("UTF-16"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the encoding UTF-16 cannot be read");
        assertThatThrownBy(() -> ReadOptions.defaults().withMaxLineLength(0))
                .hasMessage("the longest line must be 1 to 1,073,741,824 bytes, not 0");
    }

    @Test
    void theDefaultLimitIsOneMebibyteAndALineOfExactlyThatLengthIsRead() throws IOException {
        assertThat(ReadOptions.defaults().maxLineLength()).isEqualTo(ReadOptions.DEFAULT_MAX_LINE_LENGTH)
                .isEqualTo(1_048_576);
        String prefix = "a,";
        String atLimit = prefix + "x".repeat(ReadOptions.DEFAULT_MAX_LINE_LENGTH - prefix.length());
        Path csv = dir.resolve("limit.csv");
        Files.writeString(csv, "id,attr.note\n" + atLimit + "\nb," + atLimit + "\r\nc,ok\n");
        Path jsonl = dir.resolve("limit.jsonl");
        String object = "{\"id\":\"a\",\"name\":\"" + "x".repeat(100) + "\"}";
        String padded = object + " ".repeat(ReadOptions.DEFAULT_MAX_LINE_LENGTH - object.length());
        Files.writeString(jsonl, padded + "\r\n" + padded + " \n{\"id\":\"c\"}\n");

        List<AccountRecord> fromCsv = read(csv);
        List<AccountRecord> fromJson = read(jsonl);

        assertThat(fromCsv).hasSize(3);
        assertThat(fromCsv.get(0).accountId()).isEqualTo("a"); // read whole; whatever its value's fate, not too long
        assertThat(String.valueOf(fromCsv.get(0).error())).doesNotContain("--max-line-length");
        assertThat(fromCsv.get(1).error()).isEqualTo("the line is 1,048,578 bytes long, over the limit of 1,048,576 "
                + "(--max-line-length)");
        assertThat(fromCsv.get(2).isError()).isFalse();
        assertThat(fromJson).hasSize(3);
        assertThat(fromJson.get(0).isError()).isFalse();
        assertThat(fromJson.get(1).error()).isEqualTo("the line is 1,048,577 bytes long, over the limit of 1,048,576 "
                + "(--max-line-length)");
        assertThat(fromJson.get(2).accountId()).isEqualTo("c");
    }

    @Test
    void messagesListAFewColumnsAndCountTheRest() throws IOException {
        String header = "id," + IntStream.range(0, 5000).mapToObj(i -> "col" + i).collect(Collectors.joining(","));
        Path file = dir.resolve("wide.csv");
        Files.writeString(file, header + "\na\n");
        Path json = dir.resolve("wide.jsonl");
        Files.writeString(json, "{\"id\":\"a\"," + IntStream.range(0, 5000).mapToObj(i -> "\"k" + i + "\":1")
                .collect(Collectors.joining(",")) + "}\n");

        assertThatThrownBy(() -> read(file)).isInstanceOf(InputFileException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1000).contains("... (4,990 more)"));
        assertThat(read(json)).singleElement().satisfies(r -> assertThat(r.error())
                .hasSizeLessThan(1000).contains("'k9', ... (4,990 more)"));
    }
}

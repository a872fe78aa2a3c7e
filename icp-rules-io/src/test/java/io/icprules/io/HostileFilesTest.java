package io.icprules.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Files nobody cleaned: every hostile value has a defined outcome, and nothing is dropped. */
class HostileFilesTest {

    @TempDir
    Path dir;

    List<AccountRecord> read(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        try (AccountReader reader = AccountReader.open(file); Stream<AccountRecord> records = reader.records()) {
            return records.toList();
        }
    }

    List<AccountRecord> csv(String text) throws IOException {
        return read("a.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hostileNumbersAndDates() throws IOException {
        List<AccountRecord> r = csv("id,employees,annual_revenue,founded_year,attr.score,attr.since\n"
                + "a,99999999999,,,,\n"                      // does not fit a headcount
                + "b,-3,,,,\n"                               // negative
                + "c,,99999999999999999999999,,,\n"          // beyond a long
                + "d,,,1899,NaN,\n"                          // old is fine; NaN stays text
                + "e,,,99999,,\n"                            // five-digit year
                + "f,,,,,9999-12-31\n"                       // far future date is a date
                + "g,1e3,,,,\n");                            // scientific notation is not a headcount
        assertThat(r).hasSize(7);
        assertThat(r.get(0).error()).contains("employees").contains("99999999999");
        assertThat(r.get(1).error()).contains("employees").contains("-3");
        assertThat(r.get(2).error()).contains("annual_revenue");
        assertThat(r.get(3).isError()).isFalse();
        assertThat(r.get(3).facts().account().getFoundedYear()).isEqualTo(1899);
        assertThat(r.get(3).facts().account().getAttributes().get("score")).isEqualTo("NaN");
        assertThat(r.get(4).error()).contains("founded_year");
        assertThat(r.get(5).facts().account().getAttributes().get("since")).isEqualTo(java.time.LocalDate.of(9999, 12, 31));
        assertThat(r.get(6).error()).contains("employees");
        assertThat(r).extracting(AccountRecord::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void aTenMegabyteLineIsAnErrorRecordAndTheNextRowsStillRead() throws IOException {
        Path file = dir.resolve("big.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("id,name\nfirst,ok\nhuge,\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 10; i++) {
                out.write(chunk);
            }
            out.write("\"\nlast,ok\n".getBytes(StandardCharsets.UTF_8));
        }
        List<AccountRecord> r;
        try (AccountReader reader = AccountReader.open(file); Stream<AccountRecord> records = reader.records()) {
            r = records.toList();
        }
        assertThat(r).hasSize(3);
        assertThat(r.get(1).accountId()).isEqualTo("huge"); // the cells before the limit are read
        assertThat(r.get(1).error()).isEqualTo("the line is 10,485,767 bytes long, over the limit of 1,048,576 "
                + "(--max-line-length)");
        assertThat(r.get(2).accountId()).isEqualTo("last");
        assertThat(r.get(2).isError()).isFalse();
    }

    @Test
    void byteOrderMarkAndWindowsLineEndings() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "id,industry\r\na,Retail\r\nb,Grocery\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        List<AccountRecord> r = read("bom.csv", all);
        assertThat(r).extracting(AccountRecord::accountId).containsExactly("a", "b");
        assertThat(r.get(1).facts().account().getIndustry()).isEqualTo("Grocery");
    }

    @Test
    void invalidUtf8IsReportedNotGuessed() throws IOException {
        byte[] head = "{\"id\":\"ok\"}\n{\"id\":\"bad".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}\n{\"id\":\"after\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xC3;
        all[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, all, head.length + 2, tail.length);
        List<AccountRecord> r = read("bad.jsonl", all);
        assertThat(r).hasSize(3);
        assertThat(r.get(1).isError()).isTrue();
        assertThat(r.get(1).error()).containsIgnoringCase("utf-8");
        assertThat(r.get(2).accountId()).isEqualTo("after");
    }
}

package io.icprules.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 200 MB line, CSV or JSON Lines, is one short error record, read in bounded memory: the files are
 * read by a JVM of its own with a 48 MB heap, four times less than the line.
 */
class HugeLinesTest {

    private static final long HUGE = 200L << 20; // 209,715,200 bytes

    @TempDir
    Path dir;

    @Test
    void aTwoHundredMegabyteLineIsOneShortErrorRecordReadInBoundedMemory() throws Exception {
        Path csv = dir.resolve("huge.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 16)) {
            write(out, "id,name\nfirst,ok\n");
            write(out, "huge,");
            repeat(out, 'x', HUGE - "huge,".length());
            write(out, "\r\nlast,ok\n");
        }
        Path jsonl = dir.resolve("huge.jsonl");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(jsonl), 1 << 16)) {
            String start = "{\"id\":\"huge\",\"name\":\"";
            write(out, start);
            repeat(out, 'x', HUGE - start.length() - 2);
            write(out, "\"}\n{\"id\":\"last\"}\n");
        }
        Path header = dir.resolve("header.csv"); // a single line of 10,000,000 columns
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(header), 1 << 16)) {
            byte[] column = "a,".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 10_000_000; i++) {
                out.write(column);
            }
        }

        List<String> seen = readElsewhere("-Xmx48m", csv, jsonl, header);

        assertThat(seen).containsExactly(
                "huge.csv: 3 records",
                "huge.csv line 3 (account huge): the line is 209,715,200 bytes long, over the limit of 1,048,576 "
                        + "(--max-line-length)",
                "huge.jsonl: 2 records",
                "huge.jsonl line 1: the line is 209,715,200 bytes long, over the limit of 1,048,576 (--max-line-length)",
                "header.csv: refused: " + header + ": line 1: the header cannot be read: the line is 20,000,000 bytes "
                        + "long, over the limit of 1,048,576 (--max-line-length)");
    }

    /** Reads the files in a JVM of its own, with the given options, and returns what {@link #main} printed. */
    private static List<String> readElsewhere(String jvmOption, Path... files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                jvmOption, "-cp", System.getProperty("java.class.path"), HugeLinesTest.class.getName()));
        Arrays.stream(files).map(Path::toString).forEach(command::add);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text.lines().toList();
    }

    /**
     * Reads each file given and prints its record count and error records, or why it is refused.
     *
     * @param args the files
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        for (String a : args) {
            Path file = Path.of(a);
            String name = String.valueOf(file.getFileName());
            try (AccountReader reader = AccountReader.open(file); Stream<AccountRecord> records = reader.records()) {
                List<AccountRecord> all = records.toList();
                System.out.println(name + ": " + all.size() + " records");
                all.stream().filter(AccountRecord::isError).forEach(r -> System.out.println(name + " " + r.describe()));
            } catch (InputFileException e) {
                System.out.println(name + ": refused: " + e.getMessage());
            }
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void repeat(OutputStream out, char c, long count) throws IOException {
        byte[] chunk = new byte[1 << 16];
        Arrays.fill(chunk, (byte) c);
        for (long left = count; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(left, chunk.length));
        }
    }
}

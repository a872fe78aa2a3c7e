package io.icprules.cli;

import io.icprules.io.ExitCodes;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code icp score} with events and contacts files: in the accounts file's order they are read
 * alongside the accounts, otherwise held in memory with a note; the output is the same byte for byte.
 */
class ScoreRelatedFilesTest {

    private static final String RULES = "../icp-rules-examples/rulesets/workforce-scheduling";
    private static final String OTHER_RULES = "../icp-rules-examples/rulesets/growth-agency";

    @TempDir
    Path dir;

    private Path inOrder;
    private Path reordered;

    /** What one run wrote. */
    private record Run(int code, byte[] output, List<String> err) {
    }

    /**
     * Generated files, and a copy whose events and contacts list the accounts backwards: each account
     * gets the same rows in the same order, but only memory can join them.
     */
    @BeforeEach
    void files() throws IOException {
        inOrder = dir.resolve("in-order");
        assertThat(run(inOrder.resolve("unused"), "generate", "--count", "3000", "--seed", "4", "--out-dir",
                inOrder.toString()).code()).isEqualTo(ExitCodes.OK);
        reordered = dir.resolve("reordered");
        Files.createDirectories(reordered);
        Files.copy(inOrder.resolve("accounts.csv"), reordered.resolve("accounts.csv"));
        for (String f : List.of("events.csv", "contacts.csv")) {
            Files.write(reordered.resolve(f), accountsBackwards(Files.readAllLines(inOrder.resolve(f))));
        }
    }

    private static List<String> accountsBackwards(List<String> lines) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String row : lines.subList(1, lines.size())) {
            groups.computeIfAbsent(row.substring(0, row.indexOf(',')), k -> new ArrayList<>()).add(row);
        }
        List<List<String>> backwards = new ArrayList<>(groups.values());
        Collections.reverse(backwards);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        backwards.forEach(out::addAll);
        return out;
    }

    private static Run run(Path result, String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = IcpCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        byte[] written = Files.exists(result) ? Files.readAllBytes(result) : new byte[0];
        return new Run(code, written, Arrays.asList(err.toString().split("\n")));
    }

    private Run score(Path data, String name, String... rules) throws IOException {
        Path result = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("score"));
        for (String r : rules) {
            args.addAll(List.of("--rules", r));
        }
        args.addAll(List.of("--accounts", data.resolve("accounts.csv").toString(),
                "--events", data.resolve("events.csv").toString(), "--contacts", data.resolve("contacts.csv").toString(),
                "--as-of", "2026-11-01", "--out", result.toString()));
        return run(result, args.toArray(String[]::new));
    }

    private static List<String> notes(Run run) {
        return run.err().stream().filter(l -> l.startsWith("icp score: note: ")).toList();
    }

    private static List<String> withoutNotes(Run run) {
        return run.err().stream().filter(l -> !l.startsWith("icp score: note: ")).toList();
    }

    @Test
    void filesInTheAccountsOrderStreamAndScoreExactlyAsFromMemory() throws IOException {
        Run streamed = score(inOrder, "streamed.csv", RULES);
        Run held = score(reordered, "held.csv", RULES);

        assertThat(streamed.code()).as(String.join("\n", streamed.err())).isEqualTo(ExitCodes.OK);
        assertThat(notes(streamed)).isEmpty();
        assertThat(held.code()).isEqualTo(ExitCodes.OK);
        assertThat(notes(held)).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(notes(held).get(i)).matches("icp score: note: " + List.of("events", "contacts").get(i)
                    + "\\.csv is held in memory, so memory grows with its size: it is not in the order of accounts\\.csv: "
                    + "line \\d+ \\(account (acc-\\d+)\\) follows rows for account acc-\\d+, which accounts\\.csv lists "
                    + "after \\1; sorted like accounts\\.csv \\(by account_id when the accounts are sorted by id\\), it "
                    + "would be read alongside the accounts instead");
        }
        assertThat(streamed.output()).isNotEmpty().isEqualTo(held.output());
        assertThat(withoutNotes(streamed)).isEqualTo(withoutNotes(held));
    }

    @Test
    void theEventsAndContactsMatterToTheseScores() throws IOException {
        Path result = dir.resolve("alone.csv");
        Run alone = run(result, "score", "--rules", RULES, "--accounts", inOrder.resolve("accounts.csv").toString(),
                "--as-of", "2026-11-01", "--out", result.toString());

        assertThat(alone.output()).isNotEqualTo(score(inOrder, "streamed.csv", RULES).output());
    }

    @Test
    void severalProfilesToo() throws IOException {
        Run streamed = score(inOrder, "streamed.csv", RULES, OTHER_RULES);
        Run held = score(reordered, "held.csv", RULES, OTHER_RULES);

        assertThat(streamed.code()).as(String.join("\n", streamed.err())).isEqualTo(ExitCodes.OK);
        assertThat(notes(streamed)).isEmpty();
        assertThat(notes(held)).hasSize(2);
        assertThat(streamed.output()).isNotEmpty().isEqualTo(held.output());
        assertThat(withoutNotes(streamed)).isEqualTo(withoutNotes(held));
    }
}

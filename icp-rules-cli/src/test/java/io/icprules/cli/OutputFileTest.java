package io.icprules.cli;

import io.icprules.io.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Results replace the previous ones only when a run ends well, and never land in a ruleset folder. */
class OutputFileTest {

    @TempDir
    Path dir;

    private static long files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void aRunThatFailsLeavesThePreviousResultsAsTheyWere() throws IOException {
        Path results = dir.resolve("results.csv");
        Files.writeString(results, "previous results\n");
        try (OutputFile out = OutputFile.open(results)) {
            out.writer().write("half of the new resul");
            // the run fails here: no commit
        }
        assertThat(Files.readString(results)).isEqualTo("previous results\n");
        assertThat(files(dir)).as("no temporary file left behind").isEqualTo(1);
    }

    @Test
    void aRunThatEndsWellReplacesThemAtOnce() throws IOException {
        Path results = dir.resolve("results.csv");
        Files.writeString(results, "previous results\n");
        try (OutputFile out = OutputFile.open(results)) {
            out.writer().write("new results\n");
            assertThat(Files.readString(results)).as("untouched while writing").isEqualTo("previous results\n");
            out.commit();
        }
        assertThat(Files.readString(results)).isEqualTo("new results\n");
        assertThat(files(dir)).isEqualTo(1);
    }

    @Test
    void scoreRefusesAnOutputFileInsideTheRulesetFolderAndOneInAMissingFolder() throws IOException {
        Path rules = io.icprules.testing.TinyRuleset.write(dir);
        Path accounts = io.icprules.testing.TestFiles.write(dir, "a.csv", "id,industry,employees\na,Retail,200\n");
        StringWriter err = new StringWriter();
        int code = IcpCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "score", "--rules",
                rules.toString(), "--accounts", accounts.toString(), "--as-of", "2026-11-01",
                "--out", rules.resolve("results.csv").toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("is inside the ruleset folder").contains("write them elsewhere");
        assertThat(Files.exists(rules.resolve("results.csv"))).isFalse();

        StringWriter err2 = new StringWriter();
        code = IcpCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err2), "score", "--rules",
                rules.toString(), "--accounts", accounts.toString(), "--as-of", "2026-11-01",
                "--out", dir.resolve("nope/results.csv").toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err2.toString()).contains("the folder of the output file does not exist");
    }

    @Test
    void aSuccessfulScoreLeavesOnlyTheResults() throws IOException {
        Path rules = io.icprules.testing.TinyRuleset.write(dir.resolve("r"));
        Path out = Files.createDirectories(dir.resolve("out")).resolve("results.csv");
        Path accounts = io.icprules.testing.TestFiles.write(dir, "a.csv",
                "id,industry,employees\na,Retail,200\nb,Retail,lots\n");
        StringWriter err = new StringWriter();
        int code = IcpCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "score",
                "--rules", rules.toString(), "--accounts", accounts.toString(), "--as-of", "2026-11-01",
                "--out", out.toString());
        assertThat(code).isEqualTo(ExitCodes.RECORD_ERRORS);
        assertThat(err.toString()).contains("rows read 2, records written 2, error records 1");
        assertThat(Files.readString(out)).startsWith("line,account_id,decision");
        assertThat(files(out.getParent())).isEqualTo(1);
    }

    @Test
    void inputsThatAreNoFilesAreNamedPrecisely() throws IOException {
        assertThat(InputFiles.problem(dir, "accounts file")).get().asString().contains("is a folder, not a file");
        assertThat(InputFiles.problem(Path.of("/dev/null"), "accounts file")).get().asString()
                .contains("/dev/null is a device, not a file");
        assertThat(InputFiles.problem(dir.resolve("missing.csv"), "accounts file")).get().asString()
                .isEqualTo("accounts file not found: " + dir.resolve("missing.csv"));
        Path fifo = dir.resolve("pipe");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        try {
            if (p.waitFor() == 0) {
                assertThat(InputFiles.problem(fifo, "accounts file")).get().asString().contains("is a pipe");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void scoreNamesADeviceGivenAsTheAccountsFile() throws IOException {
        Path rules = io.icprules.testing.TinyRuleset.write(dir);
        StringWriter err = new StringWriter();
        int code = IcpCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "score", "--rules",
                rules.toString(), "--accounts", "/dev/null", "--as-of", "2026-11-01");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("/dev/null is a device, not a file");
    }
}

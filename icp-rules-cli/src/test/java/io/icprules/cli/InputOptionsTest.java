package io.icprules.cli;

import io.icprules.io.ExitCodes;
import io.icprules.io.ReadOptions;
import io.icprules.testing.TinyRuleset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --encoding} and {@code --max-line-length}, on every command that reads accounts. */
class InputOptionsTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    private Path rules;
    private Path accounts;
    private Path events;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = IcpCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Accounts and events as Excel saves them on Windows: windows-1252. */
    @BeforeEach
    void files() throws IOException {
        rules = TinyRuleset.write(dir);
        accounts = dir.resolve("accounts.csv");
        Files.write(accounts, ("id,name,industry,employees,country\n"
                + "fit-1,M\u00fcller Shop,Retail,200,US\n"
                + "fit-2,Plain Shop,Retail,200,US\n").getBytes(WINDOWS_1252));
        events = dir.resolve("events.csv");
        Files.write(events, ("account_id,type,date,details\n"
                + "fit-2,funding_round,2026-09-22,round=S\u00e9rie B\n").getBytes(WINDOWS_1252));
    }

    private Run score(String... more) {
        String[] base = {"score", "--rules", rules.toString(), "--accounts", accounts.toString(), "--events",
            events.toString(), "--as-of", "2026-11-01"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return run(args);
    }

    @Test
    void scoreSaysWhichEncodingAFileLooksLikeAndReadsItWhenTold() {
        Run asUtf8 = score();
        assertThat(asUtf8.exit()).as(asUtf8.err()).isEqualTo(ExitCodes.RECORD_ERRORS);
        assertThat(asUtf8.out().lines()).hasSize(3); // the header and one record per row
        assertThat(asUtf8.out()).contains("bytes that are not UTF-8 (0xFC at byte 8); the file looks like Windows-1252: "
                + "pass --encoding windows-1252")
                .contains("events.csv line 2: bytes that are not UTF-8 (0xE9 at byte 39)");

        Run asWindows1252 = score("--encoding", "windows-1252");
        assertThat(asWindows1252.exit()).as(asWindows1252.err()).isEqualTo(ExitCodes.OK);
        assertThat(asWindows1252.out()).doesNotContain("ERROR").contains("fit-1").contains("fit-2");
    }

    @Test
    void scoreTakesTheLongestLine() {
        Run shortLines = score("--encoding", "cp1252", "--max-line-length", "40");
        assertThat(shortLines.exit()).isEqualTo(ExitCodes.RECORD_ERRORS);
        assertThat(shortLines.out()).contains("events.csv line 2: the line is 44 bytes long, over the limit of 40 "
                + "(--max-line-length)");
        assertThat(score("--encoding", "cp1252", "--max-line-length", "1,048,576").exit()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void anUnusableEncodingOrLengthIsAUsageErrorInWords() {
        Run unknown = score("--encoding", "klingon");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("'klingon' is not an encoding Java knows; use a name such as UTF-8, "
                + "windows-1252 or ISO-8859-1").doesNotContain("Exception").doesNotContain("Charset");
        Run utf16 = score("--encoding", "UTF-16");
        assertThat(utf16.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(utf16.err()).contains("the encoding UTF-16 cannot be read");
        Run notANumber = score("--max-line-length", "lots");
        assertThat(notANumber.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(notANumber.err()).contains("'lots' is not a number of bytes");
        assertThat(score("--max-line-length", "0").err()).contains("the longest line must be 1 to 1,073,741,824 bytes");
    }

    @Test
    void explainAndValidateTakeTheEncodingToo() {
        Run explained = run("explain", "--rules", rules.toString(), "--account", "fit-1", "--accounts",
                accounts.toString(), "--as-of", "2026-11-01", "--encoding", "windows-1252");
        assertThat(explained.exit()).as(explained.err()).isEqualTo(ExitCodes.OK);
        Run unreadable = run("explain", "--rules", rules.toString(), "--account", "fit-1", "--accounts",
                accounts.toString(), "--as-of", "2026-11-01");
        assertThat(unreadable.exit()).isEqualTo(ExitCodes.RECORD_ERRORS);
        assertThat(unreadable.err()).contains("line 2: bytes that are not UTF-8").contains("--encoding windows-1252");
        Run validated = run("validate", "--rules", rules.toString(), "--data", accounts.toString(), "--events",
                events.toString(), "--encoding", "windows-1252");
        assertThat(validated.exit()).as(validated.out() + validated.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void everyCommandThatReadsAccountsTakesTheOptionsAndDocumentsTheDefaults() {
        CommandLine root = new CommandLine(new IcpCommand());
        int readers = 0;
        for (CommandLine sub : root.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--accounts") != null || spec.findOption("--data") != null) {
                readers++;
                assertThat(spec.findOption("--encoding")).as(sub.getCommandName()).isNotNull();
                assertThat(spec.findOption("--max-line-length")).as(sub.getCommandName()).isNotNull();
            }
        }
        assertThat(readers).isEqualTo(7); // score, explain, validate, backtest, discover, compare, audit
        Run help = run("score", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("--encoding=NAME").contains("Default: UTF-8")
                .contains("--max-line-length=BYTES").contains("Default: " + ReadOptions.DEFAULT_MAX_LINE_LENGTH + " (1 MiB)");
    }
}

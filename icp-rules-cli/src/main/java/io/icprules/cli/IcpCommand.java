package io.icprules.cli;

import io.icprules.io.ExitCodes;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The {@code icp} command: scores accounts against an ICP ruleset ({@code icp score}), runs a
 * ruleset's fit test cases ({@code icp test}), explains one account's result ({@code icp explain}),
 * checks a ruleset ({@code icp validate}), writes synthetic accounts ({@code icp generate}) and
 * histories ({@code icp history}), backtests a profile against deal outcomes ({@code icp backtest}),
 * finds the rules the data suggests ({@code icp discover}),
 * previews a new ruleset version ({@code icp compare}) and audits open pipeline ({@code icp audit}).
 *
 * <p>{@link #run(PrintWriter, PrintWriter, String...)} runs a command line and returns its exit code
 * without exiting, so that it can be called from tests and other programs; only {@link #main} exits.
 */
@Command(name = "icp",
        mixinStandardHelpOptions = true,
        versionProvider = IcpCommand.Version.class,
        description = "Decides how well B2B accounts fit an Ideal Customer Profile written as Drools rules, and says why.",
        subcommands = {ScoreCommand.class, TestCommand.class, ExplainCommand.class, ValidateCommand.class,
            BacktestCommand.class, DiscoverCommand.class, CompareCommand.class, AuditCommand.class, GenerateCommand.class,
            HistoryCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the ruleset does not compile",
            "2:usage error or unusable input file",
            "3:finished, but some records are error records (or, for test, some cases failed)",
            "4:unexpected failure",
            "5:icp audit found open deals the profile now disqualifies or excludes",
        })
public final class IcpCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills it from the command line. */
    public IcpCommand() {
    }

    /** Without a subcommand there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("icp: a command is required (score, test, explain, validate, "
                + "generate, backtest, discover, compare, audit or history)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * Runs a command line with standard output and standard error (UTF-8).
     *
     * @param args the arguments, such as {@code score --rules r --accounts a.csv}
     * @return the exit code (see {@link ExitCodes})
     */
    public static int run(String... args) {
        // Straight to the file descriptor, not through System.out: System.out swallows write errors,
        // and a closed pipe must be noticed so that scoring stops.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return run(out, err, args);
    }

    /**
     * Runs a command line, writing results to {@code out} and messages to {@code err}.
     *
     * @param out  where results go when no output file is given; flushed, not closed
     * @param err  where messages, diagnostics and the summary go; flushed, not closed
     * @param args the arguments
     * @return the exit code (see {@link ExitCodes})
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new IcpCommand())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .registerConverter(java.time.LocalDate.class, new DateOption())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("icp " + cmd.getCommandName() + ": failed: " + Failures.describe(e));
                    return ExitCodes.FAILURE;
                });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("icp: ran out of memory (" + Failures.heap() + "); give the Java heap more room, for example"
                    + " JAVA_OPTS=-Xmx2g, or read a file with fewer or shorter rows");
            return ExitCodes.FAILURE;
        } catch (RuntimeException | Error e) {
            err.println("icp: failed: " + Failures.describe(e));
            return ExitCodes.FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // Drools logs through SLF4J; its informational messages would bury the summary.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(run(args));
    }

    /** Reports the version Maven records in the jar ({@code META-INF/maven/.../pom.properties}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = IcpCommand.class.getResourceAsStream(
                    "/META-INF/maven/io.icprules/icp-rules-cli/pom.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"icp " + p.getProperty("version", "(development build)")};
        }
    }
}

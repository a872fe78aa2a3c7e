package io.icprules.cli;

import io.icprules.io.ExitCodes;

import io.icprules.io.synthetic.SyntheticAccounts;
import io.icprules.io.FileFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/**
 * {@code icp generate}: writes deterministic synthetic accounts (see {@link SyntheticAccounts}) for
 * demos and large runs.
 */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Writes deterministic synthetic accounts for demos and large runs.",
            "",
            "Writes synthetic accounts: accounts.csv, events.csv and contacts.csv (csv), or accounts.jsonl with "
                + "events and contacts embedded (jsonl). The same count, seed and anchor always give "
                + "byte-identical files."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the files were written",
            "2:usage error",
            "4:a file cannot be written",
        })
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many accounts.")
    private long count;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed.")
    private long seed = 42;

    @Option(names = "--out-dir", required = true, paramLabel = "DIR",
            description = "Folder to write into; created when missing. Existing files of the same names are replaced.")
    private Path outDir;

    @Option(names = "--format", paramLabel = "csv|jsonl", description = "File layout.")
    private FileFormat format = FileFormat.CSV;

    @Option(names = "--anchor", paramLabel = "YYYY-MM-DD",
            description = "Events are dated within two years before this date (never the wall clock).")
    private LocalDate anchor = SyntheticAccounts.DEFAULT_ANCHOR;

    @Override
    public Integer call() throws IOException {
        if (count < 0) {
            throw new ParameterException(spec.commandLine(), "--count must be 0 or more, was " + count);
        }
        SyntheticAccounts.Written w = format == FileFormat.CSV
                ? SyntheticAccounts.writeCsv(outDir, count, seed, anchor)
                : SyntheticAccounts.writeJsonLines(outDir, count, seed, anchor);
        spec.commandLine().getErr().println("Wrote " + w.accounts() + " accounts, " + w.events() + " events and "
                + w.contacts() + " contacts (seed " + seed + ", anchor " + anchor + ") to " + w.files());
        return ExitCodes.OK;
    }
}

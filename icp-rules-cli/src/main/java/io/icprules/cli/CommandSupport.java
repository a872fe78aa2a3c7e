package io.icprules.cli;

import io.icprules.io.ExitCodes;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.error.RulesetException;
import io.icprules.evidence.AccountBook;
import io.icprules.evidence.DealMapping;
import io.icprules.io.ColumnMapping;
import io.icprules.io.FileFormat;
import io.icprules.io.InputFileException;
import io.icprules.io.OrphanRows;
import io.icprules.io.ReadOptions;
import io.icprules.evidence.report.HtmlReports;
import io.icprules.evidence.report.ReportJson;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the evidence commands ({@code backtest}, {@code compare}, {@code audit}, {@code history})
 * share: checking files before any work, compiling rulesets, loading accounts and writing reports.
 * Each check prints its problem prefixed with the command's name and ends the command through
 * {@link Stop} with the exit code that fits.
 */
final class CommandSupport {

    /** Ends a command early; the reason has been printed. */
    static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        Stop(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    private final String command;
    private final PrintWriter err;

    CommandSupport(String command, PrintWriter err) {
        this.command = command;
        this.err = err;
    }

    /** Prints a usage problem and returns the stop to throw. */
    Stop usage(String problem) {
        err.println("icp " + command + ": " + problem);
        return new Stop(ExitCodes.USAGE);
    }

    void requireRulesFolder(Path dir) throws Stop {
        if (!Files.isDirectory(dir)) {
            throw usage("ruleset folder not found: " + dir);
        }
    }

    /** Checks that each given file (nulls skipped) exists and can be read. */
    void requireReadable(Path... files) throws Stop {
        for (Path p : files) {
            if (p != null) {
                java.util.Optional<String> problem = InputFiles.problem(p, "file");
                if (problem.isPresent()) {
                    throw usage(problem.get());
                }
            }
        }
    }

    /** Checks the layouts of the accounts, events and contacts files from their names. */
    void requireAccountFormats(Path accounts, Path events, Path contacts) throws Stop {
        if (FileFormat.fromFileName(accounts).isEmpty()) {
            throw usage("cannot tell the format of " + accounts + " from its name; use the extension .csv, .jsonl or .ndjson");
        }
        requireRelatedFormats(events, contacts);
    }

    /** Checks that the events and contacts files (nulls skipped) are CSV files. */
    void requireRelatedFormats(Path events, Path contacts) throws Stop {
        for (Path p : new Path[] {events, contacts}) {
            if (p != null && FileFormat.fromFileName(p).orElse(null) != FileFormat.CSV) {
                throw usage("the events and contacts files must be .csv files: " + p);
            }
        }
    }

    /** Checks that a report can be written to {@code out} without overwriting an input. */
    void requireWritable(Path out, Path... inputs) throws Stop {
        if (out == null) {
            return;
        }
        if (Files.isDirectory(out)) {
            throw usage("the report would replace a folder: " + out);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw usage("the folder of the report file does not exist: " + parent);
        }
        if (Files.exists(out)) {
            for (Path in : inputs) {
                try {
                    if (in != null && Files.exists(in) && Files.isSameFile(in, out)) {
                        throw usage("the report would overwrite the input file " + in);
                    }
                } catch (IOException e) {
                    throw usage("cannot check " + out + ": " + e.getMessage());
                }
            }
        }
    }

    /** Compiles a ruleset; every diagnostic is printed when it does not compile. */
    FitEngine compile(Path dir) throws Stop {
        FitEngine engine;
        try {
            engine = IcpRules.builder().ruleset(RulesetSource.fromDirectory(dir)).build();
        } catch (RulesetException e) {
            err.println("icp " + command + ": the ruleset in " + dir + " does not compile:");
            e.diagnostics().forEach(err::println);
            throw new Stop(ExitCodes.RULESET_ERROR);
        } catch (UncheckedIOException e) {
            throw usage("cannot read the ruleset folder " + dir + ": " + e.getCause().getMessage());
        }
        for (Diagnostic w : engine.warnings()) {
            err.println(w);
        }
        return engine;
    }

    /** Reads a whole input file with a reader that may refuse it as a whole. */
    <T> T read(Path file, IoFunction<Path, T> reader) throws Stop, IOException {
        try {
            return reader.apply(file);
        } catch (InputFileException e) {
            throw usage(e.getMessage());
        }
    }

    AccountBook accounts(Path accounts, ColumnMapping mapping, Path events, Path contacts, ReadOptions options)
            throws Stop, IOException {
        try {
            return AccountBook.load(accounts, mapping, events, contacts, options);
        } catch (InputFileException e) {
            throw usage(e.getMessage());
        }
    }

    /**
     * Reads a deals mapping ({@code --outcomes-mapping}, {@code --pipeline-mapping}).
     *
     * @return the mapping, or null when {@code file} is null
     */
    DealMapping dealMapping(Path file, DealMapping.Layout layout) throws Stop, IOException {
        return file == null ? null : read(file, f -> DealMapping.load(f, layout));
    }

    /**
     * Reads a deals file: in its own layout when {@code mapping} is null, else through the mapping,
     * looking accounts up by name in {@code book} when the mapping says so. Without a mapping, or with
     * one that maps account ids, it can be read before the accounts ({@code book} null), so that a bad
     * header stops the command before the accounts are loaded.
     *
     * @return the records, or null when the mapping needs the accounts and {@code book} is null
     */
    <T> List<T> deals(Path file, DealMapping mapping, AccountBook book, IoFunction<Path, List<T>> plain,
                      MappedReader<T> mapped) throws Stop, IOException {
        if (mapping == null) {
            return read(file, plain);
        }
        if (mapping.byAccountName() && book == null) {
            return null;
        }
        return read(file, f -> mapped.read(f, mapping, book));
    }

    /** Reads a deals file through a mapping. */
    @FunctionalInterface
    interface MappedReader<T> {
        List<T> read(Path file, DealMapping mapping, AccountBook book) throws IOException;
    }

    /** @return true when an events or contacts row names no account at all: those rows are lost to every report */
    static boolean unattributed(List<OrphanRows> orphans) {
        return orphans.stream().anyMatch(o -> o.rowsWithoutAccount() > 0);
    }

    /** Writes the JSON and HTML reports that were asked for, and says where. */
    <R> void writeReports(R report, Path json, Path html, Function<R, String> page) throws IOException {
        Objects.requireNonNull(report, "report");
        if (json != null) {
            ReportJson.write(report, json);
            err.println("Wrote " + json);
        }
        if (html != null) {
            HtmlReports.write(page.apply(report), html);
            err.println("Wrote " + html);
        }
    }

    /** A function that reads a file. */
    @FunctionalInterface
    interface IoFunction<A, B> {
        B apply(A a) throws IOException;
    }
}

package io.icprules.cli;

import io.icprules.io.ExitCodes;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.ProfileSet;
import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.error.RulesetException;
import io.icprules.result.RulesetInfo;
import io.icprules.io.AccountReader;
import io.icprules.io.AccountReaderFactory;
import io.icprules.io.FileFormat;
import io.icprules.io.InputFileException;
import io.icprules.io.OrphanRows;
import io.icprules.io.OutOfOrder;
import io.icprules.io.ProfiledRecord;
import io.icprules.io.ProfilesResultWriter;
import io.icprules.io.RelatedFacts;
import io.icprules.io.ResultWriter;
import io.icprules.io.ScoredRecord;
import io.icprules.io.score.ProfileScorer;
import io.icprules.io.score.ProfilesSummary;
import io.icprules.io.score.RecordScorer;
import io.icprules.io.score.ScoreSummary;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code icp score}: scores every account of a file with a ruleset folder and writes one result per
 * account, in input order, streaming from input to output so that memory does not grow with the
 * file; events and contacts files in the accounts file's order are read alongside it, others are held
 * in memory with a note saying why (see {@link RelatedFacts#open}). With several ruleset folders,
 * every account is scored against each profile (a {@link ProfileSet}) and the output has a group of
 * columns per profile and the best fit.
 */
@Command(name = "score",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Scores every account of a file against a ruleset, or against several (repeat --rules).",
            "",
            "Reads accounts from CSV or JSON Lines and writes one result per account, in input order, as CSV "
                + "or JSON Lines. A row that cannot be read becomes an ERROR record with its line number; no row "
                + "is ever dropped.",
            "A summary (counts by decision, tiers among fits, ruleset name@version (hash), the as-of date, "
                + "unmatched event and contact rows) is printed to stderr.",
            "With several --rules, each output record has a column group per profile (<profile>.decision, "
                + "<profile>.tier, <profile>.score, ...) and best_profile, the highest-scoring FIT profile; JSON "
                + "Lines records have a profiles object. The summary counts decisions per profile and best fits."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every record was scored",
            "1:the ruleset does not compile (with several --rules: one of them); every problem is printed to stderr "
                + "as file:line:col: error: message",
            "2:usage error, or an input file is missing or unusable as a whole (unknown extension, unknown CSV "
                + "column, missing header, a column mapping with mistakes or that does not fit the file's header)",
            "3:finished, but some records are error records (bad rows, bad event or contact rows, failed "
                + "evaluations), or some event or contact rows name no account",
            "4:unexpected failure, such as an output file that cannot be written",
        })
final class ScoreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "DIR",
            description = "Ruleset folder: ruleset.properties and .drl files. Repeat it to score against several "
                    + "profiles, each named by its ruleset's name: the output then has a group of columns per "
                    + "profile and the best-fitting profile.")
    private List<Path> rules;

    @Option(names = "--accounts", required = true, paramLabel = "FILE",
            description = "Accounts file; .csv, or .jsonl/.ndjson for JSON Lines.")
    private Path accounts;

    @Mixin
    private AccountMapping mapping;

    @Option(names = "--events", paramLabel = "FILE",
            description = "Events CSV: account_id,type,date,details (details as key=value;key=value). Read alongside "
                    + "the accounts when in their order (such as both sorted by id), else held in memory.")
    private Path events;

    @Option(names = "--contacts", paramLabel = "FILE",
            description = "Contacts CSV: account_id,name,title,role,seniority,department. Read alongside the accounts "
                    + "when in their order, else held in memory.")
    private Path contacts;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Evaluation date: event ages are counted up to it. Default: today.")
    private LocalDate asOf;

    @Option(names = "--format", paramLabel = "csv|jsonl",
            description = "Output format. Default: jsonl when --out ends in .jsonl or .ndjson, else csv.")
    private FileFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file. Default: standard output.")
    private Path out;

    @Mixin
    private InputOptions input;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        String problem = checkInputs();
        if (problem != null) {
            err.println("icp score: " + problem);
            return ExitCodes.USAGE;
        }
        FileFormat outFormat = format != null ? format
                : out != null ? FileFormat.fromFileName(out).orElse(FileFormat.CSV) : FileFormat.CSV;
        LocalDate date = asOf != null ? asOf : LocalDate.now();

        // Open the accounts first: a bad header must stop the run before the ruleset is even compiled.
        try {
            mapping.mapping();
            AccountReaderFactory accountFile = () -> mapping.open(accounts, input.options());
            try (AccountReader reader = accountFile.open()) {
                return rules.size() > 1 ? scoreProfiles(accountFile, reader, outFormat, date)
                        : score(accountFile, reader, outFormat, date);
            }
        } catch (InputFileException e) {
            err.println("icp score: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    /** One ruleset: every account scored, one result each. */
    private int score(AccountReaderFactory accountFile, AccountReader reader, FileFormat outFormat, LocalDate date)
            throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Path ruleset = rules.get(0);
        FitEngine engine;
        try {
            engine = IcpRules.builder().ruleset(RulesetSource.fromDirectory(ruleset)).build();
        } catch (RulesetException e) {
            err.println("icp score: the ruleset in " + ruleset + " does not compile:");
            e.diagnostics().forEach(err::println);
            return ExitCodes.RULESET_ERROR;
        } catch (UncheckedIOException e) {
            err.println("icp score: cannot read the ruleset folder " + ruleset + ": " + e.getCause().getMessage());
            return ExitCodes.USAGE;
        }
        try (engine) {
            for (Diagnostic w : engine.warnings()) {
                err.println(w);
            }
            try (RelatedFacts related = openRelated(accountFile)) {
                ScoreSummary summary = new ScoreSummary(engine.ruleset(), date);
                Writer target = openTarget();
                try {
                    try (Stream<ScoredRecord> results = RecordScorer.score(engine, countRows(reader.records()).map(related::attach), date);
                         ResultWriter writer = ResultWriter.create(outFormat, target)) {
                        pump(results, target, r -> {
                            writer.write(r);
                            summary.add(r);
                        });
                    }
                    commitTarget();
                } finally {
                    closeTarget(target);
                }
                checkWritten(target);
                List<OrphanRows> orphans = related.orphans();
                summary.print(err, String.valueOf(accounts.getFileName()), orphans);
                printCounts(err, summary.errors());
                boolean unattributed = orphans.stream().anyMatch(o -> o.rowsWithoutAccount() > 0);
                return summary.errors() > 0 || unattributed ? ExitCodes.RECORD_ERRORS : ExitCodes.OK;
            }
        }
    }

    /** Several rulesets: every account against every profile, a column group per profile and the best fit. */
    private int scoreProfiles(AccountReaderFactory accountFile, AccountReader reader, FileFormat outFormat,
                              LocalDate date) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Map<Path, FitEngine> engines = new LinkedHashMap<>();
        int failure = ExitCodes.OK;
        for (Path dir : rules) {
            try {
                engines.put(dir, IcpRules.builder().ruleset(RulesetSource.fromDirectory(dir)).build());
            } catch (RulesetException e) {
                err.println("icp score: the ruleset in " + dir + " does not compile:");
                e.diagnostics().forEach(err::println);
                failure = ExitCodes.RULESET_ERROR;
            } catch (UncheckedIOException e) {
                err.println("icp score: cannot read the ruleset folder " + dir + ": " + e.getCause().getMessage());
                failure = failure == ExitCodes.OK ? ExitCodes.USAGE : failure;
            }
        }
        Map<String, Path> named = new LinkedHashMap<>();
        for (Map.Entry<Path, FitEngine> e : engines.entrySet()) {
            Path other = named.putIfAbsent(e.getValue().ruleset().name(), e.getKey());
            if (other != null) {
                err.println("icp score: the rulesets in " + other + " and " + e.getKey() + " are both named '"
                        + e.getValue().ruleset().name() + "'; profiles are told apart by the name= of their "
                        + "ruleset.properties");
                failure = failure == ExitCodes.OK ? ExitCodes.USAGE : failure;
            }
        }
        if (failure != ExitCodes.OK) {
            engines.values().forEach(FitEngine::close);
            return failure;
        }
        ProfileSet.Builder builder = ProfileSet.builder();
        Map<String, RulesetInfo> infos = new LinkedHashMap<>();
        for (FitEngine engine : engines.values()) {
            builder.add(engine.ruleset().name(), engine);
            infos.put(engine.ruleset().name(), engine.ruleset());
            for (Diagnostic w : engine.warnings()) {
                err.println(engine.ruleset().name() + ": " + w);
            }
        }
        try (ProfileSet profiles = builder.build(); RelatedFacts related = openRelated(accountFile)) {
            ProfilesSummary summary = new ProfilesSummary(infos, date);
            Writer target = openTarget();
            try {
                try (Stream<ProfiledRecord> results = ProfileScorer.score(profiles, countRows(reader.records()).map(related::attach), date);
                     ProfilesResultWriter writer = ProfilesResultWriter.create(outFormat, target, profiles.profiles())) {
                    pump(results, target, r -> {
                        writer.write(r);
                        summary.add(r);
                    });
                }
                commitTarget();
            } finally {
                closeTarget(target);
            }
            checkWritten(target);
            List<OrphanRows> orphans = related.orphans();
            summary.print(err, String.valueOf(accounts.getFileName()), orphans);
            printCounts(err, summary.errors());
            boolean unattributed = orphans.stream().anyMatch(o -> o.rowsWithoutAccount() > 0);
            return summary.errors() > 0 || unattributed ? ExitCodes.RECORD_ERRORS : ExitCodes.OK;
        }
    }

    /**
     * Opens the events and contacts files: one in the accounts file's order is read alongside the
     * accounts, in constant memory; any other is held in memory, and a note on stderr says why and how
     * to let it stream.
     */
    private RelatedFacts openRelated(AccountReaderFactory accountFile) throws IOException {
        RelatedFacts related = RelatedFacts.open(accountFile, events, contacts, input.options());
        for (OutOfOrder o : related.outOfOrder()) {
            spec.commandLine().getErr().println("icp score: note: " + o.describe());
        }
        return related;
    }

    /** Writes one output record. */
    @FunctionalInterface
    private interface Sink<T> {
        void accept(T record) throws IOException;
    }

    /** Rows the reader handed over (each a record or an error record), counted before scoring. */
    private final java.util.concurrent.atomic.LongAdder rowsRead = new java.util.concurrent.atomic.LongAdder();
    /** Records written, counted where they are written. */
    private long recordsWritten;

    private <T> Stream<T> countRows(Stream<T> rows) {
        return rows.peek(r -> rowsRead.increment());
    }

    /** The count invariant, stated: one record per row read, error records included. */
    private void printCounts(PrintWriter err, long errors) {
        err.println("  rows read " + rowsRead.sum() + ", records written " + recordsWritten + ", error records " + errors
                + (rowsRead.sum() == recordsWritten ? "" : " (MISMATCH: please report it)"));
    }

    /** The output file of this run, written to a temporary file until the run ends well. */
    private OutputFile outFile;

    private Writer openTarget() throws IOException {
        if (out == null) {
            return spec.commandLine().getOut();
        }
        outFile = OutputFile.open(out);
        return outFile.writer();
    }

    /** Every result is written: an output file replaces the previous results now, never before. */
    private void commitTarget() throws IOException {
        if (outFile != null) {
            outFile.commit();
        }
    }

    /** Standard output is flushed and left open; an output file not committed is removed, the previous one kept. */
    private void closeTarget(Writer target) throws IOException {
        if (out == null) {
            target.flush();
        } else if (outFile != null) {
            outFile.close();
        }
    }

    /** A PrintWriter swallows write errors: ask it whether everything was written. */
    private static void checkWritten(Writer target) throws IOException {
        if (target instanceof PrintWriter pw && pw.checkError()) {
            throw new IOException("standard output could not be written");
        }
    }

    /** Streams results into the sink, stepping the progress bar and stopping when nobody reads the output. */
    private <T> void pump(Stream<T> results, Writer target, Sink<T> sink) throws IOException {
        try (ProgressBar progress = showProgress() ? progressBar() : null) {
            long written = 0;
            recordsWritten = 0;
            for (Iterator<T> it = results.iterator(); it.hasNext(); ) {
                sink.accept(it.next());
                if (progress != null) {
                    progress.step();
                }
                // A PrintWriter hides write errors; stop scoring when nobody reads the output any more
                // (such as a pipe into `head`). Checking flushes, so it is done now and then.
                recordsWritten++;
                if (++written % 4096 == 0 && target instanceof PrintWriter pw && pw.checkError()) {
                    throw new IOException("standard output was closed after " + written + " records");
                }
            }
        }
    }

    /** A progress bar would garble results written to the terminal, and is noise when stderr is not one. */
    private boolean showProgress() {
        return out != null && System.console() != null;
    }

    private static ProgressBar progressBar() {
        return new ProgressBarBuilder()
                .setTaskName("Scoring")
                .setInitialMax(-1) // the number of accounts is not known until the file has been read
                .setUnit(" accounts", 1)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }

    /** @return what is wrong with the command line's files, or null when they can be used */
    private String checkInputs() throws IOException {
        for (Path r : rules) {
            if (!Files.isDirectory(r)) {
                return "ruleset folder not found: " + r;
            }
        }
        for (Path p : new Path[] {accounts, mapping.file(), events, contacts}) {
            if (p == null) {
                continue;
            }
            java.util.Optional<String> problem = InputFiles.problem(p, "file");
            if (problem.isPresent()) {
                return problem.get();
            }
        }
        java.util.Optional<String> format = mapping.formatProblem(accounts);
        if (format.isPresent()) {
            return format.get();
        }
        if (events != null && FileFormat.fromFileName(events).orElse(null) != FileFormat.CSV) {
            return "the events file must be a .csv file: " + events;
        }
        if (contacts != null && FileFormat.fromFileName(contacts).orElse(null) != FileFormat.CSV) {
            return "the contacts file must be a .csv file: " + contacts;
        }
        if (out != null) {
            java.util.Optional<String> outProblem = OutputFile.problem(out, rules.toArray(Path[]::new));
            if (outProblem.isPresent()) {
                return outProblem.get();
            }
            if (Files.exists(out)) {
                for (Path p : new Path[] {accounts, mapping.file(), events, contacts}) {
                    if (p != null && Files.isSameFile(p, out)) {
                        return "--out would overwrite the input file " + p;
                    }
                }
            }
        }
        return null;
    }
}

package io.icprules.cli;

import io.icprules.io.ExitCodes;

import io.icprules.cases.CaseFile;
import io.icprules.cases.CaseFiles;
import io.icprules.cases.FitCase;
import io.icprules.drools.analysis.Linter;
import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.error.RulesetException;
import io.icprules.io.AccountReader;
import io.icprules.io.AccountRecord;
import io.icprules.io.InputFileException;
import io.icprules.io.RelatedFacts;
import io.icprules.fact.Event;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code icp validate}: compiles a ruleset and lints it, printing every finding with file and line.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Checks a ruleset: compile errors, then what it probably gets wrong.",
            "",
            "Reports signals that can never count for a fit (they need a disqualifier or a failed hard filter), "
                + "activation-group bands with equal salience or gaps, points outside a sane range, triggers with "
                + "neither a window nor a half-life, a ruleset without hard filters or disqualifiers, and event "
                + "types and attributes that neither the ruleset's fit cases (cases/) nor the given data files use "
                + "(likely typos)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no errors (and, with --strict, no warnings)",
            "1:the ruleset does not compile, or --strict and there are warnings",
            "2:usage error or unusable data file",
        })
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "DIR", description = "Ruleset folder.")
    private Path rules;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Accounts file(s) (.csv, .jsonl) whose attributes and embedded events count as used. Repeatable; "
                    + "with --mapping, CSV exports read through that mapping.")
    private List<Path> data = new ArrayList<>();

    @Option(names = "--events", paramLabel = "FILE", description = "Events CSV file(s) whose types count as used. Repeatable.")
    private List<Path> events = new ArrayList<>();

    @Option(names = "--strict", description = "Fail (exit 1) on warnings too, for CI.")
    private boolean strict;

    @Mixin
    private AccountMapping mapping;

    @Mixin
    private InputOptions input;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Linter.Usage usage;
        try {
            usage = usage();
        } catch (InputFileException e) {
            err.println("icp validate: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        List<Diagnostic> findings;
        try {
            findings = new ArrayList<>(Linter.lint(RulesetSource.fromDirectory(rules), usage));
            findings.addAll(dataFindings);
        } catch (RulesetException e) {
            e.diagnostics().forEach(out::println);
            out.println("icp validate: the ruleset in " + rules + " does not compile");
            out.flush();
            return ExitCodes.RULESET_ERROR;
        }
        findings.forEach(out::println);
        long warnings = findings.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).count();
        long infos = findings.stream().filter(d -> d.severity() == Diagnostic.Severity.INFO).count();
        out.println("icp validate: " + rules + ": 0 errors, " + warnings + " warning(s), " + infos + " note(s)"
                + (usage.eventTypes() == null ? " (no cases/, --data or --events: unused names not checked)" : ""));
        out.flush();
        return strict && warnings > 0 ? ExitCodes.RULESET_ERROR : ExitCodes.OK;
    }

    /** What the --data files show that scoring would get wrong: duplicate ids, attributes of mixed types. */
    private final List<Diagnostic> dataFindings = new ArrayList<>();

    private Linter.Usage usage() throws IOException {
        Path cases = CaseFiles.defaultLocation(rules);
        boolean hasCases = Files.isDirectory(cases) && !CaseFiles.find(cases).isEmpty();
        if (data.isEmpty() && events.isEmpty() && !hasCases) {
            return Linter.Usage.none();
        }
        Set<String> types = new TreeSet<>();
        Set<String> attributes = new TreeSet<>();
        if (hasCases) {
            // the ruleset's own fit cases count as data: a name they use is no typo
            for (CaseFile file : CaseFiles.readAll(cases)) {
                for (FitCase c : file.cases()) {
                    attributes.addAll(c.facts().account().getAttributes().keySet());
                    c.facts().events().forEach(e -> types.add(e.getType()));
                }
            }
        }
        for (Path file : data) {
            if (!Files.isRegularFile(file)) {
                throw new InputFileException(file, "does not exist or is not a file");
            }
            java.util.Optional<String> format = mapping.formatProblem(file);
            if (format.isPresent()) {
                throw new InputFileException(file, format.get());
            }
            DataFindings seen = new DataFindings(file.toString());
            try (AccountReader reader = mapping.open(file, input.options());
                 Stream<AccountRecord> records = reader.records()) {
                records.filter(r -> !r.isError()).forEach(r -> {
                    attributes.addAll(r.facts().account().getAttributes().keySet());
                    r.facts().events().forEach(e -> types.add(e.getType()));
                    seen.add(r);
                });
            }
            dataFindings.addAll(seen.findings());
        }
        for (Path file : events) {
            if (!Files.isRegularFile(file)) {
                throw new InputFileException(file, "does not exist or is not a file");
            }
            RelatedFacts.load(file, null, input.options()).allEvents().map(Event::getType).forEach(types::add);
        }
        return new Linter.Usage(types, attributes);
    }
}

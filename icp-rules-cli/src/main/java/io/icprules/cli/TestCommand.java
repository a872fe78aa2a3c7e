package io.icprules.cli;

import io.icprules.io.ExitCodes;

import io.icprules.cases.CaseFile;
import io.icprules.cases.CaseFileResult;
import io.icprules.cases.CaseFiles;
import io.icprules.cases.CaseProblem;
import io.icprules.cases.CaseResult;
import io.icprules.cases.CaseRunner;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.error.RulesetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code icp test}: runs a ruleset's fit test cases (YAML files, see {@link CaseFiles}) without
 * Maven, the same cases and the same checks as {@link io.icprules.junit.FitCases} in a build.
 */
@Command(name = "test",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs a ruleset's fit test cases and reports each one.",
            "",
            "Reads the YAML case files in the ruleset's cases folder (or those given with --cases), evaluates "
                + "every case's account as of its date, and prints PASS or FAIL per case; a failure lists each "
                + "difference, what was expected, what came out and the full ledger. Malformed cases are "
                + "reported with file and line, and the other cases still run."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every case passed",
            "1:the ruleset does not compile; every problem is printed to stderr as file:line:col: error: message",
            "2:usage error, no case file found, or a case file or case is malformed (the others still run)",
            "3:some cases failed",
            "4:unexpected failure",
        })
final class TestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "DIR",
            description = "Ruleset folder: ruleset.properties and .drl files.")
    private Path rules;

    @Option(names = "--cases", paramLabel = "FILE|DIR",
            description = "A case file, or a folder searched for .yaml and .yml files. Default: the ruleset's cases folder.")
    private Path cases;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(rules)) {
            err.println("icp test: ruleset folder not found: " + rules);
            return ExitCodes.USAGE;
        }
        Path where = cases != null ? cases : CaseFiles.defaultLocation(rules);
        List<CaseFile> files;
        try {
            files = CaseFiles.readAll(where);
        } catch (NoSuchFileException e) {
            err.println("icp test: no case file or folder at " + where
                    + (cases == null ? " (write the cases as YAML files in the ruleset's " + CaseFiles.FOLDER
                    + " folder, or name them with --cases)" : ""));
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("icp test: cannot list " + where + ": " + e);
            return ExitCodes.USAGE;
        }
        if (files.isEmpty()) {
            err.println("icp test: no .yaml or .yml case file under " + where);
            return ExitCodes.USAGE;
        }
        RulesetSource source;
        FitEngine engine;
        try {
            source = RulesetSource.fromDirectory(rules);
            engine = IcpRules.builder().ruleset(source).build();
        } catch (RulesetException e) {
            err.println("icp test: the ruleset in " + rules + " does not compile:");
            e.diagnostics().forEach(err::println);
            return ExitCodes.RULESET_ERROR;
        } catch (UncheckedIOException e) {
            err.println("icp test: cannot read the ruleset folder " + rules + ": " + e.getCause().getMessage());
            return ExitCodes.USAGE;
        }
        List<CaseFileResult> results = new ArrayList<>();
        try (engine) {
            for (Diagnostic w : engine.warnings()) {
                err.println(w);
            }
            CaseRunner runner = CaseRunner.of(engine);
            out.println("Testing ruleset " + engine.ruleset() + " with the cases in " + where);
            for (CaseFile f : files) {
                CaseFileResult r = runner.run(f);
                results.add(r);
                print(out, r);
            }
        }
        long passed = results.stream().mapToLong(CaseFileResult::passed).sum();
        long failed = results.stream().mapToLong(CaseFileResult::failed).sum();
        long malformed = results.stream().mapToLong(r -> r.problems().size()).sum();
        out.println();
        out.println(passed + " passed, " + failed + " failed, " + malformed + " malformed (" + files.size()
                + (files.size() == 1 ? " case file)" : " case files)"));
        out.flush();
        if (malformed > 0) {
            return ExitCodes.USAGE;
        }
        return failed > 0 ? ExitCodes.RECORD_ERRORS : ExitCodes.OK;
    }

    /** One line per case in file order; failures and malformed cases with their details indented below. */
    private static void print(PrintWriter out, CaseFileResult file) {
        out.println();
        out.println(file.file());
        List<Object> entries = new ArrayList<>(file.results());
        entries.addAll(file.problems());
        entries.sort((a, b) -> Integer.compare(line(a), line(b)));
        for (Object e : entries) {
            if (e instanceof CaseResult r) {
                out.println("  " + (r.passed() ? "PASS " : "FAIL ") + " line " + r.fitCase().line() + ": "
                        + r.fitCase().name());
                if (!r.passed()) {
                    indent(out, r.describeFailure(), "         ");
                }
            } else if (e instanceof CaseProblem p) {
                String where = "  ERROR " + (p.line() > 0 ? "line " + p.line() + ": " : "");
                if (p.caseName() == null) {
                    out.println(where + p.message());
                } else {
                    out.println(where + "case '" + p.caseName() + "' is malformed");
                    indent(out, p.message(), "         ");
                }
            }
        }
    }

    private static int line(Object entry) {
        return entry instanceof CaseResult r ? r.fitCase().line() : ((CaseProblem) entry).line();
    }

    private static void indent(PrintWriter out, String text, String prefix) {
        for (String l : text.split("\n")) {
            out.println(prefix + l);
        }
    }
}

package io.icprules.cli;

import io.icprules.io.ExitCodes;

import io.icprules.engine.FitEngine;
import io.icprules.evidence.AccountBook;
import io.icprules.evidence.Comparison;
import io.icprules.evidence.ComparisonReport;
import io.icprules.evidence.DealRecord;
import io.icprules.evidence.report.HtmlReports;
import io.icprules.evidence.report.TextReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code icp compare}: previews what a new ruleset version changes, account by account, and with
 * outcomes, whether it backtests better than the old one.
 */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Previews the impact of a new ruleset version before shipping it.",
            "",
            "Scores the accounts with the old (first --rules) and the new (second --rules) version as of one "
                + "date and prints how many change decision or tier (a transition matrix) and the accounts that "
                + "move most, with the ledger lines that changed. With --outcomes, also backtests both versions "
                + "on the same deals, side by side."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every account was compared",
            "1:a ruleset does not compile",
            "2:usage error, or an input file is missing or unusable as a whole",
            "3:finished, but some accounts or outcomes rows could not be used, or event or contact rows name "
                + "no account",
            "4:unexpected failure, such as a report that cannot be written",
        })
final class CompareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rules", required = true, arity = "1", paramLabel = "DIR",
            description = "Ruleset folder, given twice: the old version first, then the new one.")
    private List<Path> rules;

    @Mixin
    private AccountFiles accountFiles;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Evaluation date for the account comparison. Default: today (printed in the report).")
    private LocalDate asOf;

    @Option(names = "--outcomes", paramLabel = "FILE",
            description = "Outcomes CSV: backtest both versions on these deals, each as of its entered_pipeline date.")
    private Path outcomes;

    @Mixin
    private OutcomesMapping outcomesMapping;

    @Option(names = "--movers", paramLabel = "N", description = "How many of the biggest movers to report. Default: 20.")
    private int movers = Comparison.DEFAULT_MOVERS;

    @Mixin
    private ReportFiles reports;


    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        CommandSupport support = new CommandSupport("compare", err);
        try {
            if (rules.size() != 2) {
                throw support.usage("give --rules twice, the old version first and the new one second (got "
                        + rules.size() + ")");
            }
            if (movers < 0) {
                throw support.usage("--movers must be 0 or more, was " + movers);
            }
            support.requireRulesFolder(rules.get(0));
            support.requireRulesFolder(rules.get(1));
            reports.requireWritable(support, accountFiles.requireReadable(support, outcomes, outcomesMapping.file()));
            OutcomesMapping.Loaded loaded = outcomesMapping.load(support, outcomes, accountFiles);
            List<DealRecord> deals = loaded.deals();
            AccountBook book = loaded.book();
            LocalDate date = asOf != null ? asOf : LocalDate.now();
            try (FitEngine before = support.compile(rules.get(0));
                 FitEngine after = support.compile(rules.get(1))) {
                ComparisonReport report = Comparison.run(before, after, book, date, deals, movers);
                spec.commandLine().getOut().print(TextReports.comparison(report));
                spec.commandLine().getOut().flush();
                reports.write(support, report, HtmlReports::comparison);
                boolean leftOut = !report.errors().isEmpty()
                        || (report.backtestBefore() != null && report.backtestBefore().errorCount() > 0)
                        || (report.backtestAfter() != null && report.backtestAfter().errorCount() > 0);
                return leftOut || CommandSupport.unattributed(book.orphans()) ? ExitCodes.RECORD_ERRORS : ExitCodes.OK;
            }
        } catch (CommandSupport.Stop stop) {
            return stop.exitCode();
        }
    }
}

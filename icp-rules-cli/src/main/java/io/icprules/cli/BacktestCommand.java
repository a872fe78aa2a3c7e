package io.icprules.cli;

import io.icprules.io.ExitCodes;

import io.icprules.engine.FitEngine;
import io.icprules.evidence.AccountBook;
import io.icprules.evidence.Backtest;
import io.icprules.evidence.BacktestReport;
import io.icprules.evidence.DealRecord;
import io.icprules.evidence.Period;
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
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code icp backtest}: scores every deal's account as of the day it entered the pipeline and
 * compares how the deals went by tier, decision and fit; prints the verdict and the figures, and
 * writes them as JSON and HTML.
 */
@Command(name = "backtest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Tests a profile against closed deals: is in-ICP winning more often?",
            "",
            "Scores each deal's account as of the deal's entered_pipeline date and compares win rate, sales "
                + "cycle, contract value, 12-month retention and expansion by tier and for in-ICP against "
                + "out-of-ICP deals, with 95%% intervals; ranks the rules by how much more often deals they "
                + "fired for were won; prints a verdict and the figures. A bad outcomes row becomes an error "
                + "record with its line, listed and left out of the figures.",
            "",
            "An accounts CSV with a valid_from column holds snapshots (several rows per account): each deal is "
                + "scored with the account's row valid on its entered_pipeline date; a deal before the account's "
                + "earliest snapshot is left out."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every deal was scored",
            "1:the ruleset does not compile",
            "2:usage error, or an input file is missing or unusable as a whole",
            "3:finished, but some outcomes rows were left out (bad rows, unknown or unreadable accounts, failed "
                + "evaluations, deals before an account's earliest snapshot), snapshot rows without a usable "
                + "valid_from were left out, or event or contact rows name no account",
            "4:unexpected failure, such as a report that cannot be written",
        })
final class BacktestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "DIR", description = "Ruleset folder.")
    private Path rules;

    @Mixin
    private AccountFiles accountFiles;

    @Option(names = "--outcomes", required = true, paramLabel = "FILE",
            description = "Outcomes CSV: account_id,entered_pipeline,outcome (required) and deal_id,close_date,"
                    + "amount,cycle_days,retained_12m,expansion_amount (optional).")
    private Path outcomes;

    @Mixin
    private OutcomesMapping outcomesMapping;

    @Option(names = "--by", paramLabel = "PERIOD",
            description = "month, quarter or year: also follow the in-ICP over out-of-ICP win-rate ratio period by "
                    + "period (of each deal's entered_pipeline date), with its confidence interval, and judge its trend.")
    private Period by;

    @Mixin
    private ReportFiles reports;


    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        CommandSupport support = new CommandSupport("backtest", err);
        try {
            support.requireRulesFolder(rules);
            reports.requireWritable(support, accountFiles.requireReadable(support, outcomes, outcomesMapping.file()));
            OutcomesMapping.Loaded loaded = outcomesMapping.load(support, outcomes, accountFiles);
            List<DealRecord> deals = loaded.deals();
            AccountBook book = loaded.book();
            try (FitEngine engine = support.compile(rules)) {
                BacktestReport report = Backtest.run(engine, book, deals, by);
                spec.commandLine().getOut().print(TextReports.backtest(report));
                spec.commandLine().getOut().flush();
                reports.write(support, report, HtmlReports::backtest);
                return report.errorCount() > 0 || CommandSupport.unattributed(book.orphans())
                        || !book.rowsLeftOut().isEmpty()
                        ? ExitCodes.RECORD_ERRORS : ExitCodes.OK;
            }
        } catch (CommandSupport.Stop stop) {
            return stop.exitCode();
        }
    }
}

package io.icprules.cli;

import io.icprules.drools.analysis.RuleCoverage;
import io.icprules.engine.FitEngine;
import io.icprules.engine.RulesetSource;
import io.icprules.evidence.AccountBook;
import io.icprules.evidence.DealRecord;
import io.icprules.evidence.discover.Discovery;
import io.icprules.evidence.discover.DiscoveryOptions;
import io.icprules.evidence.discover.DiscoveryReport;
import io.icprules.evidence.report.DiscoveryReports;
import io.icprules.io.ExitCodes;
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
 * {@code icp discover}: finds the patterns of won and lost deals that no rule of the profile covers,
 * confirms them on a holdout and prints the rules to add (see {@link Discovery}).
 */
@Command(name = "discover",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Finds what the profile misses: patterns of won and lost deals that no rule covers, with the rules to add.",
            "",
            "Scores each deal's account as of its entered_pipeline date, as backtest does, and splits the closed "
                + "deals by account into a discovery part and a holdout. In the discovery part it tests every value "
                + "of the account's text fields and attributes, every technology, quartile bands of the numeric "
                + "fields and attributes, and every event type of the days before entry, that no rule conditions "
                + "on: do deals with it win more or less often than deals the profile rated alike? The p-values are "
                + "adjusted for the number of patterns (Benjamini-Hochberg). Significant patterns are tested again "
                + "on the holdout; for each confirmed one it prints a rule to paste, and shows the others as not "
                + "confirmed. See docs/discover.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every deal was used",
            "1:the ruleset does not compile",
            "2:usage error, or an input file is missing or unusable as a whole",
            "3:finished, but some outcomes rows were left out (bad rows, unknown or unreadable accounts, failed "
                + "evaluations, deals before an account's earliest snapshot), snapshot rows without a usable "
                + "valid_from were left out, or event or contact rows name no account",
            "4:unexpected failure, such as a report that cannot be written",
        })
final class DiscoverCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "DIR", description = "Ruleset folder.")
    private Path rules;

    @Mixin
    private AccountFiles accountFiles;

    @Option(names = "--outcomes", required = true, paramLabel = "FILE",
            description = "Outcomes CSV, as for backtest: account_id,entered_pipeline,outcome (required); a CRM "
                    + "deals export with --outcomes-mapping.")
    private Path outcomes;

    @Mixin
    private OutcomesMapping outcomesMapping;

    @Option(names = "--holdout", paramLabel = "SHARE",
            description = "Share of accounts held out to confirm what the others suggest, above 0 and below 1.")
    private double holdout = DiscoveryOptions.HOLDOUT_SHARE;

    @Option(names = "--window-days", paramLabel = "DAYS",
            description = "An event counts for a deal when dated at most this many days before it entered the pipeline.")
    private int windowDays = DiscoveryOptions.WINDOW_DAYS;

    @Option(names = "--min-deals", paramLabel = "N",
            description = "Test a pattern only with at least this many closed deals with it and without it in the "
                    + "discovery part.")
    private int minDeals = DiscoveryOptions.MIN_DEALS;

    @Option(names = "--fdr", paramLabel = "RATE",
            description = "False discovery rate: a pattern is significant when its Benjamini-Hochberg q-value is at most this.")
    private double fdr = DiscoveryOptions.FDR;

    @Mixin
    private ReportFiles reports;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        CommandSupport support = new CommandSupport("discover", err);
        try {
            if (!(holdout > 0 && holdout < 1)) {
                throw support.usage("--holdout must be above 0 and below 1 (a share of the accounts, such as 0.3), was "
                        + holdout);
            }
            if (windowDays < 1) {
                throw support.usage("--window-days must be 1 or more, was " + windowDays);
            }
            if (minDeals < 1) {
                throw support.usage("--min-deals must be 1 or more, was " + minDeals);
            }
            if (!(fdr > 0 && fdr < 1)) {
                throw support.usage("--fdr must be above 0 and below 1 (such as 0.05), was " + fdr);
            }
            DiscoveryOptions options = new DiscoveryOptions(holdout, windowDays, minDeals, fdr);
            support.requireRulesFolder(rules);
            reports.requireWritable(support, accountFiles.requireReadable(support, outcomes, outcomesMapping.file()));
            OutcomesMapping.Loaded loaded = outcomesMapping.load(support, outcomes, accountFiles);
            List<DealRecord> deals = loaded.deals();
            AccountBook book = loaded.book();
            try (FitEngine engine = support.compile(rules)) {
                RuleCoverage coverage = RuleCoverage.of(RulesetSource.fromDirectory(rules));
                DiscoveryReport report = Discovery.run(engine, book, deals, coverage::coveringRule, options);
                spec.commandLine().getOut().print(DiscoveryReports.text(report));
                spec.commandLine().getOut().flush();
                reports.write(support, report, DiscoveryReports::html);
                return !report.errors().isEmpty() || CommandSupport.unattributed(book.orphans())
                        || !book.rowsLeftOut().isEmpty() ? ExitCodes.RECORD_ERRORS : ExitCodes.OK;
            }
        } catch (CommandSupport.Stop stop) {
            return stop.exitCode();
        }
    }
}

package io.icprules.cli;

import io.icprules.io.ExitCodes;

import io.icprules.engine.FitEngine;
import io.icprules.evidence.AccountBook;
import io.icprules.evidence.Audit;
import io.icprules.evidence.AuditReport;
import io.icprules.evidence.DealMapping;
import io.icprules.evidence.PipelineReader;
import io.icprules.evidence.PipelineRecord;
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
 * {@code icp audit}: finds open deals whose account the profile now disqualifies or excludes; the
 * exit code says whether any were found, so that it can run on a schedule.
 */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Finds open deals whose account the profile now disqualifies or excludes.",
            "",
            "Scores each open deal's account (pipeline CSV: deal_id,account_id,stage,amount) as of one date and "
                + "lists the deals whose account is DISQUALIFIED or EXCLUDED, grouped by the disqualifier that fires "
                + "or the hard filter that is not met, with the amount at stake. Deals whose account lacks required "
                + "data are listed apart."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no open deal is flagged, and every row was checked",
            "1:the ruleset does not compile",
            "2:usage error, or an input file is missing or unusable as a whole",
            "3:no open deal is flagged, but some rows could not be checked (bad rows, unknown or unreadable "
                + "accounts, failed evaluations), or event or contact rows name no account",
            "4:unexpected failure, such as a report that cannot be written",
            "5:open deals are flagged (whether or not some rows could not be checked)",
        })
final class AuditCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "DIR", description = "Ruleset folder.")
    private Path rules;

    @Mixin
    private AccountFiles accountFiles;

    @Option(names = "--pipeline", required = true, paramLabel = "FILE",
            description = "Open deals CSV: deal_id,account_id (required), stage,amount (optional).")
    private Path pipeline;

    @Option(names = "--pipeline-mapping", paramLabel = "FILE",
            description = "Column mapping (YAML) for a pipeline file exported from a CRM (open deals): which column "
                    + "is which and the export's values; the account may be named by id or by name.")
    private Path pipelineMapping;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Evaluation date. Default: today (printed in the report).")
    private LocalDate asOf;

    @Mixin
    private ReportFiles reports;

    private List<PipelineRecord> readPipeline(CommandSupport support, DealMapping mapping, AccountBook book)
            throws CommandSupport.Stop, IOException {
        return support.deals(pipeline, mapping, book, f -> PipelineReader.read(f, accountFiles.options()),
                (f, m, b) -> PipelineReader.read(f, m, b, accountFiles.options()));
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        CommandSupport support = new CommandSupport("audit", err);
        try {
            support.requireRulesFolder(rules);
            reports.requireWritable(support, accountFiles.requireReadable(support, pipeline, pipelineMapping));
            DealMapping mapping = support.dealMapping(pipelineMapping, DealMapping.Layout.PIPELINE);
            List<PipelineRecord> deals = readPipeline(support, mapping, null);
            AccountBook book = accountFiles.read(support);
            if (deals == null) {
                deals = readPipeline(support, mapping, book);
            }
            LocalDate date = asOf != null ? asOf : LocalDate.now();
            try (FitEngine engine = support.compile(rules)) {
                AuditReport report = Audit.run(engine, book, deals, date);
                spec.commandLine().getOut().print(TextReports.audit(report));
                spec.commandLine().getOut().flush();
                reports.write(support, report, HtmlReports::audit);
                if (report.flagged() > 0) {
                    return ExitCodes.FLAGGED;
                }
                return !report.errors().isEmpty() || CommandSupport.unattributed(book.orphans())
                        || !book.rowsLeftOut().isEmpty() ? ExitCodes.RECORD_ERRORS : ExitCodes.OK;
            }
        } catch (CommandSupport.Stop stop) {
            return stop.exitCode();
        }
    }
}

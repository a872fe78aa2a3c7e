package io.icprules.cli;

import io.icprules.io.ExitCodes;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.error.EvaluationException;
import io.icprules.error.RulesetException;
import io.icprules.io.AccountReader;
import io.icprules.io.AccountRecord;
import io.icprules.io.InputFileException;
import io.icprules.io.RelatedFacts;
import io.icprules.evidence.AccountBook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code icp explain}: the full ledger and decision of one account, why each other rule did not fire,
 * and what would raise the account.
 */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Explains how one account was scored.",
            "",
            "Prints the ledger and the decision, then for every rule that did not fire the condition that "
                + "failed and the account's value, then the unfired signals and triggers that would raise the "
                + "account, most points first."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the account was explained",
            "1:the ruleset does not compile; every problem is printed as file:line:col: error: message",
            "2:usage error, unusable input file, or no account with that id",
            "3:the account's row cannot be read or its evaluation failed",
        })
final class ExplainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "DIR", description = "Ruleset folder.")
    private Path rules;

    @Option(names = "--account", required = true, paramLabel = "ID", description = "Id of the account to explain.")
    private String accountId;

    @Mixin
    private AccountFiles files;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Evaluation date. Default: today.")
    private LocalDate asOf;

    private Optional<AccountRecord> find() throws IOException {
        try (AccountReader reader = files.openAccounts();
             Stream<AccountRecord> records = reader.records()) {
            // Only this account's rows are held: explaining one account of a large book needs little memory.
            RelatedFacts related = RelatedFacts.loadFor(files.events(), files.contacts(), accountId, files.options());
            return records.filter(r -> accountId.equals(r.accountId())).findFirst().map(related::attach);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            files.requireReadable(new CommandSupport("explain", err));
        } catch (CommandSupport.Stop stop) {
            return stop.exitCode();
        }
        Path accounts = files.accounts();
        LocalDate date = asOf != null ? asOf : LocalDate.now();
        Optional<AccountRecord> record;
        try {
            record = files.mappingFile() == null && AccountBook.isSnapshotFile(accounts, files.options())
                    // Snapshots: the account's row valid on the evaluation date.
                    ? AccountBook.load(accounts, files.events(), files.contacts(), files.options()).find(accountId, date)
                    : find();
        } catch (InputFileException e) {
            err.println("icp explain: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (record.isEmpty()) {
            err.println("icp explain: no account with id " + accountId + " in " + accounts);
            return ExitCodes.USAGE;
        }
        if (record.get().isError()) {
            err.println("icp explain: " + accounts.getFileName() + " line " + record.get().line() + ": "
                    + record.get().error());
            return ExitCodes.RECORD_ERRORS;
        }
        try (FitEngine engine = IcpRules.builder().ruleset(RulesetSource.fromDirectory(rules)).build()) {
            out.print(engine.explain(record.get().facts(), date).render());
            out.flush();
            return ExitCodes.OK;
        } catch (RulesetException e) {
            err.println("icp explain: the ruleset in " + rules + " does not compile:");
            e.diagnostics().forEach(err::println);
            return ExitCodes.RULESET_ERROR;
        } catch (EvaluationException e) {
            err.println("icp explain: " + e.getMessage());
            return ExitCodes.RECORD_ERRORS;
        }
    }
}

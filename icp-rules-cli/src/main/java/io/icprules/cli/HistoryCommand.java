package io.icprules.cli;

import io.icprules.io.ExitCodes;

import io.icprules.engine.FitEngine;
import io.icprules.io.synthetic.SyntheticAccounts;
import io.icprules.evidence.synthetic.SyntheticHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/**
 * {@code icp history}: writes a deterministic synthetic sales history (see {@link SyntheticHistory})
 * whose outcomes the given ruleset's score predicts to a known degree, to try the backtest, the
 * comparison and the audit on.
 */
@Command(name = "history",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Writes a synthetic sales history with a known effect, to try backtest, compare and audit on.",
            "",
            "Writes accounts.csv, events.csv, contacts.csv, outcomes.csv (one deal per account) and pipeline.csv "
                + "(the open deals). Each deal is won with probability 0.10 + 0.40 x score/100 when the ruleset calls "
                + "its account a FIT as of the day it entered the pipeline, and 0.10 otherwise. The same ruleset, "
                + "count, seed and anchor give byte-identical files."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the files were written",
            "1:the ruleset does not compile",
            "2:usage error",
            "4:a file cannot be written",
        })
final class HistoryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "DIR",
            description = "The ruleset whose score decides the planted effect.")
    private Path rules;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many deals (one per account).")
    private int count;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed.")
    private long seed = 42;

    @Option(names = "--anchor", paramLabel = "YYYY-MM-DD",
            description = "The history's \"today\": deals entered the pipeline 30 to 659 days before it.")
    private LocalDate anchor = SyntheticAccounts.DEFAULT_ANCHOR;

    @Option(names = "--drift", paramLabel = "D",
            description = "0 to 1: how much of a fit's edge fades over the history; its win probability is "
                    + "0.10 + 0.40 x score/100 x (1 - D x t), t running from 0 on the first entry day to 1 on the last.")
    private double drift;

    @Option(names = "--plant-technology", paramLabel = "NAME",
            description = "Plant a signal the profile misses: deals whose account uses this technology (such as Stripe) "
                    + "are won with --plant-lift times the probability, at most 0.95; for trying icp discover.")
    private String plantTechnology;

    @Option(names = "--plant-lift", paramLabel = "FACTOR", description = "The factor of --plant-technology.")
    private double plantLift = 2.0;

    @Option(names = "--out-dir", required = true, paramLabel = "DIR",
            description = "Folder to write into; created when missing. Existing files of the same names are replaced.")
    private Path outDir;

    @Override
    public Integer call() throws IOException {
        CommandSupport support = new CommandSupport("history", spec.commandLine().getErr());
        try {
            if (count < 0) {
                throw support.usage("--count must be 0 or more, was " + count);
            }
            if (!(drift >= 0 && drift <= 1)) {
                throw support.usage("--drift must be between 0 and 1 (the share of a fit's edge gone by the end), was "
                        + drift);
            }
            if (!(plantLift > 0)) {
                throw support.usage("--plant-lift must be above 0, was " + plantLift);
            }
            SyntheticHistory.Signal signal = plantTechnology == null ? null
                    : new SyntheticHistory.Signal(plantTechnology, plantLift);
            support.requireRulesFolder(rules);
            try (FitEngine engine = support.compile(rules)) {
                SyntheticHistory.Written w = SyntheticHistory.write(outDir, engine, count, seed, anchor, drift, signal);
                spec.commandLine().getErr().println("Wrote " + w.accounts() + " accounts with one deal each ("
                        + w.openDeals() + " still open) scored with " + engine.ruleset() + (signal == null ? ""
                        : ", a signal planted on " + signal.technology() + " (x" + signal.lift() + ")") + " (seed " + seed
                        + ", anchor " + anchor + (drift > 0 ? ", drift " + drift : "") + ") to " + w.files());
                return ExitCodes.OK;
            }
        } catch (CommandSupport.Stop stop) {
            return stop.exitCode();
        }
    }
}

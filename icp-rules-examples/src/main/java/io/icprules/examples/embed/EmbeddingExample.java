package io.icprules.examples.embed;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.error.RulesetException;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import io.icprules.result.Outcome;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The code a service writes to score accounts in-process: build the engine once from a ruleset
 * folder, evaluate one account with its events and contacts, read the decision, score, tier and
 * ledger, and evaluate a batch.
 *
 * <p>Run it with a ruleset folder: {@code java ... io.icprules.examples.embed.EmbeddingExample
 * icp-rules-examples/rulesets/workforce-scheduling}.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /**
     * Runs the example.
     *
     * @param args one argument: the ruleset folder
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: EmbeddingExample RULESET_DIR");
            return;
        }
        try {
            run(Path.of(args[0]), System.out);
        } catch (RulesetException e) {
            // Every problem, as file:line:col: error: message, so a rule author can fix them all at once.
            e.diagnostics().forEach(System.err::println);
        }
    }

    /**
     * Builds an engine from a ruleset folder and scores a few accounts with it.
     *
     * @param rulesetDir the ruleset folder, never null
     * @param out        where to print, never null
     * @throws RulesetException when the ruleset does not compile
     */
    public static void run(Path rulesetDir, PrintStream out) {
        // Results depend on the evaluation date (triggers decay with age), so pass it explicitly.
        LocalDate asOf = LocalDate.of(2026, 11, 1);

        // Compiling takes a moment: build one engine per ruleset at startup and share it; it is thread-safe.
        try (FitEngine engine = IcpRules.fromDirectory(rulesetDir)) {
            out.println("Ruleset " + engine.ruleset());

            Account account = Account.builder("acme-retail")
                    .name("Acme Retail")
                    .industry("retail")
                    .employees(240)
                    .annualRevenue(38_000_000L)
                    .country("US")
                    .technology("Square")
                    .technology("HubSpot")
                    .attribute("locations", 12)
                    .attribute("hourly_share", 0.85)
                    .build();
            Event funding = Event.builder("funding_round", asOf.minusDays(40))
                    .detail("round", "Series B")
                    .build();
            Contact buyer = Contact.builder()
                    .name("Dana Lee")
                    .title("VP Operations")
                    .role("economic_buyer")
                    .seniority("vp")
                    .department("operations")
                    .build();

            FitResult result = engine.evaluate(AccountFacts.of(account, List.of(funding), List.of(buyer)), asOf);
            // Check the decision before the tier: a disqualified account keeps its score so the reason shows.
            out.println(result.accountId() + ": " + result.decision() + ", score " + result.score()
                    + ", tier " + result.tier());
            for (LedgerLine line : result.ledger()) {
                out.println("  " + line);
            }
            result.unmetHardFilters().forEach(n -> out.println("  unmet hard filter: " + n));
            result.disqualifiers().forEach(n -> out.println("  disqualified by: " + n));

            // A batch: one outcome per account, in input order; a failing account does not stop the others.
            List<AccountFacts> batch = List.of(
                    AccountFacts.of(account),
                    AccountFacts.of(Account.builder("tiny-shop").industry("retail").employees(4).country("US").build()),
                    AccountFacts.of(Account.builder("unknown-co").build()));
            for (Outcome o : engine.evaluateAll(batch, asOf)) {
                out.println(o.result()
                        .map(r -> r.accountId() + ": " + r.decision() + ", score " + r.score() + ", tier " + r.tier())
                        .orElseGet(() -> o.accountId() + ": failed: " + o.error().orElseThrow().getMessage()));
            }
        }
    }
}

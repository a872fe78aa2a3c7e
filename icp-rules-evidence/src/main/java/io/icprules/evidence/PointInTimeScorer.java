package io.icprules.evidence;

import io.icprules.engine.FitEngine;
import io.icprules.error.EvaluationException;
import io.icprules.io.AccountRecord;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Scores each deal's account as of the date the deal entered the pipeline, so that a backtest sees
 * what the profile would have said then: triggers count with the age their events had on that day,
 * and events dated later are ignored by the engine. The account's other fields are those of its
 * snapshot valid on that date when the accounts file has snapshots ({@link AccountBook}), otherwise as
 * the accounts file has them. A deal that entered the pipeline before the account's earliest snapshot
 * is an error record: a later snapshot would let facts from after the deal into the backtest.
 *
 * <p>Yields one {@link ScoredDeal} per deal record, in order; deals whose row is bad, whose account
 * is not in the accounts file or is an error record there, or whose evaluation fails become error
 * records saying so.
 */
public final class PointInTimeScorer {

    private PointInTimeScorer() {
    }

    /**
     * Scores the deals, several at a time (the engine is thread-safe).
     *
     * @param engine   the engine, never null
     * @param accounts the accounts, never null
     * @param deals    the deals, never null
     * @return one scored deal per deal record, in the same order
     */
    public static List<ScoredDeal> score(FitEngine engine, AccountBook accounts, List<DealRecord> deals) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(accounts, "accounts");
        return deals.parallelStream().map(d -> score(engine, accounts, d)).toList();
    }

    private static ScoredDeal score(FitEngine engine, AccountBook accounts, DealRecord record) {
        if (record.isError()) {
            return ScoredDeal.error(record.line(), record.accountId(), null, record.error());
        }
        Deal deal = record.deal();
        Optional<LocalDate> first = accounts.firstSnapshot(deal.accountId());
        if (first.isPresent() && deal.enteredPipeline().isBefore(first.get())) {
            return ScoredDeal.error(record.line(), deal.accountId(), deal, predates(deal, first.get(), accounts));
        }
        Optional<AccountRecord> account = accounts.find(deal.accountId(), deal.enteredPipeline());
        if (account.isEmpty()) {
            return ScoredDeal.error(record.line(), deal.accountId(), deal,
                    "account " + deal.accountId() + " is not in " + accounts.fileName());
        }
        AccountRecord a = account.get();
        if (a.isError()) {
            return ScoredDeal.error(record.line(), deal.accountId(), deal,
                    "the account's row in " + accounts.fileName() + " is unusable: " + a.describe());
        }
        try {
            return ScoredDeal.of(record.line(), deal, engine.evaluate(a.facts(), deal.enteredPipeline()));
        } catch (EvaluationException e) {
            return ScoredDeal.error(record.line(), deal.accountId(), deal, "evaluation failed: " + e.getMessage());
        }
    }

    private static String predates(Deal deal, LocalDate first, AccountBook accounts) {
        return "entered the pipeline on " + deal.enteredPipeline() + ", before the earliest snapshot of account "
                + deal.accountId() + " in " + accounts.fileName() + " (valid from " + first + "): left out rather "
                + "than scored with facts from after it";
    }

    /**
     * Tells whether a deal entered the pipeline before every snapshot of its account.
     *
     * @param accounts the accounts, never null
     * @param deal     the deal, never null
     * @return true when the accounts file has snapshots and the account's earliest is later than the deal
     */
    static boolean predates(AccountBook accounts, Deal deal) {
        return accounts.firstSnapshot(deal.accountId()).map(deal.enteredPipeline()::isBefore).orElse(false);
    }
}

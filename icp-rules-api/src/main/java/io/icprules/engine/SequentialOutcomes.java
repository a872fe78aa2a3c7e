package io.icprules.engine;

import io.icprules.fact.AccountFacts;
import io.icprules.result.Outcome;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Evaluates accounts one by one as they are pulled, on the caller's thread: one input is read for
 * each outcome and nothing is read ahead, so memory stays constant however long the input is.
 * Backs {@link FitEngine#evaluateIterator}.
 */
final class SequentialOutcomes implements Iterator<Outcome> {

    private final FitEngine engine;
    private final Iterator<AccountFacts> accounts;
    private final LocalDate asOf;
    private long next;

    SequentialOutcomes(FitEngine engine, Iterator<AccountFacts> accounts, LocalDate asOf) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    @Override
    public boolean hasNext() {
        return accounts.hasNext();
    }

    @Override
    public Outcome next() {
        if (!accounts.hasNext()) {
            throw new NoSuchElementException();
        }
        AccountFacts facts = Objects.requireNonNull(accounts.next(), "accounts must not contain null");
        return Batches.evaluateOne(engine, facts, next++, asOf);
    }
}

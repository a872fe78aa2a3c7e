package io.icprules.benchmarks.jmh;

import io.icprules.fact.AccountFacts;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A benchmark thread's position in the account pool. Threads start far apart, so that they do not
 * evaluate the same account at the same moment.
 */
@State(Scope.Thread)
public class Cursor {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private int next;

    /** Creates a cursor; JMH calls {@link #start()} before measuring. */
    public Cursor() {
    }

    /** Places the cursor for a new thread. */
    @Setup
    public void start() {
        next = THREADS.getAndIncrement() * 7919;
    }

    /**
     * @param accounts the pool, never empty
     * @return the next account, cycling through the pool
     */
    public AccountFacts next(AccountFacts[] accounts) {
        next = (next + 1) % accounts.length;
        return accounts[next];
    }
}

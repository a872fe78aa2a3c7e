package io.icprules.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a producer ahead on a daemon thread of its own and hands its items over a chunk at a time,
 * so that reading several files in step (the order check walks three) uses several cores.
 *
 * <p>The producer is a plain loop that gives each item to a sink, such as {@code stream::forEach}.
 * Items come out in the order it gives them. An exception the producer throws comes out of
 * {@link #hasNext()} or {@link #next()} once the items before it are consumed, as if it ran on the
 * calling thread. Memory is bounded: at most {@value #CHUNKS_AHEAD} chunks wait. {@link #close()}
 * stops the producer at its next item and waits for its thread, so the resources it reads can be
 * closed safely afterwards. One consuming thread at a time.
 *
 * @param <T> the item type
 */
final class ReadAhead<T> implements Iterator<T>, AutoCloseable {

    private static final int CHUNKS_AHEAD = 4;
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread reader;
    private final int chunk;
    private volatile boolean stopped;
    /** The chunk being filled; touched by the producing thread only. */
    private List<T> filling;
    private Iterator<T> current = Collections.emptyIterator();
    private Object last;

    /** What the producer threw, handed over to the consumer. */
    private record Failure(Throwable thrown) {
    }

    /** Thrown out of the producer's loop by the sink once the consumer has closed. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /**
     * Starts producing at once.
     *
     * @param producer gives every item, in order, to the sink it is passed; runs on the new thread
     *                 only, from now on
     * @param chunk    items per hand-over, at least 1
     */
    ReadAhead(Consumer<Consumer<T>> producer, int chunk) {
        this.chunk = chunk;
        this.filling = new ArrayList<>(chunk);
        this.reader = new Thread(() -> produce(producer), "icp-read-ahead-" + COUNT.incrementAndGet());
        reader.setDaemon(true);
        reader.start();
    }

    private void produce(Consumer<Consumer<T>> producer) {
        Object end = END;
        try {
            producer.accept(this::give);
        } catch (Stopped e) {
            return; // the consumer has closed: nobody waits for the rest
        } catch (RuntimeException | Error e) {
            end = new Failure(e);
        }
        if (!filling.isEmpty()) {
            hand(filling); // the items given before a failure come out before it
        }
        hand(end);
    }

    /** The sink the producer gives its items to, on the producing thread. */
    private void give(T item) {
        if (stopped) {
            throw new Stopped();
        }
        filling.add(item);
        if (filling.size() == chunk) {
            hand(filling);
            filling = new ArrayList<>(chunk);
            if (stopped) {
                throw new Stopped(); // closed while waiting for room: read nothing more
            }
        }
    }

    /** Waits for room, giving up once the consumer has closed. */
    private void hand(Object o) {
        try {
            while (!stopped) {
                if (queue.offer(o, 50, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            stopped = true;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (last != null) {
                break;
            }
            Object o = take();
            if (o instanceof List<?> items) {
                current = ((List<T>) items).iterator();
            } else {
                last = o;
            }
        }
        if (current.hasNext()) {
            return true;
        }
        if (last instanceof Failure f) {
            last = END; // thrown once, as the producer would
            if (f.thrown() instanceof RuntimeException e) {
                throw e;
            }
            throw (Error) f.thrown();
        }
        return false;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    private Object take() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    interrupted = true; // the reading thread always ends with END or a failure
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the producer and waits until its thread no longer touches what it reads. */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.icprules.examples.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads an iterator ahead on a daemon thread of its own, a chunk of items at a time, so that
 * reading several files in step (the order check walks three) uses several cores.
 *
 * <p>Items come out in the source's order. An exception the source throws comes out of
 * {@link #hasNext()} or {@link #next()} once the items before it are consumed, as if the source were
 * read on the calling thread. Memory is bounded: at most {@value #CHUNKS_AHEAD} chunks wait.
 * {@link #close()} stops the reading thread and waits for it, so the source's resources can be
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
    private volatile boolean stopped;
    private Iterator<T> current = Collections.emptyIterator();
    private Object last;

    /** What the source threw, handed over to the consumer. */
    private record Failure(Throwable thrown) {
    }

    /**
     * Starts reading at once.
     *
     * @param source read on the new thread only, from now on
     * @param chunk  items per hand-over, at least 1
     */
    ReadAhead(Iterator<? extends T> source, int chunk) {
        this.reader = new Thread(() -> read(source, chunk), "icp-read-ahead-" + COUNT.incrementAndGet());
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Iterator<? extends T> source, int chunk) {
        List<T> items = new ArrayList<>(chunk);
        Object last = END;
        try {
            while (!stopped && source.hasNext()) {
                items.add(source.next());
                if (items.size() == chunk) {
                    hand(items);
                    items = new ArrayList<>(chunk);
                }
            }
        } catch (RuntimeException | Error e) {
            last = new Failure(e);
        }
        if (!items.isEmpty()) {
            hand(items); // the items read before a failure come out before it
        }
        hand(last);
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
            last = END; // thrown once, like the source would
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

    /** Stops the reading thread and waits until it no longer touches the source. */
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

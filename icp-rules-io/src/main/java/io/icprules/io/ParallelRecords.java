package io.icprules.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Turns the raw rows of an accounts file into records on every core, in file order. The reading
 * thread only cuts the file into rows; parsing and checking them, which costs about as much as
 * scoring them, runs on {@link AccountReader#decodingThreads()} daemon threads, a chunk of rows per
 * task. At most {@link #IN_FLIGHT} chunks
 * are read ahead, so memory does not grow with the file.
 */
final class ParallelRecords {

    /** Rows per task: enough to make handing them over cheap, few enough to keep memory small. */
    static final int CHUNK = 512;

    private static final int THREADS = AccountReader.decodingThreads();

    /** Chunks read ahead of the one being consumed: keeps every decoding thread busy. */
    static final int IN_FLIGHT = THREADS + 1;

    private static final ThreadPoolExecutor DECODERS = decoders();

    private ParallelRecords() {
    }

    /**
     * Decodes rows as the returned stream is consumed.
     *
     * @param rows    the raw rows, in file order; read on the consuming thread only
     * @param decode  turns one row into a record, or null for a row that holds none (a blank line);
     *                called on other threads, so it must not share mutable state; a row it cannot read
     *                must become an error record, not an exception
     * @param file    what closing the stream closes (the reader of the file)
     * @param <R>     the raw row
     * @return one record per row that holds one, in row order
     */
    static <R> Stream<AccountRecord> decode(Iterator<R> rows, Function<R, AccountRecord> decode, Closeable file) {
        Iterator<AccountRecord> it = new Iterator<>() {
            private final Deque<Future<List<AccountRecord>>> ahead = new ArrayDeque<>();
            private Iterator<AccountRecord> current = List.<AccountRecord>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    while (ahead.size() < IN_FLIGHT && rows.hasNext()) {
                        List<R> chunk = new ArrayList<>(CHUNK);
                        while (chunk.size() < CHUNK && rows.hasNext()) {
                            chunk.add(rows.next());
                        }
                        ahead.addLast(DECODERS.submit(() -> chunk.stream().map(decode).filter(Objects::nonNull).toList()));
                    }
                    if (ahead.isEmpty()) {
                        return false;
                    }
                    current = await(ahead.removeFirst()).iterator();
                }
                return true;
            }

            @Override
            public AccountRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(closing(file));
    }

    /**
     * Decodes the rows of a CSV file as the returned stream is consumed: the consuming thread splits
     * the rows, other threads turn them into records. A row that cannot be split (a syntax error ends
     * the file) becomes an error record at its line.
     *
     * @param rows     the file's rows; read on the consuming thread only
     * @param toRecord turns one row into its record; called on other threads, so it must not share
     *                 mutable state, and a row it cannot read must become an error record
     * @param file     what closing the stream closes (the reader of the file)
     * @return one record per row, in row order
     */
    static Stream<AccountRecord> decodeCsv(CsvRows rows, Function<CsvRow, AccountRecord> toRecord, Closeable file) {
        Iterator<SplitRow> split = rows.map(row -> new SplitRow(row, null), e -> new SplitRow(null, e));
        return decode(split, r -> r.failure() != null
                ? AccountRecord.error(r.failure().line(), null, r.failure().problem())
                : toRecord.apply(r.row()), file);
    }

    /**
     * What closing a stream read from a file does: closes the file, an {@link IOException} rethrown
     * unchecked since {@link Stream#close()} declares none.
     *
     * @param file the reader of the file, never null
     * @return the action for {@link Stream#onClose(Runnable)}
     */
    static Runnable closing(Closeable file) {
        return () -> {
            try {
                file.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** A row as split from a CSV file, or why it could not be. */
    private record SplitRow(CsvRow row, CsvSyntaxException failure) {
    }

    /** Waits like a join: every row read is owed its record. */
    private static List<AccountRecord> await(Future<List<AccountRecord>> chunk) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return chunk.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    // A decoder turns bad rows into error records; anything else is a bug or an Error.
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException("decoding a row failed unexpectedly", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadPoolExecutor decoders() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "icp-decode-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}

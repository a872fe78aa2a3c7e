package io.icprules.spark.internal;

import io.icprules.engine.EngineCache;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.io.AccountRecord;
import io.icprules.io.ScoredRecord;
import io.icprules.io.score.RecordScorer;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Scores one partition inside a Spark task. Only the ruleset's text travels with the task; the
 * engine comes from the worker JVM's {@link EngineCache}, built inside the task (where the context
 * class loader is the one that sees the job's jars) and compiled once per JVM. Rows are read,
 * scored and handed on one at a time, reusing the engine's sessions, so a partition is never held
 * in memory; every account row yields exactly one result row.
 *
 * <p>The input is either the accounts Dataset's rows themselves (events and contacts nested, or
 * none), or, with separate events and contacts, {@link #GROUPED} rows sorted by one long: the
 * account key's hash with the kind in its lowest bits ({@link #KIND_MASK}). Each key's events and
 * contacts then come just before its account rows, so an account is assembled without a join and
 * without holding more than the related rows of the keys that share its hash (nearly always one).
 * Rows of such keys may arrive interleaved and, within a key, in any order: they are told apart by
 * the key and put back in file order by their ordinal.
 */
public final class ScorePartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /**
     * Layout of grouped rows: key, kind ({@link #EVENT}, {@link #CONTACT}, {@link #ACCOUNT}), ordinal
     * in its file, one struct of the three, and the sort value (the key's hash, its lowest bits
     * replaced by the kind).
     */
    public static final List<String> GROUPED = List.of("k", "t", "o", "a", "e", "c", "h");
    /** The bits of the sort value that hold the kind. */
    public static final int KIND_MASK = 3;
    /** Kinds of grouped rows, in the order they sort within a key. */
    public static final int EVENT = 0;
    /** See {@link #EVENT}. */
    public static final int CONTACT = 1;
    /** See {@link #EVENT}. */
    public static final int ACCOUNT = 2;

    private final RulesetSource ruleset;
    private final LocalDate asOf;
    private final int maxFiringsPerAccount;
    private final AccountDecoder decoder;
    private final boolean grouped;
    private final int[] keep;
    private final boolean localDates;

    /**
     * @param ruleset              the ruleset's text
     * @param asOf                 the evaluation date
     * @param maxFiringsPerAccount the firing limit per account
     * @param decoder              reads the account rows
     * @param grouped              whether the input is {@link #GROUPED} rows rather than account rows
     * @param keep                 positions of the account columns copied to the result
     * @param localDates           whether Spark takes dates as {@link LocalDate}
     */
    public ScorePartition(RulesetSource ruleset, LocalDate asOf, int maxFiringsPerAccount, AccountDecoder decoder,
                          boolean grouped, int[] keep, boolean localDates) {
        this.ruleset = Objects.requireNonNull(ruleset, "ruleset");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.maxFiringsPerAccount = maxFiringsPerAccount;
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.grouped = grouped;
        this.keep = keep.clone();
        this.localDates = localDates;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        FitEngine engine = EngineCache.shared().get(ruleset,
                IcpRules.builder().maxFiringsPerAccount(maxFiringsPerAccount).settings());
        // The account rows pulled so far and not yet answered: results come back in the same order.
        Deque<Row> accounts = new ArrayDeque<>();
        Iterator<AccountRecord> records = grouped ? new Assembled(input, accounts) : new Iterator<>() {
            @Override
            public boolean hasNext() {
                return input.hasNext();
            }

            @Override
            public AccountRecord next() {
                Row a = input.next();
                accounts.addLast(a);
                return decoder.toRecord(a, null, null);
            }
        };
        Iterator<ScoredRecord> scored = RecordScorer.scoreSequentially(engine, records, asOf);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return scored.hasNext();
            }

            @Override
            public Row next() {
                ScoredRecord s = scored.next();
                return ResultRows.row(accounts.pollFirst(), keep, s, localDates);
            }
        };
    }

    /** Account records assembled from sorted grouped rows. */
    private final class Assembled implements Iterator<AccountRecord> {
        private final Iterator<Row> input;
        private final Deque<Row> accounts;
        /** The events and contacts of the keys whose rows share the current hash, by key. */
        private final Map<String, Related> related = new HashMap<>();
        private long hash;
        private boolean started;
        private AccountRecord next;

        Assembled(Iterator<Row> input, Deque<Row> accounts) {
            this.input = input;
            this.accounts = accounts;
        }

        @Override
        public boolean hasNext() {
            while (next == null && input.hasNext()) {
                Row r = input.next();
                long h = r.getLong(6) & ~(long) KIND_MASK;
                if (!started || h != hash) {
                    started = true;
                    hash = h;
                    related.clear();
                }
                String k = r.isNullAt(0) ? null : r.getString(0);
                int kind = r.getInt(1);
                if (kind == ACCOUNT) {
                    Row a = r.getStruct(3);
                    accounts.addLast(a);
                    Related mine = related.get(k);
                    next = mine == null ? decoder.toRecord(a, List.of(), List.of())
                            : decoder.toRecord(a, mine.events.inOrder(), mine.contacts.inOrder());
                } else {
                    Related mine = related.computeIfAbsent(k, x -> new Related());
                    if (kind == EVENT) {
                        mine.events.add(r.getLong(2), r.getStruct(4));
                    } else {
                        mine.contacts.add(r.getLong(2), r.getStruct(5));
                    }
                }
            }
            return next != null;
        }

        @Override
        public AccountRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            AccountRecord r = next;
            next = null;
            return r;
        }
    }

    /** One key's events and contacts. */
    private static final class Related {
        final Ordered events = new Ordered();
        final Ordered contacts = new Ordered();
    }

    /** Rows with their ordinal in their file, handed on in file order. */
    private static final class Ordered {
        private final List<Row> rows = new ArrayList<>();
        private long[] ordinals = new long[4];
        private boolean sorted = true;

        void add(long ordinal, Row row) {
            int n = rows.size();
            if (n == ordinals.length) {
                ordinals = Arrays.copyOf(ordinals, n * 2);
            }
            if (n > 0 && ordinal < ordinals[n - 1]) {
                sorted = false;
            }
            ordinals[n] = ordinal;
            rows.add(row);
        }

        /** @return the rows by ordinal (once sorted, they stay so for the key's further account rows) */
        List<Row> inOrder() {
            if (!sorted) {
                Integer[] at = new Integer[rows.size()];
                for (int i = 0; i < at.length; i++) {
                    at[i] = i;
                }
                Arrays.sort(at, Comparator.comparingLong(i -> ordinals[i]));
                List<Row> byOrdinal = new ArrayList<>(at.length);
                long[] o = new long[ordinals.length];
                for (int i = 0; i < at.length; i++) {
                    byOrdinal.add(rows.get(at[i]));
                    o[i] = ordinals[at[i]];
                }
                rows.clear();
                rows.addAll(byOrdinal);
                ordinals = o;
                sorted = true;
            }
            return rows;
        }
    }
}

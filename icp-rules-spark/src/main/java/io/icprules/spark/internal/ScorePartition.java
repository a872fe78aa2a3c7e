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
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
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
 * none), or, with separate events and contacts, {@link #GROUPED} rows sorted by account key and
 * then kind: each key's events and contacts come just before its account rows, so an account is
 * assembled without a join and without holding more than one account's related rows.
 */
public final class ScorePartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /**
     * Layout of grouped rows: key, kind ({@link #EVENT}, {@link #CONTACT}, {@link #ACCOUNT}), ordinal,
     * one struct of the three, and the key's hash (for the sort).
     */
    public static final List<String> GROUPED = List.of("k", "t", "o", "a", "e", "c", "h");
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
        private final List<Row> events = new ArrayList<>();
        private final List<Row> contacts = new ArrayList<>();
        private String key;
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
                String k = r.isNullAt(0) ? null : r.getString(0);
                if (!started || !Objects.equals(k, key)) {
                    started = true;
                    key = k;
                    events.clear();
                    contacts.clear();
                }
                switch (r.getInt(1)) {
                    case EVENT -> events.add(r.getStruct(4));
                    case CONTACT -> contacts.add(r.getStruct(5));
                    default -> {
                        Row a = r.getStruct(3);
                        accounts.addLast(a);
                        next = decoder.toRecord(a, events, contacts);
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
}

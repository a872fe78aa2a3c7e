package io.icprules.spark;

import io.icprules.engine.EngineCache;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.io.AccountRecord;
import io.icprules.io.score.RecordScorer;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

/**
 * Scores one partition inside a Spark task. Only the ruleset's text travels with the task; the
 * engine comes from the worker JVM's {@link EngineCache}, built inside the task (where the context
 * class loader is the one that sees the job's jars) and compiled once per JVM. Rows are read,
 * scored and handed on one at a time, so a partition is never held in memory; every row yields
 * exactly one result.
 */
final class ScorePartition implements MapPartitionsFunction<Row, ScoredAccount> {

    private static final long serialVersionUID = 1L;

    private final RulesetSource ruleset;
    private final LocalDate asOf;
    private final int maxFiringsPerAccount;
    private final JoinedRowDecoder rows;

    ScorePartition(RulesetSource ruleset, LocalDate asOf, int maxFiringsPerAccount, JoinedRowDecoder rows) {
        this.ruleset = Objects.requireNonNull(ruleset, "ruleset");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.maxFiringsPerAccount = maxFiringsPerAccount;
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    @Override
    public Iterator<ScoredAccount> call(Iterator<Row> input) {
        FitEngine engine = EngineCache.shared().get(ruleset,
                IcpRules.builder().maxFiringsPerAccount(maxFiringsPerAccount).settings());
        Iterator<AccountRecord> records = StreamSupport.stream(Spliterators.spliteratorUnknownSize(input, 0), false)
                .map(rows::toRecord)
                .iterator();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                        RecordScorer.scoreSequentially(engine, records, asOf), 0), false)
                .map(ScoredAccount::of)
                .iterator();
    }
}

package io.icprules.spark.internal;

import io.icprules.io.CsvResultWriter;
import io.icprules.io.ScoredRecord;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.util.List;

/**
 * The rows the scoring tasks hand to Spark, built directly against an explicit schema (no bean
 * encoder, no conversion afterwards): the account's own columns that are kept, then
 * {@link #SCORED}. The ruleset stamp and the evaluation date are the same on every row and are
 * added by the query afterwards, not encoded per row.
 */
public final class ResultRows {

    /** A ledger line: {@code rule, kind, points, declared_points, reason, group, event_type, event_date}. */
    public static final StructType LEDGER_LINE = new StructType()
            .add("rule", DataTypes.StringType)
            .add("kind", DataTypes.StringType)
            .add("points", DataTypes.createDecimalType(7, 1))
            .add("declared_points", DataTypes.createDecimalType(7, 1))
            .add("reason", DataTypes.StringType)
            .add("group", DataTypes.StringType)
            .add("event_type", DataTypes.StringType)
            .add("event_date", DataTypes.DateType);

    /** The columns every task writes per account, after the kept account columns. */
    public static final StructType SCORED = new StructType()
            .add("account_id", DataTypes.StringType)
            .add("decision", DataTypes.StringType)
            .add("tier", DataTypes.StringType)
            .add("score", DataTypes.createDecimalType(4, 1))
            .add("ledger", DataTypes.createArrayType(LEDGER_LINE, false))
            .add("ledger_text", DataTypes.StringType)
            .add("unmet_hard_filters", DataTypes.StringType)
            .add("disqualifiers", DataTypes.StringType)
            .add("missing_fields", DataTypes.StringType)
            .add("error", DataTypes.StringType);

    private ResultRows() {
    }

    /**
     * @param accounts the accounts Dataset's schema
     * @param keep     positions of the account columns kept, in order
     * @return the schema of the task's rows
     */
    public static StructType schema(StructType accounts, int[] keep) {
        StructType s = new StructType();
        for (int i : keep) {
            StructField f = accounts.fields()[i];
            s = s.add(f);
        }
        for (StructField f : SCORED.fields()) {
            s = s.add(f);
        }
        return s;
    }

    /**
     * @param account    the account row, or null when no account columns are kept
     * @param keep       positions of the account columns kept
     * @param scored     its result
     * @param localDates whether Spark takes dates as {@link LocalDate} (the Java 8 date API is on)
     *                   rather than {@link java.sql.Date}
     * @return the row
     */
    public static Row row(Row account, int[] keep, ScoredRecord scored, boolean localDates) {
        Object[] v = new Object[keep.length + SCORED.size()];
        for (int i = 0; i < keep.length; i++) {
            v[i] = account.get(keep[i]);
        }
        int at = keep.length;
        v[at] = scored.accountId();
        v[at + 1] = scored.decision();
        FitResult r = scored.result();
        if (r == null) {
            v[at + 9] = scored.error();
            return RowFactory.create(v);
        }
        v[at + 2] = r.tier();
        v[at + 3] = r.score();
        List<LedgerLine> ledger = r.ledger();
        Row[] lines = new Row[ledger.size()];
        for (int i = 0; i < lines.length; i++) {
            LedgerLine l = ledger.get(i);
            LocalDate date = l.eventDate().orElse(null);
            lines[i] = RowFactory.create(l.rule(), l.kind().name(), l.points(), l.declaredPoints(), l.reason(),
                    l.group().orElse(null), l.eventType().orElse(null),
                    date == null || localDates ? date : java.sql.Date.valueOf(date));
        }
        v[at + 4] = scala.collection.immutable.ArraySeq.unsafeWrapArray(lines); // Spark wants a Seq; no copy
        v[at + 5] = CsvResultWriter.ledger(ledger);
        v[at + 6] = CsvResultWriter.notes(r.unmetHardFilters());
        v[at + 7] = CsvResultWriter.notes(r.disqualifiers());
        v[at + 8] = String.join("; ", r.missingFields());
        return RowFactory.create(v);
    }
}

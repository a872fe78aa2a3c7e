package io.icprules.spark;

import io.icprules.io.OrphanRows;
import io.icprules.spark.internal.InputColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.when;

/**
 * Counts the event or contact rows no account claims: rows naming an account id that is not among
 * the accounts, and rows with a blank {@code account_id}. Such rows do not change any result, but a
 * run reports them, so that an id typo or a file meant for other accounts is noticed.
 */
public final class UnmatchedRows {

    private UnmatchedRows() {
    }

    /**
     * Counts the events no account claims (this runs small Spark jobs).
     *
     * @param label    the events file's name for the report, never null
     * @param events   the events, never null
     * @param accounts the accounts, never null
     * @return the report; {@link OrphanRows#isEmpty()} when every row was claimed
     * @throws IllegalArgumentException when a Dataset's columns are unusable
     */
    public static OrphanRows events(String label, Dataset<Row> events, Dataset<Row> accounts) {
        return unmatched(label, events, InputColumns.events(events.schema()), accounts,
                InputColumns.accounts(accounts.schema()).key("id"));
    }

    /**
     * Counts the events no account claims, the accounts read as a scorer reads them (through its
     * column mapping, if it has one).
     *
     * @param label    the events file's name for the report, never null
     * @param events   the events, never null
     * @param accounts the accounts, never null
     * @param scorer   the scorer, never null
     * @return the report; {@link OrphanRows#isEmpty()} when every row was claimed
     * @throws IllegalArgumentException when a Dataset's columns are unusable
     */
    public static OrphanRows events(String label, Dataset<Row> events, Dataset<Row> accounts, SparkScorer scorer) {
        return unmatched(label, events, InputColumns.events(events.schema()), accounts,
                scorer.accountKey(accounts.schema()));
    }

    /**
     * Counts the contacts no account claims (this runs small Spark jobs).
     *
     * @param label    the contacts file's name for the report, never null
     * @param contacts the contacts, never null
     * @param accounts the accounts, never null
     * @return the report; {@link OrphanRows#isEmpty()} when every row was claimed
     * @throws IllegalArgumentException when a Dataset's columns are unusable
     */
    public static OrphanRows contacts(String label, Dataset<Row> contacts, Dataset<Row> accounts) {
        return unmatched(label, contacts, InputColumns.contacts(contacts.schema()), accounts,
                InputColumns.accounts(accounts.schema()).key("id"));
    }

    /**
     * Counts the contacts no account claims, the accounts read as a scorer reads them.
     *
     * @param label    the contacts file's name for the report, never null
     * @param contacts the contacts, never null
     * @param accounts the accounts, never null
     * @param scorer   the scorer, never null
     * @return the report; {@link OrphanRows#isEmpty()} when every row was claimed
     * @throws IllegalArgumentException when a Dataset's columns are unusable
     */
    public static OrphanRows contacts(String label, Dataset<Row> contacts, Dataset<Row> accounts, SparkScorer scorer) {
        return unmatched(label, contacts, InputColumns.contacts(contacts.schema()), accounts,
                scorer.accountKey(accounts.schema()));
    }

    private static OrphanRows unmatched(String label, Dataset<Row> related, InputColumns columns,
                                        Dataset<Row> accounts, Column accountKey) {
        Dataset<Row> keys = related.select(columns.key("account_id").as("k"));
        Dataset<Row> ids = accounts.select(accountKey.as("id")).where(col("id").isNotNull()).distinct();
        // A blank key matches nothing, so the rows left are the blank ones and the orphans.
        Dataset<Row> unclaimed = keys.join(ids, keys.col("k").equalTo(ids.col("id")), "left_anti");
        Row totals = unclaimed.agg(count(col("k")), countDistinct(col("k")), count(when(col("k").isNull(), 1)))
                .first();
        long rows = totals.getLong(0);
        List<String> first = rows == 0 ? List.of() : unclaimed.where(col("k").isNotNull()).select(col("k"))
                .distinct().orderBy(col("k")).limit(OrphanRows.SHOWN).as(Encoders.STRING()).collectAsList();
        return new OrphanRows(label, rows, totals.getLong(1), first, totals.getLong(2), List.of());
    }
}

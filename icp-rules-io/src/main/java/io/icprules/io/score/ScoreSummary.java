package io.icprules.io.score;

import io.icprules.io.OrphanRows;
import io.icprules.io.ScoredRecord;
import io.icprules.result.Decision;
import io.icprules.result.RulesetInfo;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tallies the records of a run: how many got each decision, the tiers among the fits, and the first
 * few errors, and prints that as the run's summary. Not thread-safe.
 */
public final class ScoreSummary {

    /** How many error records the summary quotes; the output file holds all of them. */
    public static final int ERRORS_SHOWN = 10;

    private final RulesetInfo ruleset;
    private final LocalDate asOf;
    private final Map<Decision, Long> decisions = new EnumMap<>(Decision.class);
    private final Map<String, Long> fitTiers = new TreeMap<>();
    private final List<String> firstErrors = new ArrayList<>();
    private long errors;
    private long total;

    /**
     * Starts a tally.
     *
     * @param ruleset the ruleset used, never null
     * @param asOf    the evaluation date used, never null
     */
    public ScoreSummary(RulesetInfo ruleset, LocalDate asOf) {
        this.ruleset = Objects.requireNonNull(ruleset, "ruleset");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        for (Decision d : Decision.values()) {
            decisions.put(d, 0L);
        }
    }

    /**
     * Counts one record.
     *
     * @param record the record, never null
     */
    public void add(ScoredRecord record) {
        total++;
        if (record.isError()) {
            errors++;
            if (firstErrors.size() < ERRORS_SHOWN) {
                firstErrors.add("line " + record.line()
                        + (record.accountId() == null ? "" : " (account " + record.accountId() + ")")
                        + ": " + record.error());
            }
            return;
        }
        Decision d = record.result().decision();
        decisions.merge(d, 1L, Long::sum);
        if (d == Decision.FIT) {
            fitTiers.merge(record.result().tier(), 1L, Long::sum);
        }
    }

    /**
     * Counts records tallied elsewhere, such as by a distributed job.
     *
     * @param decision the decision, never null
     * @param tier     the tier, never null
     * @param count    how many records got that decision and tier, 0 or more
     */
    public void add(Decision decision, String tier, long count) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(tier, "tier");
        total += count;
        decisions.merge(decision, count, Long::sum);
        if (decision == Decision.FIT) {
            fitTiers.merge(tier, count, Long::sum);
        }
    }

    /**
     * Counts error records tallied elsewhere, such as by a distributed job.
     *
     * @param count    how many error records there are, 0 or more
     * @param examples descriptions of some of them (the first {@value #ERRORS_SHOWN} are quoted),
     *                 never null
     */
    public void addErrors(long count, List<String> examples) {
        total += count;
        errors += count;
        for (String e : examples) {
            if (firstErrors.size() < ERRORS_SHOWN) {
                firstErrors.add(e);
            }
        }
    }

    /** @return records counted */
    public long total() {
        return total;
    }

    /** @return error records counted */
    public long errors() {
        return errors;
    }

    /**
     * @param decision a decision, never null
     * @return records counted with it
     */
    public long count(Decision decision) {
        return decisions.get(decision);
    }

    /** @return fits per tier, by tier name */
    public Map<String, Long> fitTiers() {
        return Map.copyOf(fitTiers);
    }

    /**
     * Prints the counts only: one line per decision (with the tiers among fits) and one for errors.
     *
     * @param out where to print, never null
     */
    public void printCounts(PrintWriter out) {
        for (Decision d : Decision.values()) {
            String line = String.format(Locale.ROOT, "  %-18s %,10d", d.name(), decisions.get(d));
            if (d == Decision.FIT && !fitTiers.isEmpty()) {
                line += "   tiers: " + fitTiers.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            }
            out.println(line);
        }
        out.println(String.format(Locale.ROOT, "  %-18s %,10d", ScoredRecord.ERROR, errors));
    }

    /** @return the ruleset counted */
    public RulesetInfo ruleset() {
        return ruleset;
    }

    /**
     * Prints the summary.
     *
     * @param out     where to print, never null
     * @param source  the accounts file's name, for the heading, never null
     * @param orphans unclaimed event and contact rows, never null
     */
    public void print(PrintWriter out, String source, List<OrphanRows> orphans) {
        out.println(String.format(Locale.ROOT, "Scored %,d %s from %s as of %s with ruleset %s", total,
                total == 1 ? "record" : "records", source, asOf, ruleset));
        printCounts(out);
        if (errors > 0) {
            out.println("Errors" + (errors > firstErrors.size() ? " (first " + firstErrors.size() + " of " + errors + ")" : "")
                    + ":");
            firstErrors.forEach(e -> out.println("  " + e));
        }
        for (OrphanRows o : orphans) {
            out.println("Not matched to any account: " + o.describe());
        }
        out.flush();
    }
}

package io.icprules.io.score;

import io.icprules.io.OrphanRows;
import io.icprules.io.ProfiledRecord;
import io.icprules.io.ScoredRecord;
import io.icprules.result.RulesetInfo;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Tallies a run against several profiles: per profile, how many records got each decision; how
 * often each profile was the best fit; and the first few errors. Not thread-safe.
 */
public final class ProfilesSummary {

    private final LocalDate asOf;
    private final Map<String, ScoreSummary> byProfile = new LinkedHashMap<>();
    private final Map<String, Long> best = new LinkedHashMap<>();
    private final List<String> firstErrors = new ArrayList<>();
    private long noFit;
    private long total;
    private long errors;

    /**
     * Starts a tally.
     *
     * @param profiles profile name to its ruleset, in profile order; never null
     * @param asOf     the evaluation date used, never null
     */
    public ProfilesSummary(Map<String, RulesetInfo> profiles, LocalDate asOf) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        profiles.forEach((name, info) -> {
            byProfile.put(name, new ScoreSummary(info, asOf));
            best.put(name, 0L);
        });
    }

    /**
     * Counts one record.
     *
     * @param record the record, never null
     */
    public void add(ProfiledRecord record) {
        total++;
        if (record.isError()) {
            errors++;
            note(record.line(), record.accountId(), record.error());
            byProfile.values().forEach(s -> s.add(ScoredRecord.error(record.line(), record.accountId(), record.error())));
            return;
        }
        boolean failed = false;
        for (Map.Entry<String, ScoreSummary> e : byProfile.entrySet()) {
            ScoredRecord s = record.profiles().get(e.getKey());
            e.getValue().add(s);
            if (s.isError()) {
                failed = true;
                note(record.line(), record.accountId(), e.getKey() + ": " + s.error());
            }
        }
        if (failed) {
            errors++;
        }
        if (record.bestProfile() == null) {
            noFit++;
        } else {
            best.merge(record.bestProfile(), 1L, Long::sum);
        }
    }

    private void note(long line, String accountId, String error) {
        if (firstErrors.size() < ScoreSummary.ERRORS_SHOWN) {
            firstErrors.add("line " + line + (accountId == null ? "" : " (account " + accountId + ")") + ": " + error);
        }
    }

    /** @return records counted */
    public long total() {
        return total;
    }

    /** @return records that could not be read, or that some profile failed to evaluate */
    public long errors() {
        return errors;
    }

    /**
     * @param profile a profile name
     * @return how many records had it as their best fit
     */
    public long bestCount(String profile) {
        return best.getOrDefault(profile, 0L);
    }

    /**
     * @param profile a profile name
     * @return that profile's tally
     * @throws IllegalArgumentException when there is no such profile
     */
    public ScoreSummary profile(String profile) {
        ScoreSummary s = byProfile.get(profile);
        if (s == null) {
            throw new IllegalArgumentException("no profile '" + profile + "'");
        }
        return s;
    }

    /**
     * Prints the summary.
     *
     * @param out     where to print, never null
     * @param source  the accounts file's name, for the heading, never null
     * @param orphans unclaimed event and contact rows, never null
     */
    public void print(PrintWriter out, String source, List<OrphanRows> orphans) {
        out.println(String.format(Locale.ROOT, "Scored %,d %s from %s as of %s with %d profiles", total,
                total == 1 ? "record" : "records", source, asOf, byProfile.size()));
        byProfile.forEach((name, s) -> {
            out.println("Profile " + name + ": ruleset " + s.ruleset());
            s.printCounts(out);
        });
        List<String> parts = new ArrayList<>();
        best.forEach((name, n) -> parts.add(String.format(Locale.ROOT, "%s %,d", name, n)));
        parts.add(String.format(Locale.ROOT, "no fit %,d", noFit));
        out.println("Best fit: " + String.join(", ", parts) + (errors > 0 ? String.format(Locale.ROOT,
                " (%,d with errors)", errors) : ""));
        if (!firstErrors.isEmpty()) {
            out.println("Errors" + (errors > firstErrors.size() ? " (first " + firstErrors.size() + ")" : "") + ":");
            firstErrors.forEach(e -> out.println("  " + e));
        }
        for (OrphanRows o : orphans) {
            out.println("Not matched to any account: " + o.describe());
        }
        out.flush();
    }
}

package io.icprules.scoring.internal;

import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Event;
import io.icprules.result.Decision;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import io.icprules.result.RuleKind;
import io.icprules.result.RuleNote;
import io.icprules.result.RulesetInfo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the rules that matched an account into its {@link FitResult}: ledger, score, tier and
 * decision. Plain Java with no rule engine in sight, so that the arithmetic can be tested on its own
 * and is the same whichever way the matches were found. Immutable and thread-safe.
 *
 * <p>The arithmetic, in order:
 * <ol>
 *   <li>a soft signal adds its points; a hard filter or disqualifier that fired adds a 0-point line;</li>
 *   <li>a trigger adds {@code points × 0.5^(age / halfLife)} for the freshest matching event
 *       (or for each, with {@code @perEvent}), rounded half-up to one decimal; without a half-life
 *       it adds its full points;</li>
 *   <li>a group whose lines add up to more than its cap gets an adjustment line bringing it back to
 *       the cap;</li>
 *   <li>a total above 100 or below 0 gets an adjustment line bringing it into range.</li>
 * </ol>
 * The score is the exact sum of the lines. The decision is {@code DISQUALIFIED} if a disqualifier
 * fired, else {@code INSUFFICIENT_DATA} if a required field is unknown, else {@code EXCLUDED} if a hard
 * filter did not fire, else {@code FIT}.
 */
public final class Scorer {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100).setScale(1, RoundingMode.UNNECESSARY);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(1, RoundingMode.UNNECESSARY);
    private static final double SECONDS_PER_DAY = 86_400.0;
    private static final long NOT_IN_TENTHS = Long.MIN_VALUE;

    private final RuleCatalog catalog;
    private final ScoringPolicy policy;
    private final RulesetInfo ruleset;
    /** The positions of {@link RuleCatalog#hardFilters()} in the catalog, in that order. */
    private final int[] hardFilterPositions;
    /** The capped groups and their caps, in the policy's order. */
    private final String[] capGroups;
    private final BigDecimal[] caps;
    /** The caps in tenths of a point, or {@link #NOT_IN_TENTHS} for a cap with more decimal places. */
    private final long[] capTenths;
    /** For each rule of the catalog, the index of its group in {@link #capGroups}, or -1. */
    private final int[] capOfRule;

    /**
     * @param catalog the ruleset's rules, never null
     * @param policy  tiers, caps and required fields, never null
     * @param ruleset the ruleset's identity, stamped on every result, never null
     */
    public Scorer(RuleCatalog catalog, ScoringPolicy policy, RulesetInfo ruleset) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.ruleset = Objects.requireNonNull(ruleset, "ruleset");
        this.hardFilterPositions = catalog.hardFilters().stream().mapToInt(h -> catalog.position(h.name())).toArray();
        this.capGroups = policy.caps().keySet().toArray(new String[0]);
        this.caps = policy.caps().values().toArray(new BigDecimal[0]);
        this.capTenths = new long[caps.length];
        for (int c = 0; c < caps.length; c++) {
            BigDecimal t = caps[c].movePointRight(1);
            try {
                capTenths[c] = t.stripTrailingZeros().scale() <= 0 ? t.longValueExact() : NOT_IN_TENTHS;
            } catch (ArithmeticException tooLarge) {
                capTenths[c] = NOT_IN_TENTHS;
            }
        }
        List<String> capped = List.of(capGroups);
        this.capOfRule = catalog.rules().stream().mapToInt(r -> r.group().map(capped::indexOf).orElse(-1)).toArray();
    }

    /** @return the catalog this scorer reads, never null */
    public RuleCatalog catalog() {
        return catalog;
    }

    /** @return the policy this scorer applies, never null */
    public ScoringPolicy policy() {
        return policy;
    }

    /** @return the ruleset identity stamped on results, never null */
    public RulesetInfo ruleset() {
        return ruleset;
    }

    /**
     * Scores one account.
     *
     * @param facts   the account's facts, never null
     * @param matches every firing of the account's evaluation, in any order, never null
     * @param asOf    the evaluation date, never null
     * @return the result, never null
     * @throws IllegalArgumentException when a match names a rule the catalog does not have
     */
    public FitResult score(AccountFacts facts, List<RuleMatch> matches, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        Account account = facts.account();
        // Small steps, each a method of its own: the JIT compiles them separately, so a path one
        // step takes late in a run recompiles that step, not the whole scorer.
        int[] positions = new int[matches.size()];
        RuleMatch[] sorted = inRulesetOrder(matches, positions);
        List<LedgerLine> lines = new ArrayList<>(matches.size() + 2);
        List<RuleNote> disqualifiers = new ArrayList<>(1);
        // Sums are kept in tenths of a point, exactly (every line has one decimal place), so that
        // totalling costs no BigDecimal per line.
        long[] groupTenths = new long[capGroups.length];
        boolean[] grouped = new boolean[capGroups.length];
        ruleLines(sorted, positions, account, asOf, lines, disqualifiers, groupTenths, grouped);
        long total = adjust(lines, groupTenths, grouped);
        FitResult.Builder result = FitResult.builder().accountId(account.getId()).ruleset(ruleset).asOf(asOf);
        for (int i = 0; i < lines.size(); i++) {
            result.addLine(lines.get(i));
        }
        result.tier(policy.tierOf(BigDecimal.valueOf(total, 1)));
        boolean missing = missingFields(account, result);
        boolean unmet = unmetHardFilters(positions, account, asOf, result);
        for (int i = 0; i < disqualifiers.size(); i++) {
            result.addDisqualifier(disqualifiers.get(i));
        }
        Decision decision = !disqualifiers.isEmpty() ? Decision.DISQUALIFIED
                : missing ? Decision.INSUFFICIENT_DATA
                : unmet ? Decision.EXCLUDED
                : Decision.FIT;
        return result.decision(decision).build();
    }

    /**
     * The matches sorted by their rule's position in the catalog, so that the ledger follows ruleset
     * order; a rule's matches keep their order. A stable insertion sort: an account's matches are few.
     *
     * @param positions filled with the sorted matches' rule positions
     */
    private RuleMatch[] inRulesetOrder(List<RuleMatch> matches, int[] positions) {
        RuleMatch[] sorted = new RuleMatch[matches.size()];
        for (int i = 0; i < sorted.length; i++) {
            RuleMatch m = matches.get(i);
            int pos = catalog.position(m.rule());
            if (pos < 0) {
                throw new IllegalArgumentException("rule \"" + m.rule() + "\" is not in the catalog");
            }
            int j = i;
            for (; j > 0 && positions[j - 1] > pos; j--) {
                positions[j] = positions[j - 1];
                sorted[j] = sorted[j - 1];
            }
            positions[j] = pos;
            sorted[j] = m;
        }
        return sorted;
    }

    /**
     * One line per rule that fired (one per counted event for triggers), in ruleset order; totals the
     * capped groups' points on the way.
     */
    private void ruleLines(RuleMatch[] sorted, int[] positions, Account account, LocalDate asOf, List<LedgerLine> lines,
                           List<RuleNote> disqualifiers, long[] groupTenths, boolean[] grouped) {
        List<RuleSpec> rules = catalog.rules();
        int from = 0;
        while (from < sorted.length) {
            int position = positions[from];
            int to = from + 1; // the rule's matches are sorted[from..to)
            while (to < sorted.length && positions[to] == position) {
                to++;
            }
            int first = lines.size();
            linesOf(rules.get(position), sorted, from, to, account, asOf, lines, disqualifiers);
            int cap = capOfRule[position];
            for (int l = first; cap >= 0 && l < lines.size(); l++) {
                groupTenths[cap] += tenths(lines.get(l).points());
                grouped[cap] = true;
            }
            from = to;
        }
    }

    /**
     * The lines of one rule that fired, from its matches {@code sorted[from..to)}: what its kind
     * ({@link RuleKind}) says it scores, and a disqualification note when its kind disqualifies.
     */
    private void linesOf(RuleSpec rule, RuleMatch[] sorted, int from, int to, Account account, LocalDate asOf,
                         List<LedgerLine> lines, List<RuleNote> disqualifiers) {
        RuleKind kind = rule.kind();
        if (kind.scoresEvents()) {
            triggerLines(rule, sorted, from, to, account, asOf, lines);
            return;
        }
        BigDecimal points = kind.scoresPoints() ? rule.points() : ZERO;
        String why = reason(rule, sorted[from], null, points, account, asOf);
        if (kind.disqualifiesWhenFired()) {
            disqualifiers.add(RuleNote.of(rule.name(), why));
        }
        lines.add(LedgerLine.of(rule.name(), kind, points, points, why, rule.group().orElse(null)));
    }

    /**
     * Adds the group caps' adjustment lines, in the policy's order, then the clamp into 0..100 when
     * needed.
     *
     * @return the score in tenths of a point: the sum of all lines
     */
    private long adjust(List<LedgerLine> lines, long[] groupTenths, boolean[] grouped) {
        for (int c = 0; c < capGroups.length; c++) {
            if (grouped[c] && compareToCap(groupTenths[c], c) > 0) {
                lines.add(capLine(capGroups[c], caps[c], BigDecimal.valueOf(groupTenths[c], 1)));
            }
        }
        long total = 0;
        for (LedgerLine l : lines) {
            total += tenths(l.points());
        }
        if (total > 1000 || total < 0) {
            LedgerLine clamp = clamp(BigDecimal.valueOf(total, 1));
            lines.add(clamp);
            total += tenths(clamp.points());
        }
        return total;
    }

    /**
     * A line's points in tenths of a point, exactly: a line has one decimal place ({@link LedgerLine}),
     * so its points are a whole number of tenths, which a double holds exactly far beyond any score.
     */
    static long tenths(BigDecimal points) {
        if (points.scale() == 1) {
            double tenths = points.doubleValue() * 10;
            if (Math.abs(tenths) < 1e12) {
                return Math.round(tenths);
            }
        }
        return points.setScale(1, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    /** Compares a group's total in tenths with its cap, which may have any number of decimal places. */
    private int compareToCap(long tenths, int cap) {
        return capTenths[cap] != NOT_IN_TENTHS ? Long.compare(tenths, capTenths[cap])
                : BigDecimal.valueOf(tenths, 1).compareTo(caps[cap]);
    }

    private static LedgerLine clamp(BigDecimal total) {
        return total.signum() < 0
                ? LedgerLine.adjustment("clamp", total.negate(),
                "Score floored at 0 (rules totalled " + total.toPlainString() + ")")
                : LedgerLine.adjustment("clamp", HUNDRED.subtract(total),
                "Score capped at 100 (rules totalled " + total.toPlainString() + ")");
    }

    /** Notes the required fields the account lacks; true when there is one. */
    private boolean missingFields(Account account, FitResult.Builder result) {
        boolean missing = false;
        for (String field : policy.requiredFields()) {
            if (account.field(field) == null) {
                missing = true;
                result.addMissingField(field);
            }
        }
        return missing;
    }

    /** Notes the hard filters that did not fire; true when there is one. */
    private boolean unmetHardFilters(int[] firedPositions, Account account, LocalDate asOf,
                                     FitResult.Builder result) {
        boolean unmet = false;
        for (int position : hardFilterPositions) {
            if (Arrays.binarySearch(firedPositions, position) < 0) {
                RuleSpec hard = catalog.rules().get(position);
                unmet = true;
                result.addUnmetHardFilter(RuleNote.of(hard.name(),
                        hard.reason().render(account, null, ZERO, asOf, Map.of())));
            }
        }
        return unmet;
    }

    private void triggerLines(RuleSpec rule, RuleMatch[] sorted, int from, int to, Account account, LocalDate asOf,
                              List<LedgerLine> out) {
        String group = rule.group().orElse(null);
        if (!rule.perEvent()) {
            out.add(triggerLine(rule, freshest(sorted, from, to), account, asOf, group));
            return;
        }
        for (int i = from; i < to; i++) {
            out.add(triggerLine(rule, sorted[i], account, asOf, group));
        }
    }

    private LedgerLine triggerLine(RuleSpec rule, RuleMatch m, Account account, LocalDate asOf, String group) {
        Event event = newestEvent(m);
        BigDecimal points = rule.points();
        if (event != null && rule.halfLife().isPresent()) {
            points = decay(rule.points(), ChronoUnit.DAYS.between(event.getDate(), asOf),
                    rule.halfLife().get().getSeconds() / SECONDS_PER_DAY);
        }
        String why = reason(rule, m, event, points, account, asOf);
        return event == null
                ? LedgerLine.of(rule.name(), rule.kind(), points, rule.points(), why, group)
                : LedgerLine.trigger(rule.name(), points, rule.points(), why, group, event.getType(), event.getDate());
    }

    /** The match whose newest event is the newest of all; ties keep the first match. */
    private static RuleMatch freshest(RuleMatch[] sorted, int from, int to) {
        RuleMatch best = sorted[from];
        Event bestEvent = newestEvent(best);
        for (int i = from + 1; i < to; i++) {
            RuleMatch m = sorted[i];
            Event e = newestEvent(m);
            if (e != null && (bestEvent == null || e.getDate().isAfter(bestEvent.getDate()))) {
                best = m;
                bestEvent = e;
            }
        }
        return best;
    }

    /** The match's newest event (the first of equally new ones), or null when it has none. */
    private static Event newestEvent(RuleMatch m) {
        Event newest = null;
        List<Event> events = m.events();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (newest == null || e.getDate().isAfter(newest.getDate())) {
                newest = e;
            }
        }
        return newest;
    }

    /**
     * Decays points by an event's age: {@code points × 0.5^(ageDays / halfLifeDays)}, rounded half-up
     * to one decimal. An event of age 0 (or in the future) keeps its full points.
     *
     * @param points       declared points
     * @param ageDays      days since the event
     * @param halfLifeDays the half-life in days, positive
     * @return the decayed points, one decimal place
     */
    public static BigDecimal decay(BigDecimal points, long ageDays, double halfLifeDays) {
        if (ageDays <= 0) {
            return points.setScale(1, RoundingMode.HALF_UP);
        }
        // StrictMath: the same bits on every JVM and platform, so results match across machines.
        double factor = StrictMath.pow(0.5, ageDays / halfLifeDays);
        return BigDecimal.valueOf(points.doubleValue() * factor).setScale(1, RoundingMode.HALF_UP);
    }

    private static LedgerLine capLine(String group, BigDecimal cap, BigDecimal groupTotal) {
        return LedgerLine.adjustment("cap: " + group, cap.subtract(groupTotal),
                "Group " + group + " is capped at " + cap.stripTrailingZeros().toPlainString()
                        + " points (its signals totalled " + groupTotal.toPlainString() + ")");
    }

    private static String reason(RuleSpec rule, RuleMatch match, Event event, BigDecimal points, Account account,
                                 LocalDate asOf) {
        return rule.reason().render(account, event, points, asOf, match.bindings());
    }
}

package io.icprules.scoring;

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
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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

    private final RuleCatalog catalog;
    private final ScoringPolicy policy;
    private final RulesetInfo ruleset;
    /** The positions of {@link RuleCatalog#hardFilters()} in the catalog, in that order. */
    private final int[] hardFilterPositions;
    /** The capped groups and their caps, in the policy's order. */
    private final String[] capGroups;
    private final BigDecimal[] caps;
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
        List<RuleMatch>[] byRule = byRule(matches);
        List<LedgerLine> lines = new ArrayList<>(matches.size() + 2);
        List<RuleNote> disqualifiers = new ArrayList<>(1);
        BigDecimal[] groupTotals = new BigDecimal[capGroups.length];
        ruleLines(byRule, account, asOf, lines, disqualifiers, groupTotals);
        adjust(lines, groupTotals);
        FitResult.Builder result = FitResult.builder().accountId(account.getId()).ruleset(ruleset).asOf(asOf);
        for (LedgerLine l : lines) {
            result.addLine(l);
        }
        result.tier(policy.tierOf(sum(lines)));
        boolean missing = missingFields(account, result);
        boolean unmet = unmetHardFilters(byRule, account, asOf, result);
        for (RuleNote d : disqualifiers) {
            result.addDisqualifier(d);
        }
        Decision decision = !disqualifiers.isEmpty() ? Decision.DISQUALIFIED
                : missing ? Decision.INSUFFICIENT_DATA
                : unmet ? Decision.EXCLUDED
                : Decision.FIT;
        return result.decision(decision).build();
    }

    /** The matches grouped by the rule's position, so the ledger follows ruleset order. */
    private List<RuleMatch>[] byRule(List<RuleMatch> matches) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<RuleMatch>[] byRule = new List[catalog.rules().size()];
        for (RuleMatch m : matches) {
            int pos = catalog.position(m.rule());
            if (pos < 0) {
                throw new IllegalArgumentException("rule \"" + m.rule() + "\" is not in the catalog");
            }
            if (byRule[pos] == null) {
                byRule[pos] = new ArrayList<>(2);
            }
            byRule[pos].add(m);
        }
        return byRule;
    }

    /**
     * One line per rule that fired (one per counted event for triggers), in ruleset order; totals the
     * capped groups' points on the way.
     */
    private void ruleLines(List<RuleMatch>[] byRule, Account account, LocalDate asOf, List<LedgerLine> lines,
                           List<RuleNote> disqualifiers, BigDecimal[] groupTotals) {
        List<RuleSpec> rules = catalog.rules();
        for (int i = 0; i < byRule.length; i++) {
            List<RuleMatch> ms = byRule[i];
            if (ms == null) {
                continue;
            }
            int first = lines.size();
            linesOf(rules.get(i), ms, account, asOf, lines, disqualifiers);
            int cap = capOfRule[i];
            for (int l = first; cap >= 0 && l < lines.size(); l++) {
                BigDecimal points = lines.get(l).points();
                groupTotals[cap] = groupTotals[cap] == null ? points : groupTotals[cap].add(points);
            }
        }
    }

    /** The lines of one rule that fired. */
    private void linesOf(RuleSpec rule, List<RuleMatch> ms, Account account, LocalDate asOf, List<LedgerLine> lines,
                         List<RuleNote> disqualifiers) {
        String group = rule.group().orElse(null);
        switch (rule.kind()) {
            case TRIGGER:
                triggerLines(rule, ms, account, asOf, lines);
                break;
            case SOFT:
                lines.add(LedgerLine.of(rule.name(), RuleKind.SOFT, rule.points(), rule.points(),
                        reason(rule, ms.get(0), null, rule.points(), account, asOf), group));
                break;
            case DISQUALIFIER: {
                String why = reason(rule, ms.get(0), null, ZERO, account, asOf);
                disqualifiers.add(RuleNote.of(rule.name(), why));
                lines.add(LedgerLine.of(rule.name(), RuleKind.DISQUALIFIER, ZERO, ZERO, why, group));
                break;
            }
            case HARD:
                lines.add(LedgerLine.of(rule.name(), RuleKind.HARD, ZERO, ZERO,
                        reason(rule, ms.get(0), null, ZERO, account, asOf), group));
                break;
            default:
                throw new IllegalStateException("unexpected kind " + rule.kind());
        }
    }

    /** Adds the group caps' adjustment lines, in the policy's order, then the clamp into 0..100 when needed. */
    private void adjust(List<LedgerLine> lines, BigDecimal[] groupTotals) {
        for (int c = 0; c < capGroups.length; c++) {
            if (groupTotals[c] != null && groupTotals[c].compareTo(caps[c]) > 0) {
                lines.add(capLine(capGroups[c], caps[c], groupTotals[c]));
            }
        }
        BigDecimal total = sum(lines);
        if (total.compareTo(HUNDRED) > 0 || total.signum() < 0) {
            lines.add(clamp(total));
        }
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
    private boolean unmetHardFilters(List<RuleMatch>[] byRule, Account account, LocalDate asOf,
                                     FitResult.Builder result) {
        boolean unmet = false;
        for (int position : hardFilterPositions) {
            if (byRule[position] == null) {
                RuleSpec hard = catalog.rules().get(position);
                unmet = true;
                result.addUnmetHardFilter(RuleNote.of(hard.name(),
                        hard.reason().render(accountResolver(account, null, ZERO, asOf))));
            }
        }
        return unmet;
    }

    private void triggerLines(RuleSpec rule, List<RuleMatch> matches, Account account, LocalDate asOf,
                              List<LedgerLine> out) {
        String group = rule.group().orElse(null);
        if (!rule.perEvent()) {
            out.add(triggerLine(rule, freshest(matches), account, asOf, group));
            return;
        }
        for (RuleMatch m : matches) {
            out.add(triggerLine(rule, m, account, asOf, group));
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
                ? LedgerLine.of(rule.name(), RuleKind.TRIGGER, points, rule.points(), why, group)
                : LedgerLine.trigger(rule.name(), points, rule.points(), why, group, event.getType(), event.getDate());
    }

    /** The match whose newest event is the newest of all; ties keep the first match. */
    private static RuleMatch freshest(List<RuleMatch> matches) {
        RuleMatch best = matches.get(0);
        Event bestEvent = newestEvent(best);
        for (int i = 1; i < matches.size(); i++) {
            RuleMatch m = matches.get(i);
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
        for (Event e : m.events()) {
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

    private static BigDecimal sum(List<LedgerLine> lines) {
        BigDecimal s = ZERO;
        for (LedgerLine l : lines) {
            s = s.add(l.points());
        }
        return s;
    }

    private static String reason(RuleSpec rule, RuleMatch match, Event event, BigDecimal points, Account account,
                                 LocalDate asOf) {
        if (rule.reason().variables().isEmpty()) {
            return rule.reason().text();
        }
        Function<String, Object> accountFields = accountResolver(account, event, points, asOf);
        return rule.reason().render(name -> name.startsWith("$") ? match.bindings().get(name) : accountFields.apply(name));
    }

    private static Function<String, Object> accountResolver(Account account, Event event, BigDecimal points,
                                                            LocalDate asOf) {
        return name -> {
            if (name.equals("points")) {
                return points;
            }
            if (name.startsWith("event.")) {
                if (event == null) {
                    return null;
                }
                switch (name) {
                    case "event.type": return event.getType();
                    case "event.date": return event.getDate();
                    case "event.daysAgo": return ChronoUnit.DAYS.between(event.getDate(), asOf);
                    default:
                        return name.startsWith("event.details.")
                                ? event.getDetails().get(name.substring("event.details.".length())) : null;
                }
            }
            Object value = account.field(name);
            // A known field without a value reads as "unknown"; an unknown name stays visible as written.
            return value == null && Account.isField(name) ? "unknown" : value;
        };
    }
}

package io.icprules.evidence.discover;

/**
 * A rule to paste into the ruleset for a confirmed pattern.
 *
 * @param kind   {@code soft}, {@code trigger}, {@code disqualifier} or {@code hard}, as {@code @kind} writes it
 * @param points the points of a soft signal or trigger, or null
 * @param rule   the rule's name
 * @param drl    the rule as DRL, with a comment saying where it comes from; it needs the imports of
 *               {@code io.icprules.fact.Account} and {@code io.icprules.fact.Event} that every
 *               rule file has
 */
public record Suggestion(String kind, Integer points, String rule, String drl) {
}

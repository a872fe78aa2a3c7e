package io.icprules.drools.internal.compile;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Tells whether every match of a rule involves at least one inserted fact.
 *
 * <p>A rule such as {@code when not Contact( role == "champion" ) then end} matches an empty working
 * memory: its match holds no fact, so deleting one account's facts does not end it, and the next
 * account without a champion would not fire it again. Sessions can only be reused for rulesets
 * whose every rule is anchored to a fact: a positive pattern over inserted facts, or an
 * {@code exists}, on every branch.
 */
final class FactAnchors {

    private FactAnchors() {
    }

    /**
     * @param rule a parsed rule
     * @return true when each of the rule's matches contains an inserted fact
     */
    static boolean anchored(RuleDescr rule) {
        return rule.getLhs() != null && anchored(rule.getLhs());
    }

    private static boolean anchored(BaseDescr d) {
        if (d instanceof PatternDescr) {
            // A pattern over "from"/"accumulate"/"collect" yields a match even with no facts.
            return ((PatternDescr) d).getSource() == null;
        }
        if (d instanceof ExistsDescr) {
            return true;
        }
        if (d instanceof OrDescr) {
            OrDescr or = (OrDescr) d;
            return !or.getDescrs().isEmpty() && or.getDescrs().stream().allMatch(FactAnchors::anchored);
        }
        if (d instanceof AndDescr) {
            return ((AndDescr) d).getDescrs().stream().anyMatch(FactAnchors::anchored);
        }
        return false; // not, forall, eval, and anything new: assume it can match without facts
    }
}

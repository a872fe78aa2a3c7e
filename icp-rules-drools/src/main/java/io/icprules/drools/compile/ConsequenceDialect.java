package io.icprules.drools.compile;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.List;

/**
 * Compiles rules with nothing to run in MVEL instead of Java.
 *
 * <p>Drools compiles every rule's consequence as a Java class, even an empty one, and starting the
 * Java compiler is most of the time a cold build takes. A rule of this library's contract has an
 * empty consequence ({@code then end}): what it is worth is metadata. For such a rule the dialect
 * decides nothing else as long as its conditions are plain patterns, whose constraints Drools
 * compiles as MVEL in either dialect; so those rules, and only those, are marked
 * {@code dialect "mvel"}. A rule with code in its consequence, an {@code eval}, or a pattern
 * over {@code from}, {@code accumulate} or {@code collect} keeps the dialect its author chose.
 */
final class ConsequenceDialect {

    private static final String DIALECT = "dialect";

    private ConsequenceDialect() {
    }

    /**
     * Marks the rules of a parsed file that can skip the Java compiler.
     *
     * @param pkg a file as parsed, changed in place
     * @return how many rules were marked
     */
    static int markMvelWherePossible(PackageDescr pkg) {
        int marked = 0;
        for (RuleDescr rule : pkg.getRules()) {
            if (!rule.getAttributes().containsKey(DIALECT) && emptyConsequence(rule)
                    && rule.getLhs() != null && plainPatterns(rule.getLhs())) {
                rule.addAttribute(new AttributeDescr(DIALECT, "mvel"));
                marked++;
            }
        }
        return marked;
    }

    static boolean emptyConsequence(RuleDescr rule) {
        Object consequence = rule.getConsequence();
        return consequence == null || withoutComments(consequence.toString()).isBlank();
    }

    /** Only patterns over inserted facts, combined with and, or, not, exists and forall. */
    private static boolean plainPatterns(BaseDescr d) {
        if (d instanceof PatternDescr p) {
            return p.getSource() == null;
        }
        if (d instanceof AndDescr and) {
            return allPlain(and.getDescrs());
        }
        if (d instanceof OrDescr or) {
            return allPlain(or.getDescrs());
        }
        if (d instanceof NotDescr not) {
            return allPlain(not.getDescrs());
        }
        if (d instanceof ExistsDescr exists) {
            return allPlain(exists.getDescrs());
        }
        if (d instanceof ForallDescr forall) {
            return allPlain(forall.getDescrs());
        }
        return false; // eval, and anything new: leave it to the author's dialect
    }

    private static boolean allPlain(List<?> children) {
        for (Object child : children) {
            if (!(child instanceof BaseDescr b) || !plainPatterns(b)) {
                return false;
            }
        }
        return true;
    }

    /** Removes {@code //} and {@code /* *\/} comments; enough to tell an empty consequence from code. */
    private static String withoutComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? code.length() : end;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? code.length() : end + 2;
            } else {
                out.append(code.charAt(i++));
            }
        }
        return out.toString();
    }
}

package io.icprules.drools.internal.compile;

import org.drools.base.base.ValueResolver;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.consequence.Consequence;
import org.drools.base.rule.consequence.ConsequenceContext;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

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
import java.util.Set;

/**
 * Makes rules with nothing to run cheap to build and to fire.
 *
 * <p>A rule of this library's contract has an empty consequence ({@code then end}): what it is worth
 * is metadata, and the match listener records the firing. Drools still compiles every consequence,
 * as a Java class by default, and starting the Java compiler is most of the time a cold build takes;
 * at run time it calls the compiled consequence on every firing, fetching the rule's bound values.
 * <ul>
 *   <li>Build: a rule with an empty consequence whose conditions are plain patterns, whose
 *       constraints Drools compiles as MVEL in either dialect, is marked {@code dialect "mvel"}, so
 *       the Java compiler is not started for it. A rule with an {@code eval}, or a pattern over
 *       {@code from}, {@code accumulate} or {@code collect}, keeps the dialect its author chose: there
 *       the dialect could change what a condition means.</li>
 *   <li>Run: every rule with an empty consequence, whatever its dialect, gets a consequence that does
 *       nothing without any work, instead of the compiled one that does nothing at some cost.</li>
 * </ul>
 * A rule with code in its consequence (allowed for trusted rulesets) keeps its consequence and dialect.
 */
final class EmptyConsequences {

    private static final String DIALECT = "dialect";

    private EmptyConsequences() {
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

    /**
     * Replaces the compiled consequence of every rule with an empty one by a consequence that does
     * nothing. Call once, after the packages are added and before any session exists.
     *
     * @param kieBase the knowledge base, changed in place
     * @param empty   the names of the rules whose consequence is empty
     */
    static void skipEmptyConsequences(InternalKnowledgeBase kieBase, Set<String> empty) {
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (empty.contains(r.getName()) && r instanceof RuleImpl rule) {
                    rule.setConsequence(Nothing.INSTANCE);
                }
            }
        }
    }

    /** @return true when a rule's consequence holds nothing but white space and comments */
    static boolean emptyConsequence(RuleDescr rule) {
        Object consequence = rule.getConsequence();
        return consequence == null || withoutComments(consequence.toString()).isBlank();
    }

    /** The consequence of a rule whose consequence is empty. */
    private static final class Nothing implements Consequence<ConsequenceContext> {
        static final Nothing INSTANCE = new Nothing();

        @Override
        public String getName() {
            return RuleImpl.DEFAULT_CONSEQUENCE_NAME;
        }

        @Override
        public void evaluate(ConsequenceContext context, ValueResolver valueResolver) {
            // deliberately empty: the rule's firing is recorded by the match listener
        }
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

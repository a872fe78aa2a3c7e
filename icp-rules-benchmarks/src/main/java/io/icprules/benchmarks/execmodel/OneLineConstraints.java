package io.icprules.benchmarks.execmodel;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Puts every constraint of a parsed rule file on one line (line breaks outside string literals
 * become spaces), which does not change what it means.
 *
 * <p>Needed by Drools 10.2.0's alpha network compiler: the Java source it generates carries each
 * constraint's text in a {@code //} comment, and a constraint written over several lines (as the
 * reference profile's long {@code in} lists are) leaves its second line outside the comment, so the
 * generated class does not compile.
 */
final class OneLineConstraints {

    private OneLineConstraints() {
    }

    /**
     * @param pkg a parsed rule file, changed in place
     * @return how many constraints were changed
     */
    static int apply(PackageDescr pkg) {
        int n = 0;
        for (RuleDescr rule : pkg.getRules()) {
            n += apply(rule.getLhs());
        }
        return n;
    }

    private static int apply(BaseDescr d) {
        int n = 0;
        if (d instanceof PatternDescr p) {
            for (BaseDescr c : p.getConstraint().getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    String one = oneLine(e.getExpression());
                    if (!one.equals(e.getExpression())) {
                        e.setExpression(one);
                        n++;
                    }
                }
            }
            if (p.getSource() instanceof AccumulateDescr a) {
                n += apply(a.getInput());
            } else if (p.getSource() instanceof CollectDescr c) {
                n += apply(c.getInputPattern());
            }
        } else if (d instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                n += apply(child);
            }
        }
        return n;
    }

    /** @return the expression with each line break outside a string literal replaced by a space */
    static String oneLine(String expression) {
        if (expression.indexOf('\n') < 0 && expression.indexOf('\r') < 0) {
            return expression;
        }
        StringBuilder out = new StringBuilder(expression.length());
        boolean inString = false;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (inString && c == '\\' && i + 1 < expression.length()) {
                out.append(c).append(expression.charAt(++i));
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            out.append(!inString && (c == '\n' || c == '\r') ? ' ' : c);
        }
        return out.toString();
    }
}

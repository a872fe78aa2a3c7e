package io.icprules.drools.internal.compile;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites two kinds of rule conditions into calls that behave as a rule author expects; conditions
 * without them are left untouched:
 * <ul>
 *   <li>{@code value matches "re"} (and {@code not matches}) into a call that enforces the
 *       evaluation's time budget while the regular expression runs (see
 *       {@code io.icprules.drools.internal.session.Deadline}): the only condition a rule author can
 *       write that runs for minutes on a short value;</li>
 *   <li>{@code attributes["x"] > 5} (any comparison of a custom attribute with a number) into a call
 *       that treats a value that is not a number ({@code n/a} in a CRM export) as a condition not
 *       met, instead of failing the whole account (see
 *       {@code io.icprules.drools.internal.session.Comparisons}).</li>
 * </ul>
 */
final class ConditionRewrites {

    private static final String CALL = "io.icprules.drools.internal.session.Deadline.matches";
    private static final String COMPARE = "io.icprules.drools.internal.session.Comparisons.number";
    private static final Pattern ATTRIBUTE_COMPARISON = Pattern.compile(
            "((?:\\$[A-Za-z_]\\w*\\.)?attributes\\s*\\[\\s*\"[^\"]*\"\\s*])\\s*(>=|<=|==|!=|>|<)\\s*(-?\\d+(?:\\.\\d+)?)(?![\\w.])");

    /** An operand: a field path ({@code name}, {@code $a.name}, {@code attributes["x"]}) or a literal string. */
    private static final String OPERAND = "(?:\\$?[A-Za-z_][\\w.]*(?:\\[\"[^\"]*\"\\])?|\"(?:[^\"\\\\]|\\\\.)*\")";
    private static final Pattern MATCHES = Pattern.compile(
            "(" + OPERAND + ")\\s+(not\\s+)?matches\\s+(" + OPERAND + ")");

    private ConditionRewrites() {
    }

    /** Rewrites every rule of the package; returns how many conditions were rewritten. */
    static int guard(PackageDescr pkg) {
        int n = 0;
        for (RuleDescr rule : pkg.getRules()) {
            n += guard(rule.getLhs(), rule.getName());
        }
        return n;
    }

    private static int guard(BaseDescr d, String rule) {
        int n = 0;
        if (d instanceof PatternDescr p) {
            for (BaseDescr c : p.getConstraint().getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    String rewritten = rewrite(e.getExpression(), rule);
                    if (!rewritten.equals(e.getExpression())) {
                        e.setExpression(rewritten);
                        n++;
                    }
                }
            }
            if (p.getSource() instanceof AccumulateDescr a) {
                n += guard(a.getInput(), rule);
            } else if (p.getSource() instanceof CollectDescr c) {
                n += guard(c.getInputPattern(), rule);
            }
        } else if (d instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                n += guard(child, rule);
            }
        }
        return n;
    }

    /** @return the expression with each {@code a matches b} and attribute comparison replaced by a guarded call */
    static String rewrite(String expression, String rule) {
        return regex(attributes(expression), rule);
    }

    private static String attributes(String expression) {
        if (!expression.contains("attributes")) {
            return expression;
        }
        Matcher m = ATTRIBUTE_COMPARISON.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = inString(expression, m.start()) ? m.group()
                    : COMPARE + "(" + m.group(1) + ", \"" + m.group(2) + "\", " + m.group(3) + ")";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String regex(String expression, String rule) {
        if (!expression.contains("matches")) {
            return expression;
        }
        Matcher m = MATCHES.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (inString(expression, m.start())) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group())); // text inside a literal
                continue;
            }
            String call = CALL + "(" + m.group(1) + ", " + m.group(3) + ", " + javaString(rule) + ")";
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) != null ? "!" + call : call));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** @return whether {@code at} lies inside a string literal of the expression */
    private static boolean inString(String expression, int at) {
        boolean in = false;
        for (int i = 0; i < at; i++) {
            char c = expression.charAt(i);
            if (c == '\\' && in) {
                i++;
            } else if (c == '"') {
                in = !in;
            }
        }
        return in;
    }

    private static String javaString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

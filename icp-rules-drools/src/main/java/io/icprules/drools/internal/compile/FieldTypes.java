package io.icprules.drools.internal.compile;

import io.icprules.error.Diagnostic;
import io.icprules.fact.Account;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what Drools compiles silently but can never work: a field compared with a literal of
 * another type ({@code employees >= "one hundred"} fails on every account, {@code industry == 5}
 * never matches and quietly excludes everyone). Also names the field a misspelt one probably is.
 */
final class FieldTypes {

    /** The fact types' fields, by pattern type name: field name to its Java type. */
    private static final Map<String, Map<String, Class<?>>> FIELDS = Map.of(
            "Account", fields(Account.class), "Event", fields(Event.class), "Contact", fields(Contact.class));

    /** {@code field op literal}, or {@code field [not] in (literals)}. */
    private static final Pattern COMPARISON = Pattern.compile(
            "^\\s*([A-Za-z_]\\w*)\\s*(==|!=|>=|<=|>|<)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?[LlDdFf]?|true|false)\\s*$");
    private static final Pattern IN_LIST = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s+(?:not\\s+)?in\\s*\\((.*)\\)\\s*$");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?[LlDdFf]?");

    private FieldTypes() {
    }

    private static Map<String, Class<?>> fields(Class<?> type) {
        Map<String, Class<?>> out = new TreeMap<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 0 || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String n = m.getName();
            String field = n.startsWith("get") && n.length() > 3 ? n.substring(3)
                    : n.startsWith("is") && n.length() > 2 ? n.substring(2) : null;
            if (field != null) {
                out.put(Character.toLowerCase(field.charAt(0)) + field.substring(1), m.getReturnType());
            }
        }
        return out;
    }

    /** Checks every rule of a parsed file, adding one error per comparison that cannot work. */
    static void check(String file, PackageDescr pkg, List<Diagnostic> diagnostics) {
        for (RuleDescr rule : pkg.getRules()) {
            check(file, rule.getName(), rule.getLhs(), diagnostics);
        }
    }

    private static void check(String file, String rule, BaseDescr d, List<Diagnostic> diagnostics) {
        if (d instanceof PatternDescr p) {
            Map<String, Class<?>> fields = FIELDS.get(p.getObjectType());
            if (fields != null) {
                for (BaseDescr c : p.getConstraint().getDescrs()) {
                    if (c instanceof ExprConstraintDescr e) {
                        problem(p.getObjectType(), fields, e.getExpression()).ifPresent(m -> diagnostics.add(
                                Diagnostic.error(file, Math.max(e.getLine(), p.getLine()), Math.max(e.getColumn(), 0) + 1,
                                        "rule \"" + rule + "\": " + m)));
                    }
                }
            }
            if (p.getSource() instanceof AccumulateDescr a) {
                check(file, rule, a.getInput(), diagnostics);
            } else if (p.getSource() instanceof CollectDescr c) {
                check(file, rule, c.getInputPattern(), diagnostics);
            }
        } else if (d instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                check(file, rule, child, diagnostics);
            }
        }
    }

    /** @return why a comparison can never work, or empty */
    static Optional<String> problem(String type, Map<String, Class<?>> fields, String expression) {
        Matcher m = COMPARISON.matcher(expression);
        if (m.matches()) {
            return mismatch(type, fields, m.group(1), m.group(3));
        }
        Matcher in = IN_LIST.matcher(expression);
        if (in.matches()) {
            for (String literal : splitLiterals(in.group(2))) {
                Optional<String> p = mismatch(type, fields, in.group(1), literal);
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> mismatch(String type, Map<String, Class<?>> fields, String field, String literal) {
        Class<?> t = fields.get(field);
        if (t == null) {
            return Optional.empty(); // an unknown field: Drools reports it
        }
        boolean text = literal.startsWith("\"");
        boolean number = NUMBER.matcher(literal).matches();
        if (Number.class.isAssignableFrom(t) && text) {
            return Optional.of(type + "." + field + " is a number, but is compared with the text " + literal
                    + ": write a number without quotes, such as " + field + " >= 100");
        }
        if (t == String.class && number) {
            return Optional.of(type + "." + field + " is text, but is compared with the number " + literal
                    + ", which never matches: put the value in quotes, such as " + field + " == \"" + literal + "\"");
        }
        if ((t == java.time.LocalDate.class) && (number || literal.equals("true") || literal.equals("false"))) {
            return Optional.of(type + "." + field + " is a date, but is compared with " + literal
                    + ": write a date in quotes, such as \"2026-01-31\", or compare daysAgo");
        }
        if (t == Boolean.class || t == boolean.class) {
            if (text || number) {
                return Optional.of(type + "." + field + " is true or false, but is compared with " + literal);
            }
        }
        return Optional.empty();
    }

    private static List<String> splitLiterals(String list) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '"' && (i == 0 || list.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    /**
     * The field a misspelt name probably means: the file spelling of a field ({@code annual_revenue}
     * is {@code annualRevenue}), another case, or a name that differs by a letter or two.
     *
     * @param type  the fact type ({@code Account}, {@code Event} or {@code Contact})
     * @param wrong the name as written
     * @return the field, or empty when none is close
     */
    static Optional<String> didYouMean(String type, String wrong) {
        Map<String, Class<?>> fields = FIELDS.get(type);
        if (fields == null) {
            return Optional.empty();
        }
        String camel = snakeToCamel(wrong);
        for (String f : fields.keySet()) {
            if (f.equals(camel) || f.equalsIgnoreCase(wrong)) {
                return Optional.of(f);
            }
        }
        String w = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestPrefix = 0;
        for (String f : fields.keySet()) {
            String l = f.toLowerCase(Locale.ROOT);
            int prefix = 0;
            while (prefix < Math.min(l.length(), w.length()) && l.charAt(prefix) == w.charAt(prefix)) {
                prefix++;
            }
            if (prefix >= 4 && Math.abs(l.length() - w.length()) <= 2 && prefix >= Math.min(l.length(), w.length()) - 2
                    && prefix > bestPrefix) {
                best = f;
                bestPrefix = prefix;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String snakeToCamel(String s) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : s.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }
}

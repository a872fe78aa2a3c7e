package io.icprules.drools.internal.analysis;

import io.icprules.engine.RulesetSource;
import io.icprules.result.RuleKind;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the rules of a ruleset into {@link RuleView}s with Drools' own DRL parser. Files that do not
 * parse are left out (the compiler reports them).
 */
public final class RulesetViews {

    private static final Pattern BINDING = Pattern.compile("^\\s*\\$[\\w$]+\\s*:(?!=).*", Pattern.DOTALL);

    private RulesetViews() {
    }

    /**
     * @param source the ruleset, never null
     * @return its rules in file and line order
     */
    public static List<RuleView> read(RulesetSource source) {
        List<RuleView> out = new ArrayList<>();
        for (Map.Entry<String, String> f : source.files().entrySet()) {
            if (!f.getKey().endsWith(".drl")) {
                continue;
            }
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, f.getValue());
            } catch (DroolsParserException e) {
                continue;
            }
            if (pkg == null || parser.hasErrors()) {
                continue;
            }
            for (RuleDescr r : pkg.getRules()) {
                out.add(view(r, f.getKey()));
            }
        }
        return out;
    }

    private static RuleView view(RuleDescr r, String file) {
        List<PatternView> patterns = new ArrayList<>();
        boolean simple = r.getLhs() != null;
        if (r.getLhs() != null) {
            for (BaseDescr d : r.getLhs().getDescrs()) {
                PatternView.Use use = PatternView.Use.MATCH;
                BaseDescr inner = d;
                if (d instanceof ExistsDescr || d instanceof NotDescr) {
                    use = d instanceof ExistsDescr ? PatternView.Use.EXISTS : PatternView.Use.NOT;
                    List<BaseDescr> in = ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()
                            .stream().map(o -> (BaseDescr) o).toList();
                    inner = in.size() == 1 ? in.get(0) : null;
                    if (inner instanceof AndDescr && ((AndDescr) inner).getDescrs().size() == 1) {
                        inner = ((AndDescr) inner).getDescrs().get(0);
                    }
                }
                if (inner instanceof PatternDescr && ((PatternDescr) inner).getSource() == null) {
                    PatternDescr p = (PatternDescr) inner;
                    List<String> constraints = new ArrayList<>();
                    List<String> bindings = new ArrayList<>();
                    for (BaseDescr c : p.getDescrs()) {
                        if (c instanceof ExprConstraintDescr) {
                            String expr = ((ExprConstraintDescr) c).getExpression().strip();
                            (BINDING.matcher(expr).matches() ? bindings : constraints).add(expr);
                        } else {
                            simple = false;
                        }
                    }
                    patterns.add(new PatternView(p.getObjectType(), use, List.copyOf(constraints), List.copyOf(bindings),
                            Math.max(p.getLine(), 0)));
                } else {
                    simple = false;
                }
            }
        }
        Object kind = r.getAnnotation("kind") == null ? null : r.getAnnotation("kind").getValue();
        RuleKind k = kind == null ? null : RuleKind.fromMetadata(String.valueOf(kind).replace("\"", "")).orElse(null);
        AttributeDescr group = r.getAttributes().get("activation-group");
        AttributeDescr salience = r.getAttributes().get("salience");
        int sal = 0;
        if (salience != null) {
            try {
                sal = Integer.parseInt(salience.getValue().strip());
            } catch (NumberFormatException e) {
                sal = 0; // an expression salience: treated as unknown
            }
        }
        return new RuleView(r.getName(), k, file, Math.max(r.getLine(), 0), List.copyOf(patterns), simple,
                group == null ? null : group.getValue().replace("\"", "").strip(), sal);
    }
}

package io.icprules.drools.internal.analysis;

import io.icprules.engine.RulesetSource;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;
import io.icprules.result.Explanation;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import io.icprules.result.RuleCheck;
import io.icprules.scoring.internal.RuleCatalog;
import io.icprules.scoring.internal.RuleSpec;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says why rules did not fire. For every pattern of every rule it compiles small probe rules, one
 * per leading run of constraints (the first, the first two, ...), so that the answer comes from
 * Drools' own semantics, evaluated in Drools' order, not from a re-implementation:
 * "employees &gt;= 100 is not met (employees: 40)" names the first constraint that fails.
 * Built once per ruleset, on first use; thread-safe.
 */
public final class Explainer {

    private static final Pattern VARIABLE = Pattern.compile("\\$[\\w$]+");
    private static final Pattern BOUND = Pattern.compile("^\\s*(\\$[\\w$]+)\\s*:");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$\"])([a-zA-Z_]\\w*)(\\s*\\[\\s*\"([^\"]+)\"\\s*])?");
    private static final Pattern TEXT_LITERAL = Pattern.compile("\"[^\"]*\"");
    private static final String PROBE_VAR = "$icpProbeFact";
    private static final Object NO_FIELD = new Object();
    /** How the reason of a rule that matched but lost to another of its activation-group starts. */
    private static final String OUTCOUNTED = "matched, but";

    private final List<RuleView> views;
    private final RuleCatalog catalog;
    private final KieBase probes;
    /** probe rule name → (rule index, pattern index, constraint index or -1 for the whole pattern) */
    private final Map<String, int[]> probeIndex;

    private Explainer(List<RuleView> views, RuleCatalog catalog, KieBase probes, Map<String, int[]> probeIndex) {
        this.views = views;
        this.catalog = catalog;
        this.probes = probes;
        this.probeIndex = probeIndex;
    }

    /**
     * @param source  the ruleset's text, never null
     * @param catalog its rules' metadata, never null
     * @return an explainer for the ruleset
     */
    public static Explainer build(RulesetSource source, RuleCatalog catalog) {
        List<RuleView> views = RulesetViews.read(source);
        Map<String, int[]> index = new HashMap<>();
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, Explainer.class.getClassLoader()));
        for (int r = 0; r < views.size(); r++) {
            String drl = probesOf(views.get(r), r, index);
            if (drl.isEmpty()) {
                continue;
            }
            // Each rule's probes compile on their own, so one that cannot be probed leaves the rest.
            KnowledgeBuilder one = KnowledgeBuilderFactory.newKnowledgeBuilder(
                    KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, Explainer.class.getClassLoader()));
            Resource res = ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8));
            res.setSourcePath("probe" + r + ".drl");
            one.add(res, ResourceType.DRL);
            if (one.hasErrors()) {
                int rule = r;
                index.values().removeIf(v -> v[0] == rule);
                continue;
            }
            builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        }
        InternalKnowledgeBase kb = KnowledgeBaseFactory.newKnowledgeBase();
        kb.addPackages(builder.getKnowledgePackages());
        return new Explainer(views, catalog, kb, Map.copyOf(index));
    }

    private static String probesOf(RuleView rule, int r, Map<String, int[]> index) {
        if (!rule.simple()) {
            return "";
        }
        StringBuilder drl = new StringBuilder("package icp.probe").append(r).append(";\n")
                .append("import io.icprules.fact.*;\n");
        for (int p = 0; p < rule.patterns().size(); p++) {
            PatternView pv = rule.patterns().get(p);
            if (!isFactType(pv.type())) {
                continue;
            }
            Set<String> bound = new LinkedHashSet<>();
            for (String b : pv.bindings()) {
                Matcher m = BOUND.matcher(b);
                if (m.find()) {
                    bound.add(m.group(1));
                }
            }
            String bindings = String.join(", ", pv.bindings());
            // Probe k tests constraints 0..k together, as Drools does: in order, each guarded by the
            // ones before it (so "foundedYear != null, 1 / (foundedYear - 1999) > 0" never divides
            // by an unknown). The first probe a fact misses names the constraint that failed.
            List<String> prefix = new ArrayList<>();
            for (int c = 0; c < pv.constraints().size(); c++) {
                String constraint = pv.constraints().get(c);
                if (!selfContained(constraint, bound)) {
                    break; // refers to another pattern: this and later constraints cannot be tested alone
                }
                prefix.add(constraint);
                String name = "probe|" + r + "|" + p + "|" + c;
                index.put(name, new int[] {r, p, c});
                drl.append(rule(name, pv.type(), bindings, String.join(", ", prefix)));
            }
            if (prefix.size() == pv.constraints().size()) {
                String name = "probe|" + r + "|" + p + "|all";
                index.put(name, new int[] {r, p, -1});
                drl.append(rule(name, pv.type(), bindings, String.join(", ", prefix)));
            }
        }
        return drl.toString();
    }

    private static boolean selfContained(String constraint, Set<String> bound) {
        Matcher m = VARIABLE.matcher(constraint);
        while (m.find()) {
            if (!bound.contains(m.group())) {
                return false; // refers to another pattern: cannot be tested alone
            }
        }
        return true;
    }

    private static String rule(String name, String type, String bindings, String constraint) {
        String body = bindings.isEmpty() ? constraint : bindings + (constraint.isEmpty() ? "" : ", " + constraint);
        return "rule \"" + name + "\"\nwhen\n  " + PROBE_VAR + " : " + type + "( " + body + " )\nthen end\n";
    }

    private static boolean isFactType(String type) {
        return type.equals("Account") || type.equals("Event") || type.equals("Contact");
    }

    /**
     * Explains a result.
     *
     * @param result the account's result from the same ruleset, never null
     * @param facts  the account's facts, never null
     * @param asOf   the evaluation date the result was computed for, never null
     * @return the explanation
     */
    public Explanation explain(FitResult result, AccountFacts facts, LocalDate asOf) {
        List<Object> inserted = new ArrayList<>();
        inserted.add(facts.account());
        for (Event e : facts.events()) {
            if (!e.getDate().isAfter(asOf)) {
                inserted.add(e.relativeTo(asOf));
            }
        }
        inserted.addAll(facts.contacts());
        Map<String, Set<Object>> satisfied = new HashMap<>();
        KieSession session = probes.newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    satisfied.computeIfAbsent(event.getMatch().getRule().getName(),
                            k -> java.util.Collections.newSetFromMap(new IdentityHashMap<>()))
                            .add(event.getMatch().getDeclarationValue(PROBE_VAR));
                }
            });
            inserted.forEach(session::insert);
            session.fireAllRules();
        } catch (RuntimeException e) {
            // A condition that throws for this account throws in the probes too: say so, explain nothing wrongly.
            return Explanation.of(result, notBrokenDown(result, "its conditions could not be evaluated one by one for "
                    + "this account (" + e.getClass().getSimpleName() + ")"), List.of());
        } finally {
            session.dispose();
        }

        Set<String> fired = new LinkedHashSet<>();
        for (LedgerLine l : result.ledger()) {
            fired.add(l.rule());
        }
        List<RuleCheck> notFired = new ArrayList<>();
        for (int r = 0; r < views.size(); r++) {
            RuleView rule = views.get(r);
            RuleSpec spec = catalog.find(rule.name()).orElse(null);
            if (spec == null || fired.contains(rule.name())) {
                continue;
            }
            String why = whyNot(r, rule, inserted, satisfied, fired);
            notFired.add(RuleCheck.of(rule.name(), spec.kind(), spec.points(), why));
        }
        List<RuleCheck> raise = new ArrayList<>();
        for (RuleCheck c : notFired) {
            // what would raise the score: a rule worth points that did not match at all
            if (c.kind().scoresPoints() && c.points().signum() > 0 && !c.whyNot().startsWith(OUTCOUNTED)
                    && !outrankedInItsBand(c, result)) {
                raise.add(c);
            }
        }
        raise.sort(Comparator.comparing(RuleCheck::points).reversed());
        return Explanation.of(result, notFired, raise);
    }

    /**
     * A band (an activation-group) counts one rule only: a member that did not fire cannot raise an
     * account whose band already counts a member worth as much or more.
     */
    private boolean outrankedInItsBand(RuleCheck c, FitResult result) {
        String group = views.stream().filter(v -> v.name().equals(c.rule())).map(RuleView::activationGroup)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (group == null) {
            return false;
        }
        for (RuleView other : views) {
            if (group.equals(other.activationGroup()) && !other.name().equals(c.rule())) {
                java.util.Optional<LedgerLine> line = result.line(other.name());
                if (line.isPresent() && line.get().points().compareTo(c.points()) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<RuleCheck> notBrokenDown(FitResult result, String why) {
        Set<String> fired = new LinkedHashSet<>();
        result.ledger().forEach(l -> fired.add(l.rule()));
        List<RuleCheck> out = new ArrayList<>();
        for (RuleView rule : views) {
            RuleSpec spec = catalog.find(rule.name()).orElse(null);
            if (spec != null && !fired.contains(rule.name())) {
                out.add(RuleCheck.of(rule.name(), spec.kind(), spec.points(), "condition not met; " + why));
            }
        }
        return out;
    }

    private String whyNot(int r, RuleView rule, List<Object> facts, Map<String, Set<Object>> satisfied, Set<String> fired) {
        if (!rule.simple()) {
            return "condition not met (it uses eval, from, accumulate, or or forall, which are not broken down)";
        }
        for (int p = 0; p < rule.patterns().size(); p++) {
            PatternView pv = rule.patterns().get(p);
            if (!isFactType(pv.type())) {
                continue;
            }
            Set<Object> all = probeIndex.containsKey("probe|" + r + "|" + p + "|all")
                    ? satisfied.getOrDefault("probe|" + r + "|" + p + "|all", Set.of()) : null;
            List<Object> ofType = facts.stream().filter(f -> f.getClass().getSimpleName().equals(pv.type())).toList();
            if (pv.use() == PatternView.Use.NOT) {
                if (all != null && !all.isEmpty()) {
                    Object f = all.iterator().next();
                    return "a " + pv.type() + " matches " + pv.text() + ": " + describe(f);
                }
                continue;
            }
            if (all != null && !all.isEmpty()) {
                continue;
            }
            if (ofType.isEmpty()) {
                return "no " + pv.type() + " for " + pv.text();
            }
            // the fact that passes the longest run of constraints is the closest miss
            Object closest = null;
            int closestFailed = -1;
            int closestPassed = -1;
            for (Object f : ofType) {
                int passed = 0;
                int failed = -1;
                for (int c = 0; c < pv.constraints().size(); c++) {
                    String name = "probe|" + r + "|" + p + "|" + c;
                    if (!probeIndex.containsKey(name)) {
                        break;
                    }
                    if (!satisfied.getOrDefault(name, Set.of()).contains(f)) {
                        failed = c;
                        break;
                    }
                    passed++;
                }
                if (passed > closestPassed) {
                    closest = f;
                    closestPassed = passed;
                    closestFailed = failed;
                }
            }
            if (closestFailed < 0) {
                if (all == null) {
                    return pv.text() + " is not met (its conditions refer to other patterns and are not broken down)";
                }
                continue;
            }
            List<Integer> failedList = List.of(closestFailed);
            String failedText = pv.constraints().get(closestFailed);
            String values = values(closest, failedList.stream().map(c -> pv.constraints().get(c)).toList());
            if (pv.type().equals("Account")) {
                return failedText + " is not met" + (values.isEmpty() ? "" : " (" + values + ")");
            }
            return "no " + pv.type() + " matches " + pv.text() + "; closest: " + describe(closest) + ", fails "
                    + failedText + (values.isEmpty() ? "" : " (" + values + ")");
        }
        if (rule.activationGroup() != null) {
            for (RuleView other : views) {
                if (rule.activationGroup().equals(other.activationGroup()) && fired.contains(other.name())) {
                    return OUTCOUNTED + " \"" + other.name() + "\" counted instead (same activation-group \""
                            + rule.activationGroup() + "\", higher salience)";
                }
            }
        }
        return "each pattern matches on its own, but not together (the patterns refer to each other)";
    }

    /** The values of the fields a constraint reads, such as {@code employees: 40}. */
    private static String values(Object fact, List<String> constraints) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (String c : constraints) {
            Matcher m = IDENTIFIER.matcher(withoutTextLiterals(c));
            while (m.find()) {
                String field = m.group(1);
                String key = m.group(3) != null && field.equals("attributes") ? "attributes." + m.group(3) : field;
                Object v = read(fact, key);
                if (v != NO_FIELD) {
                    out.putIfAbsent(key, v == null ? "unknown" : v);
                }
            }
        }
        return out.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** Empties string literals, except map keys such as {@code attributes["locations"]}, so words in text are not fields. */
    private static String withoutTextLiterals(String constraint) {
        Matcher lit = TEXT_LITERAL.matcher(constraint);
        StringBuilder sb = new StringBuilder();
        while (lit.find()) {
            boolean key = constraint.substring(lit.end()).stripLeading().startsWith("]");
            lit.appendReplacement(sb, Matcher.quoteReplacement(key ? lit.group() : "\"\""));
        }
        lit.appendTail(sb);
        return sb.toString();
    }

    private static Object read(Object fact, String field) {
        if (fact instanceof Account) {
            return Account.isField(field) ? ((Account) fact).field(field) : NO_FIELD;
        }
        if (fact instanceof Event) {
            Event e = (Event) fact;
            switch (field) {
                case "type": return e.getType();
                case "date": return e.getDate();
                case "daysAgo": return e.getDaysAgo();
                case "details": return e.getDetails();
                default: return NO_FIELD;
            }
        }
        if (fact instanceof Contact) {
            Contact c = (Contact) fact;
            switch (field) {
                case "role": return c.getRole();
                case "title": return c.getTitle();
                case "seniority": return c.getSeniority();
                case "department": return c.getDepartment();
                case "name": return c.getName();
                default: return NO_FIELD;
            }
        }
        return NO_FIELD;
    }

    private static String describe(Object fact) {
        if (fact instanceof Event) {
            Event e = (Event) fact;
            return e.getType() + " on " + e.getDate() + " (" + e.getDaysAgo() + " days ago)";
        }
        if (fact instanceof Contact) {
            Contact c = (Contact) fact;
            List<String> parts = new ArrayList<>();
            for (String s : new String[] {c.getTitle(), c.getRole(), c.getSeniority(), c.getDepartment()}) {
                if (s != null) {
                    parts.add(s);
                }
            }
            return "contact " + (parts.isEmpty() ? "(no details)" : String.join(", ", parts));
        }
        return String.valueOf(fact);
    }
}

package io.icprules.drools.internal.compile;

import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.error.RulesetException;
import io.icprules.result.RulesetInfo;
import io.icprules.scoring.internal.RuleCatalog;
import io.icprules.scoring.internal.RuleSpec;
import io.icprules.scoring.internal.Scorer;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.io.DescrResource;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a {@link RulesetSource} into a {@link CompiledRuleset}, or reports every problem at once.
 *
 * <p>Each compilation builds its own knowledge base from its own packages, with no shared release id
 * or repository, so that rulesets never bleed into each other and a replaced ruleset can be garbage
 * collected.
 */
public final class RulesetCompiler {

    /** A stable name, documented for users (docs/java-api.md, "Logging"), whatever the class is called. */
    static final String LOGGER = "io.icprules.drools.compile";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private RulesetCompiler() {
    }

    /**
     * Compiles a ruleset.
     *
     * @param source the ruleset, never null
     * @return the compiled ruleset
     * @throws RulesetException with every error (and warning) found, in file and line order
     */
    public static CompiledRuleset compile(RulesetSource source) {
        return compile(source, false);
    }

    /**
     * Compiles a ruleset, optionally holding its rule files to restricted mode (see
     * {@code io.icprules.engine.RuleTrust}).
     *
     * @param source     the ruleset, never null
     * @param restricted whether rule files may only read facts and compute with allowed types
     * @return the compiled ruleset
     * @throws RulesetException with every error (and warning) found, in file and line order
     */
    public static CompiledRuleset compile(RulesetSource source, boolean restricted) {
        return compile(source, restricted, KieBaseAssembly.STANDARD);
    }

    /**
     * Compiles a ruleset with the same parsing, checks and rewrites, building its knowledge base
     * another way (used by the benchmarks to measure Drools' other builds).
     *
     * @param source     the ruleset, never null
     * @param restricted whether rule files may only read facts and compute with allowed types
     * @param assembly   how the knowledge base is built, never null
     * @return the compiled ruleset
     * @throws RulesetException with every error (and warning) found, in file and line order
     */
    public static CompiledRuleset compile(RulesetSource source, boolean restricted, KieBaseAssembly assembly) {
        long start = System.nanoTime();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Manifest manifest = Manifest.parse(RuleText.withoutBom(RulesetSource.MANIFEST, source.manifest(), diagnostics),
                diagnostics);

        List<RuleSpec> specs = new ArrayList<>();
        List<String> unanchored = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        Map<String, String> drl = new java.util.TreeMap<>();
        Set<String> quoted = new HashSet<>();
        source.files().forEach((f, t) -> {
            if (f.endsWith(".drl")) {
                String text = RuleText.withoutBom(f, t, diagnostics);
                if (RuleText.typographicQuotes(f, text, diagnostics)) {
                    quoted.add(f); // the parser's errors for this file would only echo them
                }
                drl.put(f, text);
            }
        });
        Map<String, PackageDescr> parsed = new HashMap<>();
        Set<String> emptyConsequences = new HashSet<>();
        for (Map.Entry<String, String> file : drl.entrySet()) {
            PackageDescr pkg = parse(file.getKey(), file.getValue());
            if (pkg != null) {
                parsed.put(file.getKey(), pkg);
                pkg.getRules().stream().filter(EmptyConsequences::emptyConsequence)
                        .forEach(r -> emptyConsequences.add(r.getName()));
                readMetadata(file.getKey(), pkg, specs, unanchored, seen, diagnostics);
                FieldTypes.check(file.getKey(), pkg, diagnostics);
            }
            if (restricted) {
                RestrictedMode.check(file.getKey(), file.getValue(), diagnostics);
            }
        }

        List<Resource> resources = new ArrayList<>();
        for (Map.Entry<String, String> file : drl.entrySet()) {
            PackageDescr pkg = parsed.get(file.getKey());
            if (pkg != null) {
                // Built from the parse above: the same rules, with the Java compiler skipped where
                // nothing needs it (see EmptyConsequences).
                EmptyConsequences.markMvelWherePossible(pkg);
                ConditionRewrites.guard(pkg);
                DescrResource r = new DescrResource(pkg);
                r.setSourcePath(file.getKey());
                r.setResourceType(ResourceType.DESCR);
                resources.add(r);
            } else {
                // Does not parse: the builder reports the syntax errors with their positions.
                resources.add(drlResource(file.getKey(), file.getValue()));
            }
        }
        KnowledgeBuilder builder = assembly.build(RulesetCompiler.class.getClassLoader(), resources);
        Set<String> syntaxReported = new HashSet<>();
        for (KnowledgeBuilderResult r : builder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
            Diagnostic d = DrlMessages.toDiagnostic(r);
            if (d != null && quoted.contains(d.file()) && !parsed.containsKey(d.file())) {
                continue;
            }
            if (d != null && d.severity() == Diagnostic.Severity.ERROR && drl.containsKey(d.file())
                    && !parsed.containsKey(d.file()) && syntaxReported.add(d.file())) {
                // Drools stops reading a file at its first syntax error: say so, and point at an
                // unclosed parenthesis where the parser only noticed it on a later line.
                d = DrlMessages.firstSyntaxError(d, drl.get(d.file()));
            }
            if (d != null && !diagnostics.contains(d)) {
                diagnostics.add(d);
            }
        }
        if (manifest != null) {
            Set<String> groups = new HashSet<>();
            specs.forEach(s -> s.group().ifPresent(groups::add));
            for (String capped : manifest.policy().caps().keySet()) {
                if (!groups.contains(capped)) {
                    diagnostics.add(Diagnostic.warning(RulesetSource.MANIFEST, 0, 0, "cap." + capped
                            + " caps a group no rule belongs to (rules join a group with @group(" + capped + "))"));
                }
            }
        }
        diagnostics.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        String name = manifest != null ? manifest.name() : source.origin();
        if (diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR)) {
            throw new RulesetException(name, diagnostics);
        }

        InternalKnowledgeBase kieBase = assembly.assemble(builder);
        EmptyConsequences.skipEmptyConsequences(kieBase, emptyConsequences);
        RuleCatalog catalog = RuleCatalog.of(specs);
        checkEveryRuleHasMetadata(kieBase, catalog, name);
        RulesetInfo info = RulesetInfo.of(manifest.name(), manifest.version(), source.contentHash(),
                catalog.rules().stream().map(RuleSpec::name).toList());
        LOG.info("Compiled ruleset {} ({} rules, {} warnings) in {} ms", info, catalog.size(),
                diagnostics.size(), (System.nanoTime() - start) / 1_000_000);
        for (Diagnostic warning : diagnostics) {
            LOG.warn("Ruleset {}: {}", info, warning);
        }
        if (!unanchored.isEmpty()) {
            LOG.info("Ruleset {}: a fresh session per account, because these rules can match without facts: {}",
                    info, unanchored);
        }
        Set<String> consequenceRules = new HashSet<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> {
            if (!emptyConsequences.contains(r.getName())) {
                consequenceRules.add(r.getName());
            }
        }));
        return new CompiledRuleset(source, kieBase, new Scorer(catalog, manifest.policy(), info), manifest, diagnostics,
                unanchored, consequenceRules);
    }

    private static Resource drlResource(String file, String text) {
        Resource r = ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
        r.setSourcePath(file);
        r.setResourceType(ResourceType.DRL);
        return r;
    }

    /** @return the parsed file, its descriptions tied to the file for messages; null when it does not parse */
    private static PackageDescr parse(String file, String text) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(drlResource(file, text), text);
        } catch (DroolsParserException e) {
            return null;
        }
        return parser.hasErrors() ? null : pkg;
    }

    private static void readMetadata(String file, PackageDescr pkg, List<RuleSpec> specs, List<String> unanchored,
                                     Map<String, String> seen, List<Diagnostic> diagnostics) {
        if (pkg.getRules().isEmpty()) {
            diagnostics.add(Diagnostic.warning(file, 0, 0, "file has no rules"));
        }
        for (RuleDescr rule : pkg.getRules()) {
            String here = file + ":" + Math.max(rule.getLine(), 0);
            String alike = seen.get(nameKey(rule.getName()));
            if (alike != null && !seen.containsKey(rule.getName())) {
                diagnostics.add(Diagnostic.warning(file, Math.max(rule.getLine(), 0), 0, "rule \"" + rule.getName()
                        + "\" differs from the rule at " + alike.substring(alike.indexOf('|') + 1) + " (\""
                        + alike.substring(0, alike.indexOf('|')) + "\") only in case or spaces: tests, reports and"
                        + " explanations treat them as two rules; rename one"));
            } else {
                seen.putIfAbsent(nameKey(rule.getName()), rule.getName() + "|" + here);
            }
            String first = seen.putIfAbsent(rule.getName(), here);
            if (first != null) {
                diagnostics.add(Diagnostic.error(file, Math.max(rule.getLine(), 0), 0, "duplicate rule name \""
                        + rule.getName() + "\" (first defined at " + first + "); rule names must be unique in a ruleset"));
                continue;
            }
            RuleSpec spec = RuleMetadata.read(rule, file, diagnostics);
            if (spec != null) {
                specs.add(spec);
            }
            if (!FactAnchors.anchored(rule)) {
                unanchored.add(rule.getName());
            }
        }
    }

    /** A rule name as a person reads it: case and surrounding or repeated spaces do not count. */
    private static String nameKey(String name) {
        return "\u0000" + name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    private static void checkEveryRuleHasMetadata(InternalKnowledgeBase kieBase, RuleCatalog catalog, String name) {
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (catalog.find(r.getName()).isEmpty()) {
                    throw new RulesetException(name, List.of(Diagnostic.error("(ruleset)", 0, 0,
                            "rule \"" + r.getName() + "\" was compiled but its metadata could not be read")));
                }
            }
        }
    }
}

package io.icprules.benchmarks.peer;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.icprules.benchmarks.profile.AccountEvaluator;
import io.icprules.benchmarks.profile.ReferenceProfile;
import io.icprules.drools.internal.compile.Manifest;
import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Event;
import io.icprules.result.FitResult;
import io.icprules.result.RuleKind;
import io.icprules.result.RulesetInfo;
import io.icprules.scoring.internal.ReasonTemplate;
import io.icprules.scoring.internal.RuleCatalog;
import io.icprules.scoring.internal.RuleSpec;
import io.icprules.scoring.internal.Scorer;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.mvel.MVELRuleFactory;
import org.jeasy.rules.support.reader.YamlRuleDefinitionReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reference profile in a peer rule engine: Easy Rules, reading its rules from a YAML file with
 * MVEL conditions and actions ({@value #RULES}).
 *
 * <p>Easy Rules decides which rules fire; the actions record them in a {@link PeerMatches} fact; the
 * same engine-free {@link Scorer} the Drools engine uses turns them into the ledger, score, tier and
 * decision. So the ratio between this and the Drools engine is the cost of finding the matches.
 * Tiers, caps and required fields come from the reference ruleset's manifest.
 *
 * <p>Thread-safe: each thread gets its own compiled rules (MVEL's compiled expressions optimise
 * themselves on first use, and are not shared between threads here for that reason).
 */
public final class EasyRulesProfile implements AccountEvaluator {

    /** Class-path location of the rule file. */
    public static final String RULES = "reference-easyrules/rules.yml";

    private final String rulesText;
    private final Scorer scorer;
    private final RulesEngine engine = new DefaultRulesEngine();
    private final ThreadLocal<Rules> rules;

    private EasyRulesProfile(String rulesText, Scorer scorer) {
        this.rulesText = rulesText;
        this.scorer = scorer;
        this.rules = ThreadLocal.withInitial(this::compile);
        rules.get(); // a broken rule file fails here, not in the middle of a benchmark
    }

    /**
     * Reads the rule file and the reference manifest, and compiles the rules for the calling thread.
     *
     * @return the peer, stamping results with the identity of the reference ruleset so that they
     *         compare equal to the engine's
     * @throws UncheckedIOException when the rule file cannot be read
     * @throws IllegalStateException when a file does not parse
     */
    public static EasyRulesProfile forReference() {
        RulesetSource source = ReferenceProfile.source();
        List<Diagnostic> problems = new ArrayList<>();
        Manifest manifest = Manifest.parse(source.manifest(), problems);
        if (manifest == null) {
            throw new IllegalStateException("reference manifest does not parse: " + problems);
        }
        String text = resource(RULES);
        RuleCatalog catalog = RuleCatalog.of(specs(text));
        RulesetInfo info = RulesetInfo.of(manifest.name(), manifest.version(), source.contentHash());
        return new EasyRulesProfile(text, new Scorer(catalog, manifest.policy(), info));
    }

    /** @return the number of rules the peer scores (bands count each of their rules) */
    public int ruleCount() {
        return scorer.catalog().size();
    }

    @Override
    public FitResult evaluate(AccountFacts facts, LocalDate asOf) {
        List<Event> events = new ArrayList<>(facts.events().size());
        for (Event e : facts.events()) {
            if (!e.getDate().isAfter(asOf)) {
                events.add(e.relativeTo(asOf));
            }
        }
        PeerMatches hits = new PeerMatches();
        Facts f = new Facts();
        f.put("account", facts.account());
        f.put("events", events);
        f.put("contacts", facts.contacts());
        f.put("hits", hits);
        engine.fire(rules.get(), f);
        return scorer.score(facts, hits.matches(), asOf);
    }

    private Rules compile() {
        try {
            return new MVELRuleFactory(new YamlRuleDefinitionReader()).createRules(new StringReader(rulesText));
        } catch (Exception e) {
            throw new IllegalStateException("Easy Rules cannot read " + RULES + ": " + e.getMessage(), e);
        }
    }

    /** The scoring metadata of every rule, in file order, bands' rules in place. */
    private static List<RuleSpec> specs(String text) {
        List<RuleSpec> specs = new ArrayList<>();
        try (MappingIterator<Map<String, Object>> docs = new YAMLMapper().readerForMapOf(Object.class).readValues(text)) {
            while (docs.hasNext()) {
                Map<String, Object> doc = docs.next();
                Object composing = doc.get("composingRules");
                if (composing instanceof List<?> list) {
                    for (Object r : list) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> rule = (Map<String, Object>) r;
                        specs.add(spec(rule));
                    }
                } else {
                    specs.add(spec(doc));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RULES + ": " + e.getMessage(), e);
        }
        return specs;
    }

    private static RuleSpec spec(Map<String, Object> rule) {
        String name = String.valueOf(rule.get("name"));
        RuleKind kind = RuleKind.fromMetadata(String.valueOf(rule.get("kind")))
                .orElseThrow(() -> new IllegalStateException(RULES + ": rule \"" + name + "\" has no kind"));
        RuleSpec.Builder b = RuleSpec.builder(name, kind);
        if (rule.get("points") != null) {
            b.points(new BigDecimal(rule.get("points").toString()));
        }
        if (rule.get("halfLife") != null) {
            // ISO-8601 days or weeks, as @halfLife: P60D, P6W.
            b.halfLife(Duration.ofDays(Period.parse(rule.get("halfLife").toString()).getDays()));
        }
        if (rule.get("group") != null) {
            b.group(rule.get("group").toString());
        }
        if (rule.get("reason") != null) {
            b.reason(ReasonTemplate.parse(rule.get("reason").toString()));
        }
        b.perEvent(Boolean.TRUE.equals(rule.get("perEvent")));
        return b.build();
    }

    private static String resource(String path) {
        try (InputStream in = Objects.requireNonNull(EasyRulesProfile.class.getClassLoader().getResourceAsStream(path),
                () -> path + " is not on the class path")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}

package io.icprules.scoring.internal;

import io.icprules.result.RuleKind;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every rule of a ruleset with its metadata, in ruleset order (file name, then line). Immutable.
 * The scorer looks rules up here by name; the engine never needs the rule objects themselves.
 */
public final class RuleCatalog {

    private final Map<String, RuleSpec> byName;
    private final Map<String, Integer> positions;
    private final List<RuleSpec> rules;
    private final List<RuleSpec> hardFilters;

    private RuleCatalog(Map<String, RuleSpec> byName) {
        this.byName = Collections.unmodifiableMap(byName);
        this.rules = List.copyOf(byName.values());
        Map<String, Integer> pos = new java.util.HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            pos.put(rules.get(i).name(), i);
        }
        this.positions = Map.copyOf(pos);
        this.hardFilters = rules.stream().filter(r -> r.kind().excludesUnlessFired()).toList();
    }

    /**
     * @param rules the rules in ruleset order; names must be unique
     * @return the catalog
     * @throws IllegalArgumentException on a duplicate name
     */
    public static RuleCatalog of(List<RuleSpec> rules) {
        Map<String, RuleSpec> map = new LinkedHashMap<>();
        for (RuleSpec r : rules) {
            if (map.putIfAbsent(r.name(), r) != null) {
                throw new IllegalArgumentException("duplicate rule name: " + r.name());
            }
        }
        return new RuleCatalog(map);
    }

    /**
     * @param name a rule name, never null
     * @return the rule, when the catalog has it
     */
    public Optional<RuleSpec> find(String name) {
        return Optional.ofNullable(byName.get(Objects.requireNonNull(name, "name")));
    }

    /** @return every rule in ruleset order, never null */
    public List<RuleSpec> rules() {
        return rules;
    }

    /**
     * @return the rules whose kind {@linkplain RuleKind#excludesUnlessFired() excludes the account unless
     *         they fire} (the hard filters), in ruleset order, never null
     */
    public List<RuleSpec> hardFilters() {
        return hardFilters;
    }

    /** @return the number of rules */
    public int size() {
        return byName.size();
    }

    /**
     * @param name a rule name
     * @return the rule's 0-based position in {@link #rules()}, or -1 when unknown
     */
    public int position(String name) {
        Integer i = positions.get(name);
        return i == null ? -1 : i;
    }
}

package io.icprules.benchmarks.profile;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.io.synthetic.SyntheticAccounts;
import io.icprules.fact.AccountFacts;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference profile of the benchmarks (50 rules of all four kinds: hard filters, activation-group
 * bands, capped groups, decaying triggers, custom-attribute rules, contact rules with {@code exists}
 * and {@code not}) and the synthetic accounts it is measured on.
 *
 * <p>The rules live in the class-path folder {@value #RULESET}; the hand-written and Easy Rules
 * versions of the same profile are in the {@code floor} and {@code peer} packages.
 */
public final class ReferenceProfile {

    /** Class-path folder of the reference ruleset. */
    public static final String RULESET = "reference-ruleset";

    /** The evaluation date of every benchmark: the generator's anchor, so events are 0-730 days old. */
    public static final LocalDate AS_OF = SyntheticAccounts.DEFAULT_ANCHOR;

    /** The seed of the benchmark accounts. */
    public static final long SEED = 42L;

    private ReferenceProfile() {
    }

    /** @return the reference ruleset, read from the class path */
    public static RulesetSource source() {
        return RulesetSource.fromClasspath(RULESET, ReferenceProfile.class.getClassLoader());
    }

    /**
     * The reference ruleset with another version number: same rules, another content hash, so that a
     * hot reload really compiles and swaps.
     *
     * @param version the version to write into the manifest
     * @return the ruleset
     */
    public static RulesetSource sourceWithVersion(String version) {
        RulesetSource base = source();
        Map<String, String> files = new HashMap<>(base.files());
        files.put(RulesetSource.MANIFEST, base.manifest().replaceFirst("(?m)^version=.*$", "version=" + version));
        return RulesetSource.of(base.origin() + "@" + version, base.trusted(), files);
    }

    /** @return an engine for the reference ruleset with the default settings (sessions reused) */
    public static FitEngine engine() {
        return IcpRules.builder().ruleset(source()).build();
    }

    /**
     * @param count how many accounts
     * @return the first {@code count} synthetic accounts of {@link #SEED}, with events and contacts
     */
    public static List<AccountFacts> accounts(int count) {
        return SyntheticAccounts.stream(count, SEED, AS_OF).toList();
    }
}

package io.icprules.result;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which ruleset decided a result: its name and version from the manifest, and a hash of its
 * content, so that two results can be compared only when they were decided by the same rules.
 */
public final class RulesetInfo implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String version;
    private final String contentHash;
    /** Shared by every result of one engine; not part of equality, not serialized. */
    private final transient Set<String> ruleNames;

    private RulesetInfo(String name, String version, String contentHash, Set<String> ruleNames) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        this.contentHash = Objects.requireNonNull(contentHash, "contentHash");
        this.ruleNames = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(ruleNames, "ruleNames")));
    }

    /**
     * @param name        the ruleset name, never null
     * @param version     the ruleset version, never null
     * @param contentHash hex SHA-256 of the ruleset's files, never null
     * @return the info
     */
    public static RulesetInfo of(String name, String version, String contentHash) {
        return new RulesetInfo(name, version, contentHash, Set.of());
    }

    /**
     * @param name        the ruleset name, never null
     * @param version     the ruleset version, never null
     * @param contentHash hex SHA-256 of the ruleset's files, never null
     * @param ruleNames   the names of the ruleset's rules, in file order, never null
     * @return the info
     */
    public static RulesetInfo of(String name, String version, String contentHash, Collection<String> ruleNames) {
        return new RulesetInfo(name, version, contentHash, new LinkedHashSet<>(ruleNames));
    }

    /** @return the name from the manifest, never null */
    public String name() {
        return name;
    }

    /** @return the version from the manifest, never null */
    public String version() {
        return version;
    }

    /** @return the lower-case hex SHA-256 over the ruleset's file names and contents, never null */
    public String contentHash() {
        return contentHash;
    }

    /**
     * The names of the ruleset's rules, so that a test can tell a misspelt rule name from a rule that
     * did not fire. Known on results an engine made; empty on an info made from name, version and
     * hash alone, or read back from a serialized form.
     *
     * @return the rule names in file order, never null, possibly empty when not known
     */
    public Set<String> ruleNames() {
        return ruleNames == null ? Set.of() : ruleNames;
    }

    /** @return the first 12 characters of the content hash, enough to tell versions apart in a table */
    public String shortHash() {
        return contentHash.substring(0, Math.min(12, contentHash.length()));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RulesetInfo)) {
            return false;
        }
        RulesetInfo r = (RulesetInfo) o;
        return name.equals(r.name) && version.equals(r.version) && contentHash.equals(r.contentHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, contentHash);
    }

    /** @return {@code name@version (hash)} */
    @Override
    public String toString() {
        return name + "@" + version + " (" + shortHash() + ")";
    }
}

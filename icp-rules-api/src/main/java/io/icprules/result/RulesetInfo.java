package io.icprules.result;

import java.io.Serializable;
import java.util.Objects;

/**
 * Which ruleset decided a result: its name and version from the manifest, and a hash of its
 * content, so that two results can be compared only when they were decided by the same rules.
 */
public final class RulesetInfo implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String version;
    private final String contentHash;

    private RulesetInfo(String name, String version, String contentHash) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        this.contentHash = Objects.requireNonNull(contentHash, "contentHash");
    }

    /**
     * @param name        the ruleset name, never null
     * @param version     the ruleset version, never null
     * @param contentHash hex SHA-256 of the ruleset's files, never null
     * @return the info
     */
    public static RulesetInfo of(String name, String version, String contentHash) {
        return new RulesetInfo(name, version, contentHash);
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

package io.icprules.evidence;

import io.icprules.result.RulesetInfo;

/**
 * Which ruleset produced a report, as reports print it.
 *
 * @param name    the ruleset's name
 * @param version its version
 * @param hash    the SHA-256 of its content, in hex
 */
public record RulesetRef(String name, String version, String hash) {

    /**
     * @param info the engine's ruleset, never null
     * @return its name, version and hash
     */
    public static RulesetRef of(RulesetInfo info) {
        return new RulesetRef(info.name(), info.version(), info.contentHash());
    }

    /** @return {@code name@version (first 12 hex digits of the hash)} */
    public String label() {
        return name + "@" + version + " (" + (hash.length() > 12 ? hash.substring(0, 12) : hash) + ")";
    }
}

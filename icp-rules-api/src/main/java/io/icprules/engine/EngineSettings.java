package io.icprules.engine;

import java.util.Objects;

/**
 * Limits and switches an engine is built with. Immutable; made by {@link IcpRules.Builder}.
 */
public final class EngineSettings {

    /** Default for {@link #maxFiringsPerAccount()}. */
    public static final int DEFAULT_MAX_FIRINGS = 10_000;

    private final int maxFiringsPerAccount;
    private final boolean restricted;

    EngineSettings(int maxFiringsPerAccount, boolean restricted) {
        this.maxFiringsPerAccount = maxFiringsPerAccount;
        this.restricted = restricted;
    }

    /** @return settings with every default */
    public static EngineSettings defaults() {
        return new EngineSettings(DEFAULT_MAX_FIRINGS, true);
    }

    /**
     * @return how many rule firings one account's evaluation may take before it is stopped and
     *         reported as a runaway rule
     */
    public int maxFiringsPerAccount() {
        return maxFiringsPerAccount;
    }

    /**
     * @return whether untrusted rule files are checked against the allow-list of what rules may
     *         use (see {@link RulesetSource#trusted()})
     */
    public boolean restricted() {
        return restricted;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineSettings && ((EngineSettings) o).maxFiringsPerAccount == maxFiringsPerAccount
                && ((EngineSettings) o).restricted == restricted;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxFiringsPerAccount, restricted);
    }

    @Override
    public String toString() {
        return "EngineSettings[maxFiringsPerAccount=" + maxFiringsPerAccount + ", restricted=" + restricted + "]";
    }
}

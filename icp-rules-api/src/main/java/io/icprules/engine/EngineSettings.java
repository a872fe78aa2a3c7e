package io.icprules.engine;

import java.util.Objects;

/**
 * Limits and switches an engine is built with. Immutable; made by {@link IcpRules.Builder}.
 */
public final class EngineSettings {

    /** Default for {@link #maxFiringsPerAccount()}. */
    public static final int DEFAULT_MAX_FIRINGS = 10_000;

    private final int maxFiringsPerAccount;
    private final boolean reuseSessions;

    EngineSettings(int maxFiringsPerAccount, boolean reuseSessions) {
        this.maxFiringsPerAccount = maxFiringsPerAccount;
        this.reuseSessions = reuseSessions;
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
     * @return whether an engine may reuse a rule session for successive accounts (after emptying
     *         it); results are identical either way, reuse is faster
     */
    public boolean reuseSessions() {
        return reuseSessions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineSettings && ((EngineSettings) o).maxFiringsPerAccount == maxFiringsPerAccount
                && ((EngineSettings) o).reuseSessions == reuseSessions;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxFiringsPerAccount, reuseSessions);
    }

    @Override
    public String toString() {
        return "EngineSettings[maxFiringsPerAccount=" + maxFiringsPerAccount + ", reuseSessions=" + reuseSessions + "]";
    }
}

package io.icprules.engine;

import java.util.Objects;

/**
 * Limits and switches an engine is built with. Immutable; made by {@link IcpRules.Builder}.
 */
public final class EngineSettings {

    /** Default for {@link #maxFiringsPerAccount()}. */
    public static final int DEFAULT_MAX_FIRINGS = 10_000;

    private final int maxFiringsPerAccount;

    EngineSettings(int maxFiringsPerAccount) {
        this.maxFiringsPerAccount = maxFiringsPerAccount;
    }

    /** @return settings with every default */
    public static EngineSettings defaults() {
        return new EngineSettings(DEFAULT_MAX_FIRINGS);
    }

    /**
     * @return how many rule firings one account's evaluation may take before it is stopped and
     *         reported as a runaway rule
     */
    public int maxFiringsPerAccount() {
        return maxFiringsPerAccount;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineSettings && ((EngineSettings) o).maxFiringsPerAccount == maxFiringsPerAccount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxFiringsPerAccount);
    }

    @Override
    public String toString() {
        return "EngineSettings[maxFiringsPerAccount=" + maxFiringsPerAccount + "]";
    }
}

package io.icprules.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and switches an engine is built with. Immutable; made by {@link IcpRules.Builder}.
 */
public final class EngineSettings {

    /** Default for {@link #maxFiringsPerAccount()}. */
    public static final int DEFAULT_MAX_FIRINGS = 10_000;

    /** Default for {@link #timeBudgetPerAccount()}. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(5);

    private final int maxFiringsPerAccount;
    private final boolean reuseSessions;
    private final Duration timeBudgetPerAccount;
    private final RuleTrust ruleTrust;

    EngineSettings(int maxFiringsPerAccount, boolean reuseSessions, Duration timeBudgetPerAccount, RuleTrust ruleTrust) {
        this.maxFiringsPerAccount = maxFiringsPerAccount;
        this.reuseSessions = reuseSessions;
        this.timeBudgetPerAccount = Objects.requireNonNull(timeBudgetPerAccount, "timeBudgetPerAccount");
        this.ruleTrust = Objects.requireNonNull(ruleTrust, "ruleTrust");
    }

    /** @return settings with every default */
    public static EngineSettings defaults() {
        return new EngineSettings(DEFAULT_MAX_FIRINGS, true, DEFAULT_TIME_BUDGET, RuleTrust.AUTO);
    }

    /**
     * @return how many times rules may be re-activated on facts they already fired for, and how many
     *         facts rule consequences may insert, in one account's evaluation before it is stopped and
     *         reported as a runaway rule. Firings caused by the account's own facts are not counted,
     *         however many contacts or events it has.
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

    /**
     * @return how long the rule firings of one account may take before the evaluation is stopped and
     *         reported; checked between firings and while a condition's regular expression runs
     *         (restricted mode rejects loops in rule files)
     */
    public Duration timeBudgetPerAccount() {
        return timeBudgetPerAccount;
    }

    /** @return how far the rule files are trusted, never null */
    public RuleTrust ruleTrust() {
        return ruleTrust;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EngineSettings)) {
            return false;
        }
        EngineSettings s = (EngineSettings) o;
        return s.maxFiringsPerAccount == maxFiringsPerAccount && s.reuseSessions == reuseSessions
                && s.timeBudgetPerAccount.equals(timeBudgetPerAccount) && s.ruleTrust == ruleTrust;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxFiringsPerAccount, reuseSessions, timeBudgetPerAccount, ruleTrust);
    }

    @Override
    public String toString() {
        return "EngineSettings[maxFiringsPerAccount=" + maxFiringsPerAccount + ", reuseSessions=" + reuseSessions
                + ", timeBudgetPerAccount=" + timeBudgetPerAccount + ", ruleTrust=" + ruleTrust + "]";
    }
}

package io.icprules.engine;

import io.icprules.spi.FitEngineProvider;

import io.icprules.error.EngineNotFoundException;
import io.icprules.error.RulesetException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Entry point: compiles a ruleset into a {@link FitEngine}, using the engine implementation found
 * on the class path (add {@code io.icprules:icp-rules-drools}).
 *
 * <pre>{@code
 * FitEngine engine = IcpRules.fromDirectory(Path.of("rules/retail"));
 * FitResult result = engine.evaluate(AccountFacts.of(account), LocalDate.of(2026, 11, 23));
 * }</pre>
 *
 * <p>Compiling takes a moment; build one engine per ruleset and share it.
 */
public final class IcpRules {

    private IcpRules() {
    }

    /**
     * Compiles the ruleset in a folder with default settings.
     *
     * @param dir the ruleset folder (manifest and .drl files), never null
     * @return the engine
     * @throws RulesetException        with every diagnostic when the ruleset does not compile
     * @throws EngineNotFoundException when no engine implementation is on the class path
     */
    public static FitEngine fromDirectory(Path dir) {
        return builder().ruleset(RulesetSource.fromDirectory(dir)).build();
    }

    /** @return a builder for an engine with non-default settings */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Finds the engine implementation on the class path.
     *
     * @return the provider
     * @throws EngineNotFoundException when there is none
     */
    public static FitEngineProvider provider() {
        Iterator<FitEngineProvider> it = ServiceLoader.load(FitEngineProvider.class, IcpRules.class.getClassLoader())
                .iterator();
        if (!it.hasNext()) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                it = ServiceLoader.load(FitEngineProvider.class, context).iterator();
            }
        }
        if (!it.hasNext()) {
            throw new EngineNotFoundException("No icp-rules engine implementation found on the class path. "
                    + "Add the dependency io.icprules:icp-rules-drools (it registers "
                    + FitEngineProvider.class.getName() + " through java.util.ServiceLoader).");
        }
        return it.next();
    }

    /** Builds a {@link FitEngine}; validates each setting as it is given. Not thread-safe. */
    public static final class Builder {
        private RulesetSource source;
        private int maxFiringsPerAccount = EngineSettings.DEFAULT_MAX_FIRINGS;
        private boolean reuseSessions = true;
        private Duration timeBudgetPerAccount = EngineSettings.DEFAULT_TIME_BUDGET;
        private RuleTrust ruleTrust = RuleTrust.AUTO;
        private FitEngineProvider provider;

        private Builder() {
        }

        /**
         * @param source the ruleset to compile, never null
         * @return this builder
         */
        public Builder ruleset(RulesetSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Bounds what signals a runaway rule in one account's evaluation: re-activations of rules on
         * facts they already fired for, and facts inserted by rule consequences. Such a rule is
         * stopped and reported instead of running forever. Firings caused by the account's own
         * facts are not counted, so an account with 10,000 contacts is no runaway.
         *
         * @param max at least 1; default {@value EngineSettings#DEFAULT_MAX_FIRINGS}
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxFiringsPerAccount(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxFiringsPerAccount must be at least 1, was " + max);
            }
            this.maxFiringsPerAccount = max;
            return this;
        }

        /**
         * Bounds how long the rule firings of one account may take; an evaluation over budget is
         * stopped and reported with the account and the rule that was firing.
         *
         * @param budget positive; default 5 seconds
         * @return this builder
         * @throws IllegalArgumentException when zero or negative
         */
        public Builder timeBudgetPerAccount(Duration budget) {
            Objects.requireNonNull(budget, "budget");
            if (budget.isZero() || budget.isNegative()) {
                throw new IllegalArgumentException("timeBudgetPerAccount must be positive, was " + budget);
            }
            this.timeBudgetPerAccount = budget;
            return this;
        }

        /**
         * How far to trust the rule files (see {@link RuleTrust}).
         *
         * @param trust default {@link RuleTrust#AUTO}: restricted unless the ruleset comes from the class path
         * @return this builder
         */
        public Builder ruleTrust(RuleTrust trust) {
            this.ruleTrust = Objects.requireNonNull(trust, "trust");
            return this;
        }

        /**
         * Whether the engine may reuse a rule session for successive accounts, after emptying it.
         * Results are identical either way; reuse is faster. Turn it off only to compare.
         *
         * @param reuse default true
         * @return this builder
         */
        public Builder reuseSessions(boolean reuse) {
            this.reuseSessions = reuse;
            return this;
        }

        /**
         * Uses a given implementation instead of the one {@link java.util.ServiceLoader} finds.
         *
         * @param provider the implementation, never null
         * @return this builder
         */
        public Builder provider(FitEngineProvider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** @return the settings as given so far */
        public EngineSettings settings() {
            return new EngineSettings(maxFiringsPerAccount, reuseSessions, timeBudgetPerAccount, ruleTrust);
        }

        /**
         * Compiles the ruleset.
         *
         * @return the engine, never null
         * @throws IllegalStateException   when no ruleset was given
         * @throws RulesetException        with every diagnostic when the ruleset does not compile
         * @throws EngineNotFoundException when no engine implementation is on the class path
         */
        public FitEngine build() {
            if (source == null) {
                throw new IllegalStateException("no ruleset: call ruleset(RulesetSource) before build()");
            }
            return buildWith(source);
        }

        /** Compiles a given ruleset with this builder's settings, leaving the builder unchanged. */
        FitEngine buildWith(RulesetSource ruleset) {
            return resolveProvider().create(Objects.requireNonNull(ruleset, "ruleset"), settings());
        }

        FitEngineProvider resolveProvider() {
            return provider != null ? provider : IcpRules.provider();
        }
    }
}

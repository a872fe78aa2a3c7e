package io.icprules.engine;

import io.icprules.fact.AccountFacts;
import io.icprules.result.FitResult;
import io.icprules.result.ProfileResults;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Several profiles held side by side, each by its own engine, so that one call evaluates an account
 * against all of them and says which fits best. Immutable and thread-safe when its engines are.
 *
 * <pre>{@code
 * ProfileSet profiles = ProfileSet.builder()
 *         .add("primary", IcpRules.fromDirectory(Path.of("rules/primary")))
 *         .add("expansion", IcpRules.fromDirectory(Path.of("rules/expansion")))
 *         .build();
 * ProfileResults r = profiles.evaluate(facts, asOf);
 * r.bestProfile();   // Optional["primary"]
 * }</pre>
 */
public final class ProfileSet implements AutoCloseable {

    private final Map<String, FitEngine> engines;

    private ProfileSet(Map<String, FitEngine> engines) {
        this.engines = Collections.unmodifiableMap(new LinkedHashMap<>(engines));
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return profile names in the order they were added; never null */
    public List<String> profiles() {
        return List.copyOf(engines.keySet());
    }

    /**
     * @param profile a profile name
     * @return its engine
     * @throws IllegalArgumentException when there is no such profile
     */
    public FitEngine engine(String profile) {
        FitEngine e = engines.get(profile);
        if (e == null) {
            throw new IllegalArgumentException("no profile '" + profile + "'; profiles: " + engines.keySet());
        }
        return e;
    }

    /**
     * Evaluates one account against every profile.
     *
     * @param facts the account, never null
     * @param asOf  the evaluation date, never null
     * @return every profile's result and the best fit, never null
     * @throws io.icprules.error.EvaluationException when a profile's evaluation fails
     */
    public ProfileResults evaluate(AccountFacts facts, LocalDate asOf) {
        Map<String, FitResult> results = new LinkedHashMap<>();
        engines.forEach((name, engine) -> results.put(name, engine.evaluate(facts, asOf)));
        return ProfileResults.of(facts.accountId(), results);
    }

    /** Closes every engine. */
    @Override
    public void close() {
        engines.values().forEach(FitEngine::close);
    }

    /** Builds a {@link ProfileSet}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, FitEngine> engines = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param profile a unique, non-blank name
         * @param engine  the profile's engine, never null
         * @return this builder
         * @throws IllegalArgumentException on a blank or repeated name
         */
        public Builder add(String profile, FitEngine engine) {
            Objects.requireNonNull(engine, "engine");
            if (profile == null || profile.isBlank()) {
                throw new IllegalArgumentException("profile name must not be blank");
            }
            if (engines.putIfAbsent(profile, engine) != null) {
                throw new IllegalArgumentException("profile '" + profile + "' added twice");
            }
            return this;
        }

        /**
         * @return the set
         * @throws IllegalStateException when no profile was added
         */
        public ProfileSet build() {
            if (engines.isEmpty()) {
                throw new IllegalStateException("add at least one profile");
            }
            return new ProfileSet(engines);
        }
    }
}

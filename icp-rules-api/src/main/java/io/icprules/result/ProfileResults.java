package io.icprules.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One account evaluated against several profiles (for example a primary and a secondary ICP, or one
 * per product line): every profile's result, and the best fit. Immutable.
 *
 * <p>The best fit is the {@link Decision#FIT} result with the highest score; on equal scores the
 * profile listed first wins. When no profile fits, there is no best fit.
 */
public final class ProfileResults {

    private final String accountId;
    private final Map<String, FitResult> results;
    private final String best;

    private ProfileResults(String accountId, Map<String, FitResult> results) {
        this.accountId = accountId;
        this.results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        String bestName = null;
        FitResult bestResult = null;
        for (Map.Entry<String, FitResult> e : this.results.entrySet()) {
            FitResult r = e.getValue();
            if (r.isFit() && (bestResult == null || r.score().compareTo(bestResult.score()) > 0)) {
                bestName = e.getKey();
                bestResult = r;
            }
        }
        this.best = bestName;
    }

    /**
     * @param accountId the account, never null
     * @param results   profile name to result, in profile order; at least one
     * @return the results
     */
    public static ProfileResults of(String accountId, Map<String, FitResult> results) {
        Objects.requireNonNull(accountId, "accountId");
        if (results.isEmpty()) {
            throw new IllegalArgumentException("at least one profile result is needed");
        }
        return new ProfileResults(accountId, results);
    }

    /** @return the account's id, never null */
    public String accountId() {
        return accountId;
    }

    /** @return profile name to result, in profile order; never null */
    public Map<String, FitResult> results() {
        return results;
    }

    /**
     * @param profile a profile name
     * @return that profile's result, when the profile exists
     */
    public Optional<FitResult> result(String profile) {
        return Optional.ofNullable(results.get(profile));
    }

    /** @return the name of the best-fitting profile, empty when no profile fits */
    public Optional<String> bestProfile() {
        return Optional.ofNullable(best);
    }

    /** @return the best-fitting profile's result, empty when no profile fits */
    public Optional<FitResult> best() {
        return Optional.ofNullable(best).map(results::get);
    }

    @Override
    public String toString() {
        return "ProfileResults[" + accountId + ", best=" + best + ", " + results.values() + "]";
    }
}

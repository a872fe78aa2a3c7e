package io.icprules.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One output record when accounts are scored against several profiles: each profile's result for
 * the input record and the best fit, or the reason the record could not be read. Writers emit
 * exactly one per input record, in input order.
 *
 * @param line        the 1-based line of the input record
 * @param accountId   the account id, or null when the input row's id could not be read
 * @param profiles    profile name to that profile's scored record (a result, or an error when
 *                    that profile's evaluation failed), in profile order; empty for an error record
 * @param bestProfile the best-fitting profile (the highest-scoring FIT), or null when none fits
 * @param error       why the input record could not be read, or null
 */
public record ProfiledRecord(long line, String accountId, Map<String, ScoredRecord> profiles, String bestProfile,
                             String error) {

    /**
     * Copies the profiles and checks that the record holds either results or an error.
     *
     * @param line        the 1-based line of the input record
     * @param accountId   the account id, or null when unknown
     * @param profiles    profile name to scored record, never null
     * @param bestProfile the best-fitting profile, or null
     * @param error       why the record could not be read, or null
     * @throws IllegalArgumentException when both or neither of results and an error are given
     */
    public ProfiledRecord {
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(profiles, "profiles")));
        if (profiles.isEmpty() == (error == null)) {
            throw new IllegalArgumentException("a profiled record holds either profile results or an error");
        }
    }

    /**
     * @param line      the 1-based line of the input record
     * @param accountId the account id, or null when unknown
     * @param error     what is wrong with the input record, never null
     * @return an error record
     */
    public static ProfiledRecord error(long line, String accountId, String error) {
        return new ProfiledRecord(line, accountId, Map.of(), null, Objects.requireNonNull(error, "error"));
    }

    /** @return true when the input record could not be read */
    public boolean isError() {
        return error != null;
    }
}

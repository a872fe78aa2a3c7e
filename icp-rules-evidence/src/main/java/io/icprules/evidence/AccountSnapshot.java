package io.icprules.evidence;

import io.icprules.io.AccountRecord;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of an account snapshot file: the account as it was from {@code validFrom} until the
 * account's next snapshot (see {@link AccountBook}).
 *
 * @param validFrom the first day the row describes the account, or null when the row's
 *                  {@code valid_from} could not be read; such a row is left out, and its record is an
 *                  error record saying why
 * @param record    the row's account (with its events and contacts), or an error record; never null
 */
public record AccountSnapshot(LocalDate validFrom, AccountRecord record) {

    /**
     * Checks that a row without a date is an error record.
     *
     * @param validFrom the first day the row describes the account, or null
     * @param record    the row's record, never null
     * @throws IllegalArgumentException when {@code validFrom} is null but the record holds facts
     */
    public AccountSnapshot {
        Objects.requireNonNull(record, "record");
        if (validFrom == null && !record.isError()) {
            throw new IllegalArgumentException("a snapshot without valid_from must be an error record");
        }
    }
}

package io.icprules.evidence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One deal of the outcomes file: which account, when it entered the pipeline (the date it is
 * scored as of) and how it went. Everything but the account, the entry date and the outcome may be
 * unknown (null).
 *
 * @param dealId          the deal's id, or null when the file has none
 * @param accountId       the account, never null
 * @param enteredPipeline the date the account entered the pipeline, never null: the backtest scores
 *                        the account as of this date
 * @param outcome         how the deal went, never null
 * @param closeDate       the date it closed, or null
 * @param amount          the annual contract value (quoted for lost and open deals), or null
 * @param cycleDays       days from entering the pipeline to closing, or null
 * @param retained12m     whether a won customer was still a customer 12 months later, or null
 * @param expansion       the amount a won customer added after the first contract, or null
 */
public record Deal(String dealId, String accountId, LocalDate enteredPipeline, DealOutcome outcome,
                   LocalDate closeDate, BigDecimal amount, Integer cycleDays, Boolean retained12m,
                   BigDecimal expansion) {

    /**
     * Checks the required parts.
     *
     * @param dealId          the deal's id, or null
     * @param accountId       the account, never null
     * @param enteredPipeline the entry date, never null
     * @param outcome         the outcome, never null
     * @param closeDate       the close date, or null
     * @param amount          the contract value, or null
     * @param cycleDays       the cycle in days, or null
     * @param retained12m     retained after 12 months, or null
     * @param expansion       the expansion amount, or null
     * @throws NullPointerException when a required part is null
     */
    public Deal {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(enteredPipeline, "enteredPipeline");
        Objects.requireNonNull(outcome, "outcome");
    }
}

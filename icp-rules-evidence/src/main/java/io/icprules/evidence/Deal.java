package io.icprules.evidence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
 * @param cycleDays       days from entering the pipeline to closing as the file gives them, or null
 *                        (see {@link #salesCycleDays()} for the cycle the backtest uses)
 * @param retained12m     whether a won customer was still a customer 12 months later, or null
 * @param expansion       the amount a won customer added after the first contract, or null
 * @param churnedAmount   the annual contract value a won customer has since taken away (all of it
 *                        when the customer left), or null
 * @param grossMargin     the deal's gross margin as a fraction of its value ({@code 0.72} for 72%),
 *                        or null
 * @param acquisitionCost what winning (or trying to win) the deal cost in sales and marketing, or null
 */
public record Deal(String dealId, String accountId, LocalDate enteredPipeline, DealOutcome outcome,
                   LocalDate closeDate, BigDecimal amount, Integer cycleDays, Boolean retained12m,
                   BigDecimal expansion, BigDecimal churnedAmount, BigDecimal grossMargin,
                   BigDecimal acquisitionCost) {

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
     * @param churnedAmount   the churned contract value, or null
     * @param grossMargin     the gross margin as a fraction, or null
     * @param acquisitionCost the acquisition cost, or null
     * @throws NullPointerException when a required part is null
     */
    public Deal {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(enteredPipeline, "enteredPipeline");
        Objects.requireNonNull(outcome, "outcome");
    }

    /**
     * A deal without churned value, gross margin and acquisition cost.
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
    public Deal(String dealId, String accountId, LocalDate enteredPipeline, DealOutcome outcome, LocalDate closeDate,
                BigDecimal amount, Integer cycleDays, Boolean retained12m, BigDecimal expansion) {
        this(dealId, accountId, enteredPipeline, outcome, closeDate, amount, cycleDays, retained12m, expansion,
                null, null, null);
    }

    /**
     * The sales cycle: {@link #cycleDays()} when the file gives it, else, for a closed deal with a
     * close date, the days from {@link #enteredPipeline()} to {@link #closeDate()}. An open deal's close
     * date is an expected one, so it gives no cycle.
     *
     * @return the cycle in days, or null when unknown
     */
    public Integer salesCycleDays() {
        if (cycleDays != null) {
            return cycleDays;
        }
        if (closeDate == null || !outcome.isClosed() || closeDate.isBefore(enteredPipeline)) {
            return null;
        }
        return Math.toIntExact(ChronoUnit.DAYS.between(enteredPipeline, closeDate));
    }
}

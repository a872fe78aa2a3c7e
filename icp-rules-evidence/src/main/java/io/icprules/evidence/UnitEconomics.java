package io.icprules.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * What the won deals of a group are worth once kept, served and paid for: net revenue retention,
 * gross margin and CAC payback, each computed only from the deals whose cells it needs, and null
 * (left out of the JSON report) when no deal has them. The formulas are those of
 * {@code docs/evidence.md}:
 *
 * <ul>
 *   <li><b>net revenue retention</b> = Σ (ACV + expansion − churned ACV) / Σ ACV, over wins whose
 *       {@code amount}, {@code expansion_amount} and {@code churned_amount} are all given;</li>
 *   <li><b>gross margin</b> = Σ (ACV × gross margin) / Σ ACV, over wins whose {@code amount} and
 *       {@code gross_margin} are given (the ACV-weighted mean margin);</li>
 *   <li><b>CAC payback</b>, in months = (Σ acquisition cost of the counted wins + Σ acquisition cost of
 *       the lost deals that have one) / Σ (ACV / 12 × gross margin) of the counted wins, where the
 *       counted wins are those whose {@code amount}, {@code gross_margin} and
 *       {@code acquisition_cost} are all given: the months of gross profit the new customers take to
 *       pay back what was spent on winning them and on the deals lost along the way. Null when the
 *       monthly gross profit is not positive.</li>
 * </ul>
 *
 * @param netRevenueRetention net revenue retention as a fraction ({@code 1.08} for 108%), or null
 * @param retentionDeals      wins it is computed over
 * @param grossMargin         the ACV-weighted gross margin of wins as a fraction, or null
 * @param marginDeals         wins it is computed over
 * @param cacPaybackMonths    months of gross profit that pay back the acquisition cost, or null
 * @param paybackWins         wins it is computed over
 * @param paybackLost         lost deals whose acquisition cost it includes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitEconomics(Double netRevenueRetention, long retentionDeals, Double grossMargin, long marginDeals,
                            Double cacPaybackMonths, long paybackWins, long paybackLost) {

    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);

    /**
     * Computes the figures of a group.
     *
     * @param deals the group's deals, open ones included, never null
     * @return the figures, or null when none of them can be computed (no deal has the cells they need)
     */
    public static UnitEconomics of(List<Deal> deals) {
        BigDecimal nrrBase = BigDecimal.ZERO;
        BigDecimal nrrKept = BigDecimal.ZERO;
        long nrrDeals = 0;
        BigDecimal marginBase = BigDecimal.ZERO;
        BigDecimal marginProfit = BigDecimal.ZERO;
        long marginDeals = 0;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal monthlyProfit = BigDecimal.ZERO;
        long paybackWins = 0;
        long paybackLost = 0;
        for (Deal d : deals) {
            if (d.outcome().isWin() && d.amount() != null) {
                if (d.expansion() != null && d.churnedAmount() != null) {
                    nrrBase = nrrBase.add(d.amount());
                    nrrKept = nrrKept.add(d.amount()).add(d.expansion()).subtract(d.churnedAmount());
                    nrrDeals++;
                }
                if (d.grossMargin() != null) {
                    BigDecimal profit = d.amount().multiply(d.grossMargin());
                    marginBase = marginBase.add(d.amount());
                    marginProfit = marginProfit.add(profit);
                    marginDeals++;
                    if (d.acquisitionCost() != null) {
                        cost = cost.add(d.acquisitionCost());
                        monthlyProfit = monthlyProfit.add(profit.divide(MONTHS, MathContext.DECIMAL64));
                        paybackWins++;
                    }
                }
            } else if (d.outcome() == DealOutcome.LOST && d.acquisitionCost() != null) {
                cost = cost.add(d.acquisitionCost());
                paybackLost++;
            }
        }
        Double nrr = ratio(nrrKept, nrrBase);
        Double margin = ratio(marginProfit, marginBase);
        Double payback = paybackWins > 0 ? ratio(cost, monthlyProfit) : null;
        if (nrr == null && margin == null && payback == null) {
            return null;
        }
        return new UnitEconomics(nrr, nrr == null ? 0 : nrrDeals, margin, margin == null ? 0 : marginDeals,
                payback, payback == null ? 0 : paybackWins, payback == null ? 0 : paybackLost);
    }

    private static Double ratio(BigDecimal top, BigDecimal bottom) {
        return bottom.signum() > 0 ? top.divide(bottom, MathContext.DECIMAL64).doubleValue() : null;
    }
}

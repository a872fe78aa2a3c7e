package io.icprules.spark;

import io.icprules.io.CsvResultWriter;
import io.icprules.io.ScoredRecord;
import io.icprules.result.FitResult;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The result for one account row as Spark encodes it between the scoring tasks and the output: a
 * JavaBean (Spark's bean encoder does not take records), holding what the {@code icp score}
 * command writes, with the full ledger. Error rows hold only the account id, the decision
 * {@code ERROR} and the error.
 */
public final class ScoredAccount implements Serializable {

    private static final long serialVersionUID = 1L;

    private String accountId;
    private String decision;
    private String tier;
    private BigDecimal score;
    private String ruleset;
    private String rulesetVersion;
    private String rulesetHash;
    private LocalDate asOf;
    private List<LedgerEntry> ledger;
    private String ledgerText;
    private String unmetHardFilters;
    private String disqualifiers;
    private String missingFields;
    private String error;

    /** An empty row, for Spark. */
    public ScoredAccount() {
    }

    /**
     * @param record a scored record, never null
     * @return the row holding it
     */
    public static ScoredAccount of(ScoredRecord record) {
        ScoredAccount a = new ScoredAccount();
        a.accountId = record.accountId();
        a.decision = record.decision();
        FitResult r = record.result();
        if (r == null) {
            a.error = record.error();
            return a;
        }
        a.tier = r.tier();
        a.score = r.score();
        a.ruleset = r.ruleset().name();
        a.rulesetVersion = r.ruleset().version();
        a.rulesetHash = r.ruleset().contentHash();
        a.asOf = r.asOf();
        a.ledger = r.ledger().stream().map(LedgerEntry::of).toList();
        a.ledgerText = CsvResultWriter.ledger(r.ledger());
        a.unmetHardFilters = CsvResultWriter.notes(r.unmetHardFilters());
        a.disqualifiers = CsvResultWriter.notes(r.disqualifiers());
        a.missingFields = String.join("; ", r.missingFields());
        return a;
    }

    /** @return the account id, or null when the row's id could not be read */
    public String getAccountId() {
        return accountId;
    }

    /** @param accountId the account id */
    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    /** @return {@code FIT}, {@code EXCLUDED}, {@code DISQUALIFIED}, {@code INSUFFICIENT_DATA} or {@code ERROR} */
    public String getDecision() {
        return decision;
    }

    /** @param decision the decision's name */
    public void setDecision(String decision) {
        this.decision = decision;
    }

    /** @return the tier, null on error rows */
    public String getTier() {
        return tier;
    }

    /** @param tier the tier */
    public void setTier(String tier) {
        this.tier = tier;
    }

    /** @return the score 0-100 with one decimal place, null on error rows */
    public BigDecimal getScore() {
        return score;
    }

    /** @param score the score */
    public void setScore(BigDecimal score) {
        this.score = score;
    }

    /** @return the ruleset's name, null on error rows */
    public String getRuleset() {
        return ruleset;
    }

    /** @param ruleset the ruleset's name */
    public void setRuleset(String ruleset) {
        this.ruleset = ruleset;
    }

    /** @return the ruleset's version, null on error rows */
    public String getRulesetVersion() {
        return rulesetVersion;
    }

    /** @param rulesetVersion the ruleset's version */
    public void setRulesetVersion(String rulesetVersion) {
        this.rulesetVersion = rulesetVersion;
    }

    /** @return the ruleset's full content hash, null on error rows */
    public String getRulesetHash() {
        return rulesetHash;
    }

    /** @param rulesetHash the ruleset's content hash */
    public void setRulesetHash(String rulesetHash) {
        this.rulesetHash = rulesetHash;
    }

    /** @return the evaluation date, null on error rows */
    public LocalDate getAsOf() {
        return asOf;
    }

    /** @param asOf the evaluation date */
    public void setAsOf(LocalDate asOf) {
        this.asOf = asOf;
    }

    /** @return every ledger line in ledger order, null on error rows */
    public List<LedgerEntry> getLedger() {
        return ledger;
    }

    /** @param ledger the ledger lines */
    public void setLedger(List<LedgerEntry> ledger) {
        this.ledger = ledger;
    }

    /** @return the ledger as the command line's CSV writes it ({@code Rule +18.0; Other +7.6}), null on error rows */
    public String getLedgerText() {
        return ledgerText;
    }

    /** @param ledgerText the readable ledger */
    public void setLedgerText(String ledgerText) {
        this.ledgerText = ledgerText;
    }

    /** @return the unmet hard filters as {@code rule: reason; ...}, null on error rows */
    public String getUnmetHardFilters() {
        return unmetHardFilters;
    }

    /** @param unmetHardFilters the unmet hard filters */
    public void setUnmetHardFilters(String unmetHardFilters) {
        this.unmetHardFilters = unmetHardFilters;
    }

    /** @return the disqualifiers that fired as {@code rule: reason; ...}, null on error rows */
    public String getDisqualifiers() {
        return disqualifiers;
    }

    /** @param disqualifiers the disqualifiers that fired */
    public void setDisqualifiers(String disqualifiers) {
        this.disqualifiers = disqualifiers;
    }

    /** @return the required fields that were unknown, joined with {@code "; "}, null on error rows */
    public String getMissingFields() {
        return missingFields;
    }

    /** @param missingFields the missing required fields */
    public void setMissingFields(String missingFields) {
        this.missingFields = missingFields;
    }

    /** @return why the row could not be scored, null when it was */
    public String getError() {
        return error;
    }

    /** @param error why the row could not be scored */
    public void setError(String error) {
        this.error = error;
    }
}

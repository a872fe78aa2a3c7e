package io.icprules.evidence;

import io.icprules.engine.FitEngine;
import io.icprules.error.EvaluationException;
import io.icprules.io.AccountRecord;
import io.icprules.io.OrphanRows;
import io.icprules.result.Decision;
import io.icprules.result.FitResult;
import io.icprules.result.RuleNote;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Audits open pipeline against the profile: scores each open deal's account as of one date and
 * reports the deals whose account is now {@code DISQUALIFIED} or {@code EXCLUDED}, by the rule that
 * flags them, with the amount at stake ({@link AuditReport}). With account snapshots
 * ({@link AccountBook}), each account is taken as its snapshot valid on that date.
 */
public final class Audit {

    private Audit() {
    }

    /**
     * Runs the audit.
     *
     * @param engine   the profile, never null
     * @param accounts the accounts with their events and contacts, never null
     * @param pipeline the pipeline file's records, never null
     * @param asOf     the evaluation date, never null
     * @return the report
     */
    public static AuditReport run(FitEngine engine, AccountBook accounts, List<PipelineRecord> pipeline, LocalDate asOf) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(asOf, "asOf");
        List<Checked> checked = pipeline.parallelStream().map(p -> check(engine, accounts, p, asOf)).toList();

        Map<String, List<AuditDeal>> byRule = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        List<AuditDeal> insufficient = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        long flagged = 0;
        long withoutAmount = 0;
        BigDecimal atStake = BigDecimal.ZERO;
        for (Checked c : checked) {
            if (c.error() != null) {
                errors.add(c.error());
                continue;
            }
            FitResult r = c.result();
            PipelineDeal d = c.record().deal();
            if (r.decision() == Decision.INSUFFICIENT_DATA) {
                insufficient.add(item(c, "missing: " + String.join(", ", r.missingFields())));
                continue;
            }
            if (r.decision() != Decision.DISQUALIFIED && r.decision() != Decision.EXCLUDED) {
                continue;
            }
            flagged++;
            if (d.amount() == null) {
                withoutAmount++;
            } else {
                atStake = atStake.add(d.amount());
            }
            for (RuleNote n : r.disqualifiers()) {
                kinds.putIfAbsent(n.rule(), AuditGroup.DISQUALIFIER);
                byRule.computeIfAbsent(n.rule(), k -> new ArrayList<>()).add(item(c, n.reason()));
            }
            for (RuleNote n : r.unmetHardFilters()) {
                kinds.putIfAbsent(n.rule(), AuditGroup.UNMET_HARD_FILTER);
                byRule.computeIfAbsent(n.rule(), k -> new ArrayList<>()).add(item(c, "not met: " + n.reason()));
            }
        }
        Comparator<AuditDeal> largestFirst = Comparator.comparing((AuditDeal a) -> a.amount() == null)
                .thenComparing(a -> a.amount() == null ? BigDecimal.ZERO : a.amount(), Comparator.reverseOrder())
                .thenComparingLong(AuditDeal::line);
        List<AuditGroup> groups = new ArrayList<>();
        byRule.forEach((rule, items) -> {
            List<AuditDeal> sorted = items.stream().sorted(largestFirst).toList();
            BigDecimal amount = sorted.stream().map(AuditDeal::amount).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            groups.add(new AuditGroup(rule, kinds.get(rule), sorted.size(), amount, sorted));
        });
        groups.sort(Comparator.comparing(AuditGroup::amount, Comparator.reverseOrder())
                .thenComparing(AuditGroup::deals, Comparator.reverseOrder()).thenComparing(AuditGroup::rule));
        List<String> warnings = new ArrayList<>(accounts.orphans().stream().map(OrphanRows::describe).toList());
        accounts.rowsLeftOutWarning().ifPresent(warnings::add);
        return new AuditReport(RulesetRef.of(engine.ruleset()), asOf.toString(), pipeline.size(),
                checked.size() - errors.size(), flagged, atStake, withoutAmount, groups, insufficient, errors, warnings);
    }

    /** One pipeline row with the account's result now, or why there is none. */
    private record Checked(PipelineRecord record, FitResult result, RecordError error) {
    }

    private static Checked check(FitEngine engine, AccountBook accounts, PipelineRecord p, LocalDate asOf) {
        if (p.isError()) {
            return new Checked(p, null, new RecordError(p.line(), p.accountId(), dealPrefix(p) + p.error()));
        }
        Optional<LocalDate> first = accounts.firstSnapshot(p.accountId());
        if (first.isPresent() && asOf.isBefore(first.get())) {
            return new Checked(p, null, new RecordError(p.line(), p.accountId(), dealPrefix(p) + "the earliest "
                    + "snapshot of account " + p.accountId() + " in " + accounts.fileName() + " is valid from "
                    + first.get() + ", after " + asOf));
        }
        Optional<AccountRecord> account = accounts.find(p.accountId(), asOf);
        if (account.isEmpty()) {
            return new Checked(p, null, new RecordError(p.line(), p.accountId(),
                    dealPrefix(p) + "account " + p.accountId() + " is not in " + accounts.fileName()));
        }
        if (account.get().isError()) {
            return new Checked(p, null, new RecordError(p.line(), p.accountId(), dealPrefix(p)
                    + "the account's row in " + accounts.fileName() + " is unusable: " + account.get().describe()));
        }
        try {
            return new Checked(p, engine.evaluate(account.get().facts(), asOf), null);
        } catch (EvaluationException e) {
            return new Checked(p, null, new RecordError(p.line(), p.accountId(),
                    dealPrefix(p) + "evaluation failed: " + e.getMessage()));
        }
    }

    private static String dealPrefix(PipelineRecord p) {
        return p.dealId() == null ? "" : "deal " + p.dealId() + ": ";
    }

    private static AuditDeal item(Checked c, String reason) {
        PipelineDeal d = c.record().deal();
        return new AuditDeal(c.record().line(), d.dealId(), d.accountId(), d.stage(), d.amount(),
                c.result().decision().name(), c.result().score(), reason);
    }
}

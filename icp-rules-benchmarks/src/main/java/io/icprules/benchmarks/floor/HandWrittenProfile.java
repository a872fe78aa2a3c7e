package io.icprules.benchmarks.floor;

import io.icprules.benchmarks.profile.AccountEvaluator;
import io.icprules.benchmarks.profile.ReferenceProfile;
import io.icprules.engine.RulesetSource;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;
import io.icprules.result.Decision;
import io.icprules.result.FitResult;
import io.icprules.result.LedgerLine;
import io.icprules.result.RuleKind;
import io.icprules.result.RuleNote;
import io.icprules.result.RulesetInfo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reference profile written by hand in plain Java: the floor of the benchmarks, what the
 * profile's logic costs with no rule engine at all.
 *
 * <p>Every condition, point value, reason, band, cap and decay of the rule files in
 * {@code reference-ruleset/} is written out here, and the result is built with the same public
 * {@link FitResult} builder the engine uses, so the output costs the same. A test checks that it
 * returns results equal to the engine's over thousands of generated accounts; change both together.
 * Immutable and thread-safe.
 */
public final class HandWrittenProfile implements AccountEvaluator {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(1, RoundingMode.UNNECESSARY);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100).setScale(1, RoundingMode.UNNECESSARY);

    private static final Set<String> SERVED_VERTICALS = Set.of("retail", "restaurants", "grocery", "software",
            "manufacturing", "logistics", "healthcare", "professional_services");
    private static final Set<String> SERVED_COUNTRIES = Set.of("US", "CA", "GB", "IE", "DE", "FR", "NL", "AU", "SE",
            "ES", "IT");
    private static final Set<String> STOREFRONT = Set.of("retail", "restaurants", "grocery");
    private static final Set<String> LEADERS = Set.of("c_level", "vp", "director");
    private static final Set<String> IT_DIRECTORS = Set.of("director", "vp", "c_level");
    private static final Set<String> GROWTH_ROUNDS = Set.of("Series B", "Series C", "Series D");

    /** The caps of the manifest, in the order the scorer applies them (by group name). */
    private static final String[] CAP_GROUPS = {"committee", "intent", "stack", "timing"};
    private static final BigDecimal[] CAPS = {points(18), points(6), points(20), points(12)};

    private final RulesetInfo ruleset;

    /**
     * @param ruleset the identity stamped on every result, normally that of the reference ruleset, so
     *                that results compare equal to the engine's; never null
     */
    public HandWrittenProfile(RulesetInfo ruleset) {
        this.ruleset = Objects.requireNonNull(ruleset, "ruleset");
    }

    /** @return the floor, stamping results with the identity of the reference ruleset */
    public static HandWrittenProfile forReference() {
        RulesetSource source = ReferenceProfile.source();
        return new HandWrittenProfile(RulesetInfo.of("reference", "1.0.0", source.contentHash()));
    }

    @Override
    public FitResult evaluate(AccountFacts facts, LocalDate asOf) {
        Account a = facts.account();
        // Point in time, as the engine does: an event after the evaluation date had not happened yet.
        List<Event> events = new ArrayList<>(facts.events().size());
        for (Event e : facts.events()) {
            if (!e.getDate().isAfter(asOf)) {
                events.add(e);
            }
        }
        List<Contact> contacts = facts.contacts();
        Set<String> tech = a.getTechnologies();
        Map<String, Object> attrs = a.getAttributes();
        Integer employees = a.getEmployees();
        Long revenue = a.getAnnualRevenue();
        Object locations = attrs.get("locations");
        Object hourlyShare = attrs.get("hourly_share");
        Object posCategory = attrs.get("pos_category");

        Ledger l = new Ledger();

        // ---- disqualifiers.drl
        if (tech.contains("CompetitorX")) {
            l.disqualifier("Customer of CompetitorX", "Runs CompetitorX under a multi-year contract");
        }
        if (tech.contains("CompetitorY") && !hasDisplacementFrom(events, "CompetitorY")) {
            l.disqualifier("Customer of CompetitorY, not leaving", "Runs CompetitorY and shows no sign of leaving it");
        }
        if ("nonprofit".equals(a.getOwnership())) {
            l.disqualifier("Nonprofit", "Nonprofits buy through grants we cannot serve (ownership: "
                    + text(a.getOwnership()) + ")");
        }
        if ("public".equals(a.getOwnership())) {
            l.disqualifier("Public company", "Public-company procurement outlasts our sales cycle");
        }
        if (tech.contains("On-prem servers") && !tech.contains("AWS") && !tech.contains("Azure")
                && !tech.contains("Google Cloud")) {
            l.disqualifier("On-premises only", "Runs on-premises servers and no cloud");
        }
        if (freshest(events, asOf, "merger", 0, 90) != null) {
            l.disqualifier("Merger in progress", "Merger announced in the last 90 days: budgets are frozen");
        }

        // ---- filters.drl
        l.hard("Served vertical", a.getIndustry() != null && SERVED_VERTICALS.contains(a.getIndustry()),
                "Storefront, software, manufacturing, logistics, healthcare or services (industry: "
                        + text(a.getIndustry()) + ")");
        l.hard("20-5000 employees", employees != null && employees >= 20 && employees <= 5000,
                "20-5000 employees (has " + text(employees) + ")");
        l.hard("Served country", a.getCountry() != null && SERVED_COUNTRIES.contains(a.getCountry()),
                "A country we sell and support in (country: " + text(a.getCountry()) + ")");
        l.hard("Revenue of 1M or more", revenue != null && revenue >= 1_000_000,
                "Annual revenue of 1,000,000 or more (has " + text(revenue) + ")");

        // ---- signals.drl
        if (a.getIndustry() != null && STOREFRONT.contains(a.getIndustry())) {
            l.soft("Storefront vertical", 10, "Industry " + a.getIndustry() + " runs on shifts and tills", null);
        }
        if ("software".equals(a.getIndustry()) || "logistics".equals(a.getIndustry())) {
            l.soft("Software or logistics", 4, "Industry " + a.getIndustry() + " resells or integrates us", null);
        }
        if (employees != null && employees >= 200 && employees <= 1000) {
            l.soft("200-1000 employees", 15, employees + " employees: the core of the market", null);
        } else if (employees != null && employees >= 200) {
            l.soft("200+ employees", 10, employees + " employees", null);
        } else if (employees != null && employees >= 50) {
            l.soft("50+ employees", 6, employees + " employees", null);
        }
        if (revenue != null && revenue >= 50_000_000) {
            l.soft("Revenue 50M+", 9, "Annual revenue " + revenue, null);
        } else if (revenue != null && revenue >= 10_000_000) {
            l.soft("Revenue 10M+", 5, "Annual revenue " + revenue, null);
        }
        if (atLeast(locations, 10) && atMost(locations, 40)) {
            l.soft("Chain of 10-40 locations", 14, text(locations) + " locations: the expansion sweet spot", null);
        } else if (atLeast(locations, 5)) {
            l.soft("5+ locations", 8, text(locations) + " locations", null);
        } else if (atLeast(locations, 2)) {
            l.soft("2+ locations", 4, text(locations) + " locations", null);
        }
        if (atLeast(hourlyShare, 0.8)) {
            l.soft("Hourly share 80%+", 9, text(hourlyShare) + " of staff paid hourly", null);
        } else if (atLeast(hourlyShare, 0.6)) {
            l.soft("Hourly share 60%+", 5, text(hourlyShare) + " of staff paid hourly", null);
        }
        String stage = a.getFundingStage();
        if ("series_b".equals(stage) || "series_c".equals(stage)) {
            l.soft("Growth-stage funding", 6, "Funding stage " + stage, null);
        }
        if ("pe_backed".equals(stage)) {
            l.soft("PE-backed", 4, "Private-equity owners push for margin", null);
        }
        if ("NA".equals(a.getRegion())) {
            l.soft("North America", 3, "Region NA: our largest partner network", null);
        }
        if (a.getFoundedYear() != null && a.getFoundedYear() >= 2016) {
            l.soft("Young company", 3, "Founded in " + a.getFoundedYear(), null);
        }
        if (attrs.get("last_activity") != null) {
            l.soft("Recently active", 2, "CRM activity on " + text(attrs.get("last_activity")), null);
        }
        if ("cloud".equals(posCategory)) {
            l.soft("Cloud POS", 10, "POS category: cloud", "stack");
        }
        if (tech.contains("Toast") || tech.contains("Square") || tech.contains("Lightspeed") || tech.contains("Clover")) {
            l.soft("POS with a native integration", 8, "Runs a POS we integrate with natively", "stack");
        }
        if (tech.contains("AWS") || tech.contains("Azure") || tech.contains("Google Cloud")) {
            l.soft("Public cloud", 5, "Runs on a public cloud", "stack");
        }
        if (tech.contains("Salesforce")) {
            l.soft("Salesforce CRM", 6, "Salesforce: our CRM connector is live", "stack");
        }
        if (tech.contains("HubSpot") || tech.contains("Marketo") || tech.contains("Pardot")) {
            l.soft("Marketing automation", 5, "Runs a marketing automation platform", "stack");
        }
        if (tech.contains("Zendesk") || tech.contains("Intercom")) {
            l.soft("Help desk in place", 2, "Runs a help desk", null);
        }
        if ("on_prem".equals(posCategory)) {
            l.soft("On-premises POS", -6, "POS category: on_prem", null);
        }
        if (employees != null && employees > 3000) {
            l.soft("Very large enterprise", -8, employees + " employees: enterprise buying process", null);
        }
        boolean economicBuyer = false;
        boolean champion = false;
        boolean opsLeader = false;
        boolean chief = false;
        boolean itContact = false;
        boolean itDirector = false;
        for (Contact c : contacts) {
            economicBuyer |= "economic_buyer".equals(c.getRole());
            champion |= "champion".equals(c.getRole());
            opsLeader |= "operations".equals(c.getDepartment()) && c.getSeniority() != null
                    && LEADERS.contains(c.getSeniority());
            chief |= "c_level".equals(c.getSeniority());
            boolean it = "it".equals(c.getDepartment());
            itContact |= it;
            itDirector |= it && c.getSeniority() != null && IT_DIRECTORS.contains(c.getSeniority());
        }
        if (economicBuyer) {
            l.soft("Economic buyer known", 8, "Economic buyer identified", "committee");
        }
        if (champion) {
            l.soft("Champion known", 8, "Champion identified", "committee");
        }
        if (opsLeader) {
            l.soft("Operations leader", 6, "Operations leader (director or above) identified", "committee");
        }
        if (chief) {
            l.soft("Chief executive in contact", 4, "Chief executive in contact", "committee");
        }
        if (itContact) {
            l.soft("IT contact", 2, "Someone in IT to run the rollout", null);
        }
        if (Boolean.FALSE.equals(attrs.get("has_it_director")) && !itDirector) {
            l.soft("No IT director", 5, "No IT director: we run the rollout for them", null);
        }

        // ---- triggers.drl
        Event e = freshest(events, asOf, "funding_round", 0, 180);
        if (e != null) {
            l.trigger("Funding round", 12, 60, e, asOf, "timing",
                    e.getType() + " " + daysAgo(e, asOf) + " days ago (" + e.getDate() + ")");
        }
        e = null;
        for (Event x : events) {
            if (x.getType().equals("funding_round") && GROWTH_ROUNDS.contains(x.getDetails().get("round"))
                    && daysAgo(x, asOf) <= 365 && (e == null || x.getDate().isAfter(e.getDate()))) {
                e = x;
            }
        }
        if (e != null) {
            l.trigger("Series B or later", 6, 90, e, asOf, "timing", "Raised a growth round on " + e.getDate());
        }
        e = null;
        for (Event x : events) {
            String title = x.getDetails().get("title");
            if (x.getType().equals("exec_hire") && ("VP Operations".equals(title) || "Chief Revenue Officer".equals(title))
                    && daysAgo(x, asOf) <= 120 && (e == null || x.getDate().isAfter(e.getDate()))) {
                e = x;
            }
        }
        if (e != null) {
            l.trigger("New revenue or operations leader", 10, 45, e, asOf, null,
                    "New leader hired " + daysAgo(e, asOf) + " days ago");
        }
        e = null;
        for (Event x : events) {
            if (x.getType().equals("exec_hire") && "CFO".equals(x.getDetails().get("title")) && daysAgo(x, asOf) <= 90
                    && (e == null || x.getDate().isAfter(e.getDate()))) {
                e = x;
            }
        }
        if (e != null) {
            l.trigger("New CFO", 5, 42, e, asOf, null, "New CFO " + daysAgo(e, asOf) + " days ago");
        }
        e = null;
        for (Event x : events) {
            String regulation = x.getDetails().get("regulation");
            if (x.getType().equals("regulatory_change")
                    && ("PCI DSS 4.0".equals(regulation) || "Predictive scheduling law".equals(regulation))
                    && daysAgo(x, asOf) <= 120 && (e == null || x.getDate().isAfter(e.getDate()))) {
                e = x;
            }
        }
        if (e != null) {
            l.trigger("Compliance deadline", 8, 0, e, asOf, null, "Regulation changed on " + e.getDate());
        }
        e = freshest(events, asOf, "competitor_displacement", 0, 180);
        if (e != null) {
            l.trigger("Left a competitor", 10, 60, e, asOf, "timing",
                    "Displaced a competitor " + daysAgo(e, asOf) + " days ago");
        }
        e = freshest(events, asOf, "product_launch", 0, 90);
        if (e != null) {
            l.trigger("Product launch", 4, 30, e, asOf, null, "Launched something " + daysAgo(e, asOf) + " days ago");
        }
        e = freshest(events, asOf, "merger", 91, 365);
        if (e != null) {
            l.trigger("Post-merger consolidation", 6, 120, e, asOf, null,
                    "Merged " + daysAgo(e, asOf) + " days ago: stacks get consolidated");
        }
        for (Event x : events) { // @perEvent: every matching event counts
            if (x.getType().equals("intent_surge") && daysAgo(x, asOf) <= 120) {
                l.trigger("Intent surge", 8, 30, x, asOf, "intent", "Intent surge on " + x.getDate());
            }
        }

        return l.result(a, asOf);
    }

    private static boolean hasDisplacementFrom(List<Event> events, String competitor) {
        for (Event e : events) {
            if (e.getType().equals("competitor_displacement") && competitor.equals(e.getDetails().get("from"))) {
                return true;
            }
        }
        return false;
    }

    /** The newest event of a type aged within [minDays, maxDays]; on equal dates the first one. */
    private static Event freshest(List<Event> events, LocalDate asOf, String type, long minDays, long maxDays) {
        Event best = null;
        for (Event e : events) {
            if (e.getType().equals(type)) {
                long age = daysAgo(e, asOf);
                if (age >= minDays && age <= maxDays && (best == null || e.getDate().isAfter(best.getDate()))) {
                    best = e;
                }
            }
        }
        return best;
    }

    private static long daysAgo(Event e, LocalDate asOf) {
        return ChronoUnit.DAYS.between(e.getDate(), asOf);
    }

    private static boolean atLeast(Object value, double min) {
        return value instanceof Number && ((Number) value).doubleValue() >= min;
    }

    private static boolean atMost(Object value, double max) {
        return value instanceof Number && ((Number) value).doubleValue() <= max;
    }

    /** A field value as a reason prints it: {@code unknown} when absent, whole decimals without {@code .0}. */
    private static String text(Object v) {
        if (v == null) {
            return "unknown";
        }
        if (v instanceof Double) {
            double d = (Double) v;
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        return v.toString();
    }

    private static BigDecimal points(double p) {
        return BigDecimal.valueOf(p).setScale(1, RoundingMode.HALF_UP);
    }

    /** The lines of one result, collected in ruleset order. */
    private final class Ledger {
        private final List<LedgerLine> lines = new ArrayList<>(16);
        private final List<RuleNote> disqualifiers = new ArrayList<>(1);
        private final List<RuleNote> unmet = new ArrayList<>(2);

        void disqualifier(String rule, String reason) {
            disqualifiers.add(RuleNote.of(rule, reason));
            lines.add(LedgerLine.of(rule, RuleKind.DISQUALIFIER, ZERO, ZERO, reason, null));
        }

        void hard(String rule, boolean met, String reason) {
            if (met) {
                lines.add(LedgerLine.of(rule, RuleKind.HARD, ZERO, ZERO, reason, null));
            } else {
                unmet.add(RuleNote.of(rule, reason));
            }
        }

        void soft(String rule, double points, String reason, String group) {
            BigDecimal p = points(points);
            lines.add(LedgerLine.of(rule, RuleKind.SOFT, p, p, reason, group));
        }

        /** A trigger line; {@code halfLifeDays} 0 means no decay. */
        void trigger(String rule, double points, double halfLifeDays, Event e, LocalDate asOf, String group,
                     String reason) {
            BigDecimal declared = points(points);
            long age = daysAgo(e, asOf);
            BigDecimal p = declared;
            if (halfLifeDays > 0 && age > 0) {
                // StrictMath, as the scorer: the same bits on every platform.
                p = BigDecimal.valueOf(declared.doubleValue() * StrictMath.pow(0.5, age / halfLifeDays))
                        .setScale(1, RoundingMode.HALF_UP);
            }
            lines.add(LedgerLine.trigger(rule, p, declared, reason, group, e.getType(), e.getDate()));
        }

        FitResult result(Account a, LocalDate asOf) {
            FitResult.Builder r = FitResult.builder().accountId(a.getId()).ruleset(ruleset).asOf(asOf);
            int ruleLines = lines.size();
            for (int g = 0; g < CAP_GROUPS.length; g++) {
                BigDecimal total = ZERO;
                for (int i = 0; i < ruleLines; i++) {
                    LedgerLine line = lines.get(i);
                    if (line.group().isPresent() && line.group().get().equals(CAP_GROUPS[g])) {
                        total = total.add(line.points());
                    }
                }
                if (total.compareTo(CAPS[g]) > 0) {
                    lines.add(LedgerLine.adjustment("cap: " + CAP_GROUPS[g], CAPS[g].subtract(total),
                            "Group " + CAP_GROUPS[g] + " is capped at " + CAPS[g].stripTrailingZeros().toPlainString()
                                    + " points (its signals totalled " + total.toPlainString() + ")"));
                }
            }
            BigDecimal total = ZERO;
            for (LedgerLine line : lines) {
                total = total.add(line.points());
            }
            if (total.compareTo(HUNDRED) > 0) {
                lines.add(LedgerLine.adjustment("clamp", HUNDRED.subtract(total),
                        "Score capped at 100 (rules totalled " + total.toPlainString() + ")"));
                total = HUNDRED;
            } else if (total.signum() < 0) {
                lines.add(LedgerLine.adjustment("clamp", total.negate(),
                        "Score floored at 0 (rules totalled " + total.toPlainString() + ")"));
                total = ZERO;
            }
            lines.forEach(r::addLine);
            r.tier(total.compareTo(BigDecimal.valueOf(80)) >= 0 ? "A" : total.compareTo(BigDecimal.valueOf(60)) >= 0 ? "B"
                    : total.compareTo(BigDecimal.valueOf(40)) >= 0 ? "C" : "D");
            boolean missing = false;
            if (a.getIndustry() == null) {
                r.addMissingField("industry");
                missing = true;
            }
            if (a.getEmployees() == null) {
                r.addMissingField("employees");
                missing = true;
            }
            if (a.getCountry() == null) {
                r.addMissingField("country");
                missing = true;
            }
            unmet.forEach(r::addUnmetHardFilter);
            disqualifiers.forEach(r::addDisqualifier);
            return r.decision(!disqualifiers.isEmpty() ? Decision.DISQUALIFIED
                    : missing ? Decision.INSUFFICIENT_DATA
                    : !unmet.isEmpty() ? Decision.EXCLUDED
                    : Decision.FIT).build();
        }
    }
}

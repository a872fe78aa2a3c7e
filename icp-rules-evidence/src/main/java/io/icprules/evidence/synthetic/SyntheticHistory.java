package io.icprules.evidence.synthetic;

import io.icprules.engine.FitEngine;
import io.icprules.evidence.Deal;
import io.icprules.evidence.DealOutcome;
import io.icprules.evidence.OutcomesWriter;
import io.icprules.evidence.PipelineDeal;
import io.icprules.evidence.PipelineWriter;
import io.icprules.io.AccountCsvWriter;
import io.icprules.io.synthetic.SplitMix;
import io.icprules.io.synthetic.SyntheticAccounts;
import io.icprules.io.synthetic.Weighted;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Event;
import io.icprules.result.Decision;
import io.icprules.result.FitResult;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A deterministic synthetic sales history, for trying the backtest, the comparison and the audit
 * on data whose answer is known: accounts (with events and contacts), one deal per account, and the
 * open deals as a pipeline.
 *
 * <p><b>Who enters the pipeline.</b> Accounts come from {@link SyntheticAccounts} (same seed and
 * anchor), in order; sales works the likely ones, so a shop, restaurant or grocer with 50-500
 * employees always enters, any other shop, restaurant or grocer with probability 0.4 and any other
 * company with probability 0.08. Shops, restaurants and grocers get the facts a workforce-scheduling
 * profile reads ({@link #HISTORY_ATTRIBUTES}: how the rota is kept today, staff turnover, union,
 * months left on a competitor contract, a franchisor-mandated stack) and, with probability 0.3
 * and 0.2, a {@code location_opening} and an operations {@code exec_hire} event, dated mostly in
 * the months before the account entered the pipeline and sometimes after it.
 *
 * <p><b>When.</b> Each account enters the pipeline 30 to 659 days before the anchor date (uniform).
 *
 * <p><b>How the deal goes: the planted effect.</b> The given ruleset scores the account as of its
 * entry date, score {@code s} (0-100). The deal is won with probability
 * {@code P(win) = }{@value #WIN_BASE}{@code  + }{@value #WIN_PER_FIT_SCORE}{@code  × s/100} when the
 * decision is {@code FIT}, and {@value #WIN_BASE} otherwise. So the profile's own signals, and only
 * they, predict winning: in-ICP deals win more often, and the better the score the more often. Sales
 * cycles are log-normal with median {@code 90 - 0.4·s} days for fits and 100 days for the rest; a
 * deal whose cycle would end after the anchor is still {@code open}. The contract value is the
 * scheduled (hourly) staff times 72 a year, log-normal noise around it. A win that closed at least a
 * year before the anchor is {@code retained_12m} with probability {@code 0.70 + 0.25·s/100} for fits
 * and 0.55 for the rest, otherwise it is {@code churned}; retained customers expand by a uniform
 * share of their contract, up to {@code 0.1 + 0.4·s/100} for fits and 0.1 for the rest. About 3% of
 * amounts and of cycle lengths are left unknown, as in a real CRM export.
 *
 * <p><b>Planted drift.</b> With a drift {@code d} (0 to 1, 0 unless asked for), the profile's edge
 * fades over the history: a fit's win probability is {@code }{@value #WIN_BASE}{@code  + }{@value
 * #WIN_PER_FIT_SCORE}{@code  × s/100 × (1 - d·t)}, where {@code t} runs from 0 for a deal that entered
 * the pipeline on the first possible day (659 days before the anchor) to 1 on the last (30 days
 * before). With {@code d = 1} in-ICP deals win no more often than the others at the end; with
 * {@code d = 0} the history is the one without drift, file for file.
 *
 * <p><b>A signal the profile misses</b> ({@link Signal}, optional): deals whose account uses a given
 * technology have their win probability multiplied by a given lift (at most 0.95), so that
 * {@code icp discover} has something no rule covers to find.
 *
 * <p>The same ruleset, count, seed, anchor, drift and signal give the same history and byte-identical files.
 */
public final class SyntheticHistory {

    /** The win probability of an out-of-ICP deal, and the floor of an in-ICP one. */
    public static final double WIN_BASE = 0.10;
    /** How much a fit's score adds to its win probability: this times score/100. */
    public static final double WIN_PER_FIT_SCORE = 0.40;

    /** The earliest day a deal enters the pipeline, in days before the anchor. */
    public static final int FIRST_ENTRY_DAYS = 659;
    /** The latest day a deal enters the pipeline, in days before the anchor. */
    public static final int LAST_ENTRY_DAYS = 30;

    /** The custom attributes added to shops, restaurants and grocers. */
    public static final List<String> HISTORY_ATTRIBUTES = List.of("competitor_contract_months_left",
            "franchisor_mandated_tools", "scheduling_tool", "staff_turnover", "unionized");

    /** The stages open deals are given in the pipeline file. */
    public static final List<String> STAGES = List.of("discovery", "demo", "proposal", "negotiation");

    private static final long SALT = 0x5DEECE66DL;
    private static final Weighted<String> ROTA = new Weighted<String>()
            .add("spreadsheet", 35).add("paper", 10).add("competitor", 30).add("in_house", 25);
    private static final List<String> PAYROLL = List.of("ADP", "Gusto", "Paychex");

    private SyntheticHistory() {
    }

    /**
     * One deal of the history, with what the generator knew when it drew the outcome.
     *
     * @param facts          the account with its events and contacts
     * @param deal           the deal as the outcomes file has it
     * @param stage          the sales stage of an open deal, or null for a closed one
     * @param fitThen        the account's fit as of its entry date, by the ruleset given
     * @param winProbability the probability the deal was given of being won
     */
    public record HistoryDeal(AccountFacts facts, Deal deal, String stage, FitResult fitThen, double winProbability) {
    }

    /**
     * An effect planted on something the profile does not score: deals whose account uses the
     * technology are won with {@code lift} times the probability they would have had, at most 0.95.
     *
     * @param technology the technology, such as {@code Stripe}, never null
     * @param lift       the factor on the win probability, above 0
     */
    public record Signal(String technology, double lift) {
        /**
         * Checks the parts.
         *
         * @param technology the technology
         * @param lift       the factor
         * @throws IllegalArgumentException when the lift is not above 0
         */
        public Signal {
            Objects.requireNonNull(technology, "technology");
            if (!(lift > 0)) {
                throw new IllegalArgumentException("the lift must be above 0, was " + lift);
            }
        }

        double apply(Account account, double pWin) {
            return account.getTechnologies().contains(technology) ? Math.min(0.95, pWin * lift) : pWin;
        }
    }

    /**
     * What {@link #write} wrote.
     *
     * @param accounts  accounts written (one deal each)
     * @param openDeals deals still open, also written to the pipeline file
     * @param files     the files, in order: accounts, events, contacts, outcomes, pipeline
     */
    public record Written(long accounts, long openDeals, List<Path> files) {
        /**
         * Copies the list.
         *
         * @param accounts  accounts written
         * @param openDeals open deals
         * @param files     the files, never null
         */
        public Written {
            files = List.copyOf(files);
        }
    }

    /**
     * Generates a history.
     *
     * @param engine the ruleset that decides the planted effect, never null
     * @param deals  how many deals (and accounts), 0 or more
     * @param seed   the seed
     * @param anchor the "today" of the history: nothing happens after it; never null
     * @return the deals in order, ids {@code D-000001} upwards
     */
    public static List<HistoryDeal> generate(FitEngine engine, int deals, long seed, LocalDate anchor) {
        return generate(engine, deals, seed, anchor, 0, null);
    }

    /**
     * Generates a history in which the profile's edge fades over time (see the class comment).
     *
     * @param engine the ruleset that decides the planted effect, never null
     * @param deals  how many deals (and accounts), 0 or more
     * @param seed   the seed
     * @param anchor the "today" of the history: nothing happens after it; never null
     * @param drift  how much of a fit's edge is gone by the end of the history, 0 (none) to 1 (all)
     * @return the deals in order, ids {@code D-000001} upwards
     * @throws IllegalArgumentException when {@code deals} is negative or {@code drift} is outside 0..1
     */
    public static List<HistoryDeal> generate(FitEngine engine, int deals, long seed, LocalDate anchor, double drift) {
        return generate(engine, deals, seed, anchor, drift, null);
    }

    /**
     * Generates a history with a signal the profile misses.
     *
     * @param engine the ruleset that decides the planted effect, never null
     * @param deals  how many deals (and accounts), 0 or more
     * @param seed   the seed
     * @param anchor the "today" of the history, never null
     * @param signal the effect planted on a technology, or null for none
     * @return the deals in order, ids {@code D-000001} upwards
     */
    public static List<HistoryDeal> generate(FitEngine engine, int deals, long seed, LocalDate anchor, Signal signal) {
        return generate(engine, deals, seed, anchor, 0, signal);
    }

    /**
     * Generates a history with planted drift and a planted signal (see the class comment).
     *
     * @param engine the ruleset that decides the planted effect, never null
     * @param deals  how many deals (and accounts), 0 or more
     * @param seed   the seed
     * @param anchor the "today" of the history: nothing happens after it; never null
     * @param drift  how much of a fit's edge is gone by the end of the history, 0 (none) to 1 (all)
     * @param signal the effect planted on a technology, or null for none
     * @return the deals in order, ids {@code D-000001} upwards
     * @throws IllegalArgumentException when {@code deals} is negative or {@code drift} is outside 0..1
     */
    public static List<HistoryDeal> generate(FitEngine engine, int deals, long seed, LocalDate anchor, double drift,
                                             Signal signal) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(anchor, "anchor");
        if (deals < 0) {
            throw new IllegalArgumentException("deals must be 0 or more, was " + deals);
        }
        if (!(drift >= 0 && drift <= 1)) {
            throw new IllegalArgumentException("drift must be between 0 and 1, was " + drift);
        }
        List<HistoryDeal> out = new ArrayList<>(deals);
        for (long i = 0; out.size() < deals; i++) {
            SplitMix rnd = new SplitMix(new SplitMix(seed ^ SALT).nextLong() ^ (i * 0x9E3779B97F4A7C15L));
            AccountFacts base = SyntheticAccounts.account(i, seed, anchor);
            Account a = base.account();
            boolean storefront = isStorefront(a.getIndustry());
            Integer employees = a.getEmployees();
            boolean target = storefront && employees != null && employees >= 50 && employees <= 500;
            if (!target && !rnd.chance(storefront ? 0.4 : 0.08)) {
                continue;
            }
            LocalDate entered = anchor.minusDays(LAST_ENTRY_DAYS + rnd.nextInt(FIRST_ENTRY_DAYS - LAST_ENTRY_DAYS + 1));
            AccountFacts facts = storefront ? enrich(base, rnd, entered, anchor) : base;
            out.add(deal(engine, facts, rnd, entered, anchor, out.size() + 1, drift, signal));
        }
        return out;
    }

    private static boolean isStorefront(String industry) {
        return "retail".equals(industry) || "restaurants".equals(industry) || "grocery".equals(industry);
    }

    private static AccountFacts enrich(AccountFacts base, SplitMix rnd, LocalDate entered, LocalDate anchor) {
        Account.Builder a = base.account().toBuilder();
        String rota = ROTA.draw(rnd);
        a.attribute("scheduling_tool", rota);
        if (rota.equals("competitor")) {
            a.attribute("competitor_contract_months_left", (long) rnd.nextInt(36));
        }
        a.attribute("staff_turnover", Math.round((0.2 + 0.7 * rnd.nextDouble()) * 100) / 100.0);
        a.attribute("unionized", rnd.chance(0.1));
        if (rnd.chance(0.05)) {
            a.attribute("franchisor_mandated_tools", true);
        }
        if (rnd.chance(0.4)) {
            a.technology(rnd.pick(PAYROLL));
        }
        List<Event> events = new ArrayList<>(base.events());
        if (rnd.chance(0.3)) {
            event(events, anchor, Event.builder("location_opening", eventDate(rnd, entered))
                    .detail("city", rnd.pick(List.of("Austin", "Leeds", "Toronto", "Cork", "Denver", "Bristol"))));
        }
        if (rnd.chance(0.2)) {
            event(events, anchor, Event.builder("exec_hire", eventDate(rnd, entered))
                    .detail("function", "operations").detail("title", rnd.pick(List.of("VP Operations", "COO",
                            "Director of Store Operations"))));
        }
        return AccountFacts.of(a.build(), events, base.contacts());
    }

    /** Mostly in the four months before entry (a trigger that opened the deal), sometimes after it. */
    private static LocalDate eventDate(SplitMix rnd, LocalDate entered) {
        return rnd.chance(0.7) ? entered.minusDays(rnd.nextInt(120)) : entered.plusDays(1 + rnd.nextInt(150));
    }

    private static void event(List<Event> events, LocalDate anchor, Event.Builder e) {
        Event built = e.build();
        if (!built.getDate().isAfter(anchor)) { // nothing has happened after "today"
            events.add(built);
        }
    }

    private static HistoryDeal deal(FitEngine engine, AccountFacts facts, SplitMix rnd, LocalDate entered,
                                    LocalDate anchor, int number, double drift, Signal signal) {
        FitResult then = engine.evaluate(facts, entered);
        double s = then.score().doubleValue();
        boolean fit = then.decision() == Decision.FIT;
        // 0 on the first possible entry day, 1 on the last.
        double t = (double) (FIRST_ENTRY_DAYS - ChronoUnit.DAYS.between(entered, anchor))
                / (FIRST_ENTRY_DAYS - LAST_ENTRY_DAYS);
        double pWin = fit ? WIN_BASE + WIN_PER_FIT_SCORE * s / 100 * (1 - drift * t) : WIN_BASE;
        if (signal != null) {
            pWin = signal.apply(facts.account(), pWin);
        }
        // Draw every number in a fixed order, whatever the branch, so one deal's draws never shift another's.
        double cycleNoise = rnd.gaussian();
        double acvNoise = rnd.gaussian();
        boolean won = rnd.chance(pWin);
        double retainDraw = rnd.nextDouble();
        double expansionDraw = rnd.nextDouble();
        boolean amountUnknown = rnd.chance(0.03);
        boolean cycleUnknown = rnd.chance(0.03);
        String stage = rnd.pick(STAGES);

        int cycle = (int) Math.max(7, Math.round((fit ? 90 - 0.4 * s : 100) * StrictMath.exp(0.4 * cycleNoise)));
        LocalDate closed = entered.plusDays(cycle);
        BigDecimal acv = acv(facts.account(), acvNoise);
        String dealId = String.format(Locale.ROOT, "D-%06d", number);
        String accountId = facts.accountId();
        BigDecimal amount = amountUnknown ? null : acv;
        if (closed.isAfter(anchor)) {
            return new HistoryDeal(facts, new Deal(dealId, accountId, entered, DealOutcome.OPEN, null, amount, null,
                    null, null), stage, then, pWin);
        }
        Integer cycleDays = cycleUnknown ? null : cycle;
        if (!won) {
            return new HistoryDeal(facts, new Deal(dealId, accountId, entered, DealOutcome.LOST, closed, amount,
                    cycleDays, null, null), null, then, pWin);
        }
        if (closed.plusDays(365).isAfter(anchor)) { // too early to know whether the customer stays
            return new HistoryDeal(facts, new Deal(dealId, accountId, entered, DealOutcome.WON, closed, amount,
                    cycleDays, null, null), null, then, pWin);
        }
        boolean retained = retainDraw < (fit ? 0.70 + 0.25 * s / 100 : 0.55);
        BigDecimal expansion = retained
                ? acv.multiply(BigDecimal.valueOf(expansionDraw * (fit ? 0.1 + 0.4 * s / 100 : 0.1)))
                        .setScale(-2, RoundingMode.HALF_UP).setScale(0, RoundingMode.UNNECESSARY)
                : BigDecimal.ZERO;
        return new HistoryDeal(facts, new Deal(dealId, accountId, entered,
                retained ? DealOutcome.WON : DealOutcome.CHURNED, closed, amount, cycleDays, retained, expansion),
                null, then, pWin);
    }

    /** Scheduled (hourly) staff times 72 a year, with noise; at least 1,200, rounded to hundreds. */
    private static BigDecimal acv(Account a, double noise) {
        double staff = a.getEmployees() == null ? 80 : a.getEmployees();
        double hourly = a.getAttributes().get("hourly_share") instanceof Double d ? d : 0.6;
        double value = Math.max(1200, staff * hourly * 72 * StrictMath.exp(0.35 * noise));
        return BigDecimal.valueOf(value).setScale(-2, RoundingMode.HALF_UP).setScale(0, RoundingMode.UNNECESSARY);
    }

    /**
     * Writes a history into a folder: {@code accounts.csv}, {@code events.csv}, {@code contacts.csv}
     * (the layouts {@code icp score} reads), {@code outcomes.csv} and {@code pipeline.csv} (its open
     * deals). Existing files of those names are replaced.
     *
     * @param dir    the folder, created when missing; never null
     * @param engine the ruleset that decides the planted effect, never null
     * @param deals  how many deals (and accounts), 0 or more
     * @param seed   the seed
     * @param anchor the "today" of the history, never null
     * @return what was written
     * @throws IOException when a file cannot be written
     */
    public static Written write(Path dir, FitEngine engine, int deals, long seed, LocalDate anchor) throws IOException {
        return write(dir, engine, deals, seed, anchor, 0, null);
    }

    /**
     * Writes a history with planted drift and a planted signal (see the class comment), as
     * {@link #write(Path, FitEngine, int, long, LocalDate)} does.
     *
     * @param dir    the folder, created when missing; never null
     * @param engine the ruleset that decides the planted effect, never null
     * @param deals  how many deals (and accounts), 0 or more
     * @param seed   the seed
     * @param anchor the "today" of the history, never null
     * @param drift  how much of a fit's edge is gone by the end of the history, 0 to 1
     * @param signal the effect planted on a technology, or null for none
     * @return what was written
     * @throws IOException when a file cannot be written
     */
    public static Written write(Path dir, FitEngine engine, int deals, long seed, LocalDate anchor, double drift,
                                Signal signal) throws IOException {
        List<HistoryDeal> history = generate(engine, deals, seed, anchor, drift, signal);
        Files.createDirectories(dir);
        List<Path> files = List.of(dir.resolve("accounts.csv"), dir.resolve("events.csv"), dir.resolve("contacts.csv"),
                dir.resolve("outcomes.csv"), dir.resolve("pipeline.csv"));
        TreeSet<String> attributes = new TreeSet<>(SyntheticAccounts.ATTRIBUTES);
        attributes.addAll(HISTORY_ATTRIBUTES);
        long open = 0;
        try (Writer aw = Files.newBufferedWriter(files.get(0), StandardCharsets.UTF_8);
             Writer ew = Files.newBufferedWriter(files.get(1), StandardCharsets.UTF_8);
             Writer cw = Files.newBufferedWriter(files.get(2), StandardCharsets.UTF_8);
             Writer ow = Files.newBufferedWriter(files.get(3), StandardCharsets.UTF_8);
             Writer pw = Files.newBufferedWriter(files.get(4), StandardCharsets.UTF_8);
             AccountCsvWriter accounts = new AccountCsvWriter(aw, ew, cw, List.copyOf(attributes));
             OutcomesWriter outcomes = new OutcomesWriter(ow);
             PipelineWriter pipeline = new PipelineWriter(pw)) {
            for (HistoryDeal h : history) {
                accounts.write(h.facts());
                outcomes.write(h.deal());
                if (h.deal().outcome() == DealOutcome.OPEN) {
                    open++;
                    pipeline.write(new PipelineDeal(h.deal().dealId(), h.deal().accountId(), h.stage(), h.deal().amount()));
                }
            }
        }
        return new Written(history.size(), open, files);
    }
}

package io.icprules.evidence.discover;

import io.icprules.fact.Account;
import io.icprules.fact.Event;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Lists the patterns worth testing among the discovery part's deals: every value of the text fields
 * and attributes, every technology and event type seen, and quartile bands of the numeric fields and
 * attributes. Bands are cut on the discovery part only and kept as they are for the holdout.
 */
final class CandidateFinder {

    /** Text fields of the account whose values are tested. */
    static final List<String> TEXT_FIELDS = List.of("industry", "country", "region", "fundingStage", "ownership");
    /** Numeric fields of the account cut into bands. */
    static final List<String> NUMERIC_FIELDS = List.of("employees", "annualRevenue", "foundedYear");

    private CandidateFinder() {
    }

    static List<Candidate> find(List<DealView> deals, int windowDays) {
        List<Candidate> out = new ArrayList<>();
        for (String f : TEXT_FIELDS) {
            TreeSet<String> values = new TreeSet<>();
            deals.forEach(d -> {
                Object v = d.account().field(f);
                if (v instanceof String s) {
                    values.add(s);
                }
            });
            values.forEach(v -> out.add(new Candidate(Candidate.Kind.VALUE, f, v, null, null, false, 0)));
        }
        for (String f : NUMERIC_FIELDS) {
            bands(f, deals.stream().map(d -> d.account().field(f)).toList(), out);
        }
        TreeSet<String> technologies = new TreeSet<>();
        deals.forEach(d -> technologies.addAll(d.account().getTechnologies()));
        technologies.forEach(t -> out.add(new Candidate(Candidate.Kind.TECHNOLOGY, "technologies", t, null, null, false, 0)));
        attributes(deals, out);
        TreeSet<String> types = new TreeSet<>();
        for (DealView d : deals) {
            for (Event e : d.events()) {
                if (inWindow(e, d.entered(), windowDays)) {
                    types.add(e.getType());
                }
            }
        }
        types.forEach(t -> out.add(new Candidate(Candidate.Kind.EVENT, "event.type", t, null, null, false, windowDays)));
        return out;
    }

    static boolean inWindow(Event e, LocalDate entered, int windowDays) {
        return !e.getDate().isAfter(entered) && ChronoUnit.DAYS.between(e.getDate(), entered) <= windowDays;
    }

    /** Attributes by the type of their values: text, yes/no or numbers; dates and mixed types are left out. */
    private static void attributes(List<DealView> deals, List<Candidate> out) {
        Map<String, List<Object>> values = new TreeMap<>();
        for (DealView d : deals) {
            for (Map.Entry<String, Object> a : d.account().getAttributes().entrySet()) {
                values.computeIfAbsent(a.getKey(), k -> new ArrayList<>()).add(a.getValue());
            }
        }
        values.forEach((name, vs) -> {
            String field = "attributes." + name;
            if (vs.stream().allMatch(v -> v instanceof String)) {
                new TreeSet<>(vs.stream().map(String::valueOf).toList())
                        .forEach(v -> out.add(new Candidate(Candidate.Kind.VALUE, field, v, null, null, false, 0)));
            } else if (vs.stream().allMatch(v -> v instanceof Boolean)) {
                new TreeSet<>(vs.stream().map(String::valueOf).toList())
                        .forEach(v -> out.add(new Candidate(Candidate.Kind.FLAG, field, v, null, null, false, 0)));
            } else if (vs.stream().allMatch(v -> Candidate.numeric(v) != null)) {
                bands(field, vs, out);
            }
        });
    }

    /**
     * Quartile bands: the cut points are the values at the 25th, 50th and 75th percentile, rounded to
     * two significant digits so that a rule reads like one a person would write, without repeats.
     */
    private static void bands(String field, List<Object> raw, List<Candidate> out) {
        List<Double> xs = raw.stream().map(Candidate::numeric).filter(x -> x != null && Double.isFinite(x))
                .sorted().toList();
        if (xs.isEmpty()) {
            return;
        }
        boolean whole = raw.stream().allMatch(v -> v == null || v instanceof Integer || v instanceof Long);
        TreeSet<Double> cuts = new TreeSet<>();
        for (double q : new double[] {0.25, 0.5, 0.75}) {
            double x = xs.get((int) Math.min(xs.size() - 1, Math.ceil(q * xs.size()) - 1));
            double cut = BigDecimal.valueOf(x).round(new MathContext(2)).doubleValue();
            if (whole) {
                cut = Math.rint(cut);
            }
            if (cut > xs.get(0) && cut <= xs.get(xs.size() - 1)) {
                cuts.add(cut);
            }
        }
        Double previous = null;
        for (Double cut : cuts) {
            out.add(new Candidate(Candidate.Kind.BAND, field, null, previous, cut, whole, 0));
            previous = cut;
        }
        if (previous != null) {
            out.add(new Candidate(Candidate.Kind.BAND, field, null, previous, null, whole, 0));
        }
    }
}

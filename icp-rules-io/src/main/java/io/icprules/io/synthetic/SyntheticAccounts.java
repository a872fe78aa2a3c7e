package io.icprules.io.synthetic;

import io.icprules.io.AccountCsvWriter;
import io.icprules.io.AccountJsonLinesWriter;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Deterministic synthetic B2B accounts, with buying events and contacts, for demos, tests and
 * benchmarks.
 *
 * <p>Account {@code i} depends only on the seed, {@code i} and the anchor date, never on the wall
 * clock or the JVM, so the same arguments always give the same accounts and byte-identical files,
 * and any slice of a large set can be generated on its own ({@link #account}).
 *
 * <p>The mix imitates a purchased company list: industries as lower-case codes ({@code retail},
 * {@code restaurants}, {@code grocery}, {@code software}, {@code manufacturing}...), weighted towards
 * retail, software and manufacturing; a log-normal headcount (median around 40, a long tail into the tens of thousands);
 * mostly North American and European countries; funding stages that follow size; technologies
 * including point-of-sale systems ({@code Square}, {@code Lightspeed}, {@code Toast},
 * {@code Clover}...), marketing tools ({@code HubSpot}, {@code Marketo}...), CRMs, clouds and the
 * competitors {@code CompetitorX} and {@code CompetitorY}; a few percent of each field unknown. Events
 * ({@link #EVENT_TYPES}) fall within two years before the anchor date; contacts carry buying-committee
 * roles ({@code economic_buyer}, {@code champion}, {@code influencer}, {@code user}), seniorities and
 * departments. Web domains use the reserved {@code .example} top-level domain.
 */
public final class SyntheticAccounts {

    /** The default anchor date: events are dated up to two years before it. */
    public static final LocalDate DEFAULT_ANCHOR = LocalDate.of(2026, 11, 1);

    /**
     * Custom attributes set on generated accounts: {@code locations} (Long), {@code hourly_share}
     * (Double, 0..1, shops and restaurants), {@code pos_category} ({@code cloud} or {@code on_prem}),
     * {@code has_it_director} (Boolean) and {@code last_activity} (LocalDate).
     */
    public static final List<String> ATTRIBUTES = List.of("has_it_director", "hourly_share", "last_activity",
            "locations", "pos_category");

    /** The event types generated. */
    public static final List<String> EVENT_TYPES = List.of("funding_round", "exec_hire", "regulatory_change",
            "competitor_displacement", "product_launch", "merger", "intent_surge");

    /** Events are dated within this many days before the anchor (two years). */
    public static final int EVENT_WINDOW_DAYS = 730;

    private static final Weighted<String> INDUSTRIES = new Weighted<String>()
            .add("retail", 14).add("software", 15).add("manufacturing", 12).add("restaurants", 9)
            .add("grocery", 4).add("healthcare", 9).add("professional_services", 9).add("financial_services", 8)
            .add("logistics", 6).add("education", 5).add("media", 4).add("construction", 3).add("pharmaceuticals", 2);

    private record Country(String code, String region) {
    }

    private static final Weighted<Country> COUNTRIES = new Weighted<Country>()
            .add(new Country("US", "NA"), 38).add(new Country("GB", "EMEA"), 10).add(new Country("DE", "EMEA"), 8)
            .add(new Country("CA", "NA"), 6).add(new Country("FR", "EMEA"), 6).add(new Country("AU", "APAC"), 5)
            .add(new Country("NL", "EMEA"), 4).add(new Country("IN", "APAC"), 4).add(new Country("ES", "EMEA"), 3)
            .add(new Country("IT", "EMEA"), 3).add(new Country("BR", "LATAM"), 3).add(new Country("SE", "EMEA"), 2)
            .add(new Country("IE", "EMEA"), 2).add(new Country("JP", "APAC"), 2).add(new Country("SG", "APAC"), 2)
            .add(new Country("MX", "LATAM"), 2);

    private static final Weighted<String> STAGES_SMALL = new Weighted<String>()
            .add("bootstrapped", 45).add("seed", 25).add("series_a", 18).add("series_b", 7).add("pe_backed", 5);
    private static final Weighted<String> STAGES_MID = new Weighted<String>()
            .add("bootstrapped", 25).add("series_a", 15).add("series_b", 20).add("series_c", 15)
            .add("series_d_plus", 7).add("pe_backed", 15).add("public", 3);
    private static final Weighted<String> STAGES_LARGE = new Weighted<String>()
            .add("bootstrapped", 10).add("series_c", 10).add("series_d_plus", 15).add("pe_backed", 30)
            .add("public", 35);

    private static final Weighted<String> POS_RETAIL = new Weighted<String>()
            .add("Square", 25).add("Lightspeed", 20).add("Shopify POS", 20).add("Clover", 15)
            .add("NCR Counterpoint", 10).add("Toast", 3).add("Oracle MICROS", 7);
    private static final Weighted<String> POS_HOSPITALITY = new Weighted<String>()
            .add("Toast", 35).add("Square", 20).add("Lightspeed", 15).add("Clover", 10)
            .add("Oracle MICROS", 12).add("NCR Aloha", 8);
    private static final List<String> ON_PREM_POS = List.of("NCR Counterpoint", "NCR Aloha", "Oracle MICROS");
    private static final Weighted<String> MARKETING = new Weighted<String>()
            .add("HubSpot", 35).add("Mailchimp", 20).add("Marketo", 15).add("Klaviyo", 12).add("Pardot", 10)
            .add("Braze", 8);
    private static final Weighted<String> CRM = new Weighted<String>()
            .add("Salesforce", 45).add("HubSpot CRM", 20).add("Microsoft Dynamics", 15).add("Pipedrive", 10)
            .add("Zoho CRM", 10);
    private static final Weighted<String> CLOUD = new Weighted<String>()
            .add("AWS", 50).add("Azure", 30).add("Google Cloud", 20);
    private static final List<String> TOOLS = List.of("Slack", "Zendesk", "NetSuite", "QuickBooks", "SAP", "Jira",
            "Workday", "Shopify", "Stripe", "Intercom");

    private static final Weighted<String> EVENTS = new Weighted<String>()
            .add("exec_hire", 25).add("intent_surge", 22).add("product_launch", 18).add("funding_round", 15)
            .add("regulatory_change", 8).add("competitor_displacement", 7).add("merger", 5);

    private static final Weighted<String> ROLES = new Weighted<String>()
            .add("influencer", 30).add("user", 30).add("champion", 20).add("economic_buyer", 20);
    private static final List<String> DEPARTMENTS = List.of("operations", "marketing", "sales", "finance", "it",
            "hr", "executive");

    private static final List<String> NAME_FIRST = List.of("Blue", "North", "Silver", "Bright", "Cedar", "Harbor",
            "Summit", "Iron", "Golden", "Red", "Green", "Stone", "River", "Maple", "Pioneer", "Atlas", "Lumen",
            "Crescent", "Falcon", "Oak");
    private static final List<String> NAME_SECOND = List.of("Ridge", "Field", "Bay", "Point", "Works", "Line",
            "Gate", "Path", "Peak", "Bridge", "Forge", "Wave", "Crest", "Vale", "Grove");
    private static final List<String> PERSON_FIRST = List.of("Alex", "Maria", "James", "Priya", "Chen", "Sofia",
            "Lukas", "Amara", "Daniel", "Yuki", "Fatima", "Noah", "Elena", "Omar", "Grace", "Mateo");
    private static final List<String> PERSON_LAST = List.of("Garcia", "Smith", "Müller", "Patel", "Wang", "Rossi",
            "Kim", "Okafor", "Johnson", "Tanaka", "Nielsen", "Dubois", "Silva", "Cohen", "Murphy", "Novak");

    private SyntheticAccounts() {
    }

    /**
     * Generates accounts lazily.
     *
     * @param count  how many, 0 or more
     * @param seed   the seed: the same seed gives the same accounts
     * @param anchor the date events are placed before, never null
     * @return {@code count} accounts, ids {@code acc-0000001} upwards, in order
     * @throws IllegalArgumentException when count is negative
     */
    public static Stream<AccountFacts> stream(long count, long seed, LocalDate anchor) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, was " + count);
        }
        Objects.requireNonNull(anchor, "anchor");
        return LongStream.range(0, count).mapToObj(i -> account(i, seed, anchor));
    }

    /**
     * Generates one account: the {@code index}-th account of {@link #stream}, without generating the
     * ones before it.
     *
     * @param index  0-based position, 0 or more
     * @param seed   the seed
     * @param anchor the date events are placed before, never null
     * @return the account with its events and contacts
     */
    public static AccountFacts account(long index, long seed, LocalDate anchor) {
        // Each account has its own generator, so that accounts can be made independently.
        SplitMix rnd = new SplitMix(new SplitMix(seed).nextLong() ^ (index * 0xD1B54A32D192ED03L));
        String id = String.format(Locale.ROOT, "acc-%07d", index + 1);
        String industry = INDUSTRIES.draw(rnd);
        boolean storefront = industry.equals("retail") || industry.equals("restaurants") || industry.equals("grocery");
        int employees = (int) Math.max(1, Math.min(250_000, Math.round(StrictMath.exp(3.7 + 1.5 * rnd.gaussian()))));
        Country country = COUNTRIES.draw(rnd);
        String stage = (employees < 50 ? STAGES_SMALL : employees < 1000 ? STAGES_MID : STAGES_LARGE).draw(rnd);
        String first = rnd.pick(NAME_FIRST);
        String second = rnd.pick(NAME_SECOND);
        String suffix = suffix(industry);

        Account.Builder a = Account.builder(id)
                .name(first + " " + second + " " + suffix)
                .domain((first + second).toLowerCase(Locale.ROOT) + "-" + (index + 1) + ".example");
        if (rnd.chance(0.97)) {
            a.industry(industry);
        }
        if (rnd.chance(0.94)) {
            a.employees(employees);
        }
        if (rnd.chance(0.85)) {
            double perHead = StrictMath.exp(StrictMath.log(storefront ? 110_000 : 160_000) + 0.45 * rnd.gaussian());
            a.annualRevenue(Math.round(employees * perHead / 1000.0) * 1000L);
        }
        if (rnd.chance(0.97)) {
            a.country(country.code());
        }
        if (rnd.chance(0.95)) {
            a.region(country.region());
        }
        if (rnd.chance(0.9)) {
            int age = (int) Math.max(1, Math.min(120, Math.round(StrictMath.exp(2.6 + 0.8 * rnd.gaussian()))));
            a.foundedYear(anchor.getYear() - age);
        }
        if (rnd.chance(0.9)) {
            a.fundingStage(stage);
        }
        if (rnd.chance(0.93)) {
            a.ownership(stage.equals("public") ? "public" : stage.equals("pe_backed") ? "pe_backed"
                    : industry.equals("education") && rnd.chance(0.3) ? "nonprofit" : "private");
        }

        String pos = null;
        if (rnd.chance(0.9)) { // the rest have no known technologies
            if (storefront && rnd.chance(0.85)) {
                pos = (industry.equals("restaurants") ? POS_HOSPITALITY : POS_RETAIL).draw(rnd);
                a.technology(pos);
            }
            if (rnd.chance(0.6)) {
                a.technology(MARKETING.draw(rnd));
                if (employees > 200 && rnd.chance(0.3)) {
                    a.technology(MARKETING.draw(rnd));
                }
            }
            if (rnd.chance(0.7)) {
                a.technology(CRM.draw(rnd));
            }
            if (rnd.chance(industry.equals("manufacturing") ? 0.35 : 0.65)) {
                a.technology(CLOUD.draw(rnd));
            } else if (rnd.chance(0.5)) {
                a.technology("On-prem servers");
            }
            int tools = rnd.nextInt(4);
            for (int t = 0; t < tools; t++) {
                a.technology(rnd.pick(TOOLS));
            }
            if (rnd.chance(0.06)) {
                a.technology("CompetitorX");
            }
            if (rnd.chance(0.03)) {
                a.technology("CompetitorY");
            }
        }

        if (rnd.chance(0.9)) {
            long locations = storefront ? 1 + Math.min(400, Math.round(StrictMath.exp(1.0 + 1.2 * rnd.gaussian())))
                    : 1 + rnd.nextInt(Math.max(1, employees / 250 + 1));
            a.attribute("locations", locations);
        }
        if (pos != null) {
            a.attribute("pos_category", ON_PREM_POS.contains(pos) ? "on_prem" : "cloud");
        }
        if (storefront && rnd.chance(0.8)) {
            // Share of staff paid hourly, two decimals: shops and restaurants run on shift work.
            a.attribute("hourly_share", Math.round(Math.min(0.98, 0.55 + 0.3 * rnd.nextDouble()) * 100) / 100.0);
        }
        if (rnd.chance(0.8)) {
            a.attribute("has_it_director", employees > 150 ? rnd.chance(0.8) : rnd.chance(0.15));
        }
        if (rnd.chance(0.6)) {
            a.attribute("last_activity", anchor.minusDays(rnd.nextInt(365)));
        }

        List<Event> events = new ArrayList<>();
        int eventCount = Math.min(8, rnd.poisson(1.1));
        for (int e = 0; e < eventCount; e++) {
            events.add(event(rnd, anchor, stage, industry));
        }
        List<Contact> contacts = new ArrayList<>();
        int contactCount = Math.min(6, rnd.poisson(employees > 100 ? 2.2 : 1.2));
        for (int c = 0; c < contactCount; c++) {
            contacts.add(contact(rnd));
        }
        return AccountFacts.of(a.build(), events, contacts);
    }

    private static String suffix(String industry) {
        return switch (industry) {
            case "retail" -> "Outfitters";
            case "restaurants" -> "Kitchens";
            case "grocery" -> "Grocers";
            case "software" -> "Labs";
            case "manufacturing" -> "Industries";
            case "healthcare" -> "Health";
            case "professional_services" -> "Partners";
            case "financial_services" -> "Capital";
            case "logistics" -> "Logistics";
            case "education" -> "Academy";
            case "media" -> "Media";
            case "pharmaceuticals" -> "Pharma";
            default -> "Builders";
        };
    }

    private static Event event(SplitMix rnd, LocalDate anchor, String stage, String industry) {
        String type = EVENTS.draw(rnd);
        Event.Builder e = Event.builder(type, anchor.minusDays(rnd.nextInt(EVENT_WINDOW_DAYS)));
        switch (type) {
            case "funding_round" -> e.detail("round", rnd.pick(List.of("Seed", "Series A", "Series B", "Series C",
                    "Series D"))).detail("amount_usd", Long.toString((1 + rnd.nextInt(80)) * 1_000_000L));
            case "exec_hire" -> e.detail("title", rnd.pick(List.of("VP Operations", "Chief Revenue Officer", "CFO",
                    "VP Marketing", "CTO", "Head of People")));
            case "regulatory_change" -> e.detail("regulation", industry.equals("healthcare") ? "HIPAA"
                    : rnd.pick(List.of("PCI DSS 4.0", "GDPR", "SOC 2", "Predictive scheduling law")));
            case "competitor_displacement" -> e.detail("from", rnd.pick(List.of("CompetitorX", "CompetitorY",
                    "Legacy POS")));
            case "product_launch" -> e.detail("product", rnd.pick(List.of("mobile app", "loyalty program",
                    "new store format", "self-service portal")));
            case "merger" -> e.detail("counterparty", rnd.pick(NAME_FIRST) + " " + rnd.pick(NAME_SECOND))
                    .detail("stage", stage);
            default -> e.detail("topic", rnd.pick(List.of("workforce scheduling", "point of sale",
                    "marketing automation", "inventory management"))).detail("score", Integer.toString(60 + rnd.nextInt(40)));
        }
        return e.build();
    }

    private static Contact contact(SplitMix rnd) {
        String role = ROLES.draw(rnd);
        String seniority = switch (role) {
            case "economic_buyer" -> rnd.pick(List.of("c_level", "vp", "vp", "director"));
            case "champion" -> rnd.pick(List.of("director", "manager", "manager", "vp"));
            case "influencer" -> rnd.pick(List.of("manager", "director", "individual"));
            default -> rnd.pick(List.of("individual", "individual", "manager"));
        };
        String department = seniority.equals("c_level") ? "executive" : rnd.pick(DEPARTMENTS);
        Contact.Builder c = Contact.builder()
                .name(rnd.pick(PERSON_FIRST) + " " + rnd.pick(PERSON_LAST))
                .title(title(seniority, department))
                .role(role)
                .seniority(seniority)
                .department(department);
        return c.build();
    }

    private static String title(String seniority, String department) {
        String dept = switch (department) {
            case "it" -> "IT";
            case "hr" -> "People";
            default -> Character.toUpperCase(department.charAt(0)) + department.substring(1);
        };
        return switch (seniority) {
            case "c_level" -> "Chief Executive Officer";
            case "vp" -> "VP " + dept;
            case "director" -> "Director of " + dept;
            case "manager" -> dept + " Manager";
            default -> dept + " Specialist";
        };
    }

    /**
     * What a write produced.
     *
     * @param accounts accounts written
     * @param events   events written
     * @param contacts contacts written
     * @param files    the files written, in order
     */
    public record Written(long accounts, long events, long contacts, List<Path> files) {
        /**
         * Copies the file list.
         *
         * @param accounts accounts written
         * @param events   events written
         * @param contacts contacts written
         * @param files    the files written, never null
         */
        public Written {
            files = List.copyOf(files);
        }
    }

    /**
     * Writes {@code accounts.csv}, {@code events.csv} and {@code contacts.csv} into a folder, in the
     * layouts the {@code icp score} command reads. Existing files of those names are replaced.
     *
     * @param dir    the folder, created when missing; never null
     * @param count  how many accounts, 0 or more
     * @param seed   the seed
     * @param anchor the date events are placed before, never null
     * @return what was written
     * @throws IOException when a file cannot be written
     */
    public static Written writeCsv(Path dir, long count, long seed, LocalDate anchor) throws IOException {
        Files.createDirectories(dir);
        Path accounts = dir.resolve("accounts.csv");
        Path events = dir.resolve("events.csv");
        Path contacts = dir.resolve("contacts.csv");
        long[] counts = new long[2];
        try (Writer aw = Files.newBufferedWriter(accounts, StandardCharsets.UTF_8);
             Writer ew = Files.newBufferedWriter(events, StandardCharsets.UTF_8);
             Writer cw = Files.newBufferedWriter(contacts, StandardCharsets.UTF_8);
             AccountCsvWriter out = new AccountCsvWriter(aw, ew, cw, ATTRIBUTES)) {
            for (AccountFacts f : (Iterable<AccountFacts>) stream(count, seed, anchor)::iterator) {
                out.write(f);
                counts[0] += f.events().size();
                counts[1] += f.contacts().size();
            }
        }
        return new Written(count, counts[0], counts[1], List.of(accounts, events, contacts));
    }

    /**
     * Writes {@code accounts.jsonl} into a folder, events and contacts embedded in each account.
     * An existing file of that name is replaced.
     *
     * @param dir    the folder, created when missing; never null
     * @param count  how many accounts, 0 or more
     * @param seed   the seed
     * @param anchor the date events are placed before, never null
     * @return what was written
     * @throws IOException when the file cannot be written
     */
    public static Written writeJsonLines(Path dir, long count, long seed, LocalDate anchor) throws IOException {
        Files.createDirectories(dir);
        Path accounts = dir.resolve("accounts.jsonl");
        long events = 0;
        long contacts = 0;
        try (Writer w = Files.newBufferedWriter(accounts, StandardCharsets.UTF_8);
             AccountJsonLinesWriter out = new AccountJsonLinesWriter(w)) {
            for (AccountFacts f : (Iterable<AccountFacts>) stream(count, seed, anchor)::iterator) {
                out.write(f);
                events += f.events().size();
                contacts += f.contacts().size();
            }
        }
        return new Written(count, events, contacts, List.of(accounts));
    }
}

package io.icprules.fact;

import io.icprules.error.InvalidFactException;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A company being judged against a profile: the fact that rules match as {@code Account( ... )}.
 *
 * <p>Immutable; build it with {@link #builder(String)}. Every field except the id may be unknown,
 * and unknown is {@code null}, never {@code 0} or an empty string, so that "no data" is never
 * mistaken for "small company". Getters follow the JavaBean convention so that DRL constraints read
 * naturally: {@code Account( employees >= 50, country in ("US", "CA") )}.
 *
 * <p>Custom attributes hold CRM fields by name. Their values are {@link String}, {@link Long},
 * {@link Double}, {@link BigDecimal}, {@link Boolean} or {@link LocalDate}; rules read them as
 * {@code Account( attributes["pos_category"] == "cloud" )}.
 */
public final class Account implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Field names usable in a manifest's {@code required} list and in reason templates. */
    public static final Set<String> FIELDS = Set.of("id", "name", "domain", "industry", "employees",
            "annualRevenue", "country", "region", "foundedYear", "fundingStage", "ownership", "technologies");

    private final String id;
    private final String name;
    private final String domain;
    private final String industry;
    private final Integer employees;
    private final Long annualRevenue;
    private final String country;
    private final String region;
    private final Integer foundedYear;
    private final String fundingStage;
    private final String ownership;
    private final Set<String> technologies;
    private final Map<String, Object> attributes;

    private Account(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.domain = b.domain;
        this.industry = b.industry;
        this.employees = b.employees;
        this.annualRevenue = b.annualRevenue;
        this.country = b.country;
        this.region = b.region;
        this.foundedYear = b.foundedYear;
        this.fundingStage = b.fundingStage;
        this.ownership = b.ownership;
        // Sorted by the builder's tree, kept in that order by hashed copies: rules look values up
        // ("technologies contains", "attributes[...]") far more often than anything iterates them.
        this.technologies = Collections.unmodifiableSet(new LinkedHashSet<>(b.technologies));
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
    }

    /**
     * Starts building an account.
     *
     * @param id the account's stable identifier (CRM id, domain...), not blank
     * @return a new builder
     * @throws InvalidFactException when the id is null or blank
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return a builder pre-filled with this account's values, to derive a changed copy */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.name = name;
        b.domain = domain;
        b.industry = industry;
        b.employees = employees;
        b.annualRevenue = annualRevenue;
        b.country = country;
        b.region = region;
        b.foundedYear = foundedYear;
        b.fundingStage = fundingStage;
        b.ownership = ownership;
        b.technologies.addAll(technologies);
        b.attributes.putAll(attributes);
        return b;
    }

    /** @return the identifier, never null or blank */
    public String getId() {
        return id;
    }

    /** @return the company name, or null when unknown */
    public String getName() {
        return name;
    }

    /** @return the web domain, lower case, or null when unknown */
    public String getDomain() {
        return domain;
    }

    /** @return the industry as the data source names it, or null when unknown */
    public String getIndustry() {
        return industry;
    }

    /** @return the headcount (0 or more), or null when unknown */
    public Integer getEmployees() {
        return employees;
    }

    /** @return annual revenue in whole currency units (0 or more), or null when unknown */
    public Long getAnnualRevenue() {
        return annualRevenue;
    }

    /** @return the ISO 3166-1 alpha-2 country code in upper case, or null when unknown */
    public String getCountry() {
        return country;
    }

    /** @return the sales region (free text such as {@code EMEA}), or null when unknown */
    public String getRegion() {
        return region;
    }

    /** @return the year the company was founded, or null when unknown */
    public Integer getFoundedYear() {
        return foundedYear;
    }

    /** @return the funding stage (for example {@code series_b}), or null when unknown */
    public String getFundingStage() {
        return fundingStage;
    }

    /** @return the ownership (for example {@code private}, {@code public}, {@code pe_backed}), or null */
    public String getOwnership() {
        return ownership;
    }

    /** @return the technologies in use, sorted; never null, empty when none are known */
    public Set<String> getTechnologies() {
        return technologies;
    }

    /** @return custom attributes by name, sorted by name; never null, values never null */
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    /**
     * Reads a field by the name a manifest or reason template uses: one of {@link #FIELDS}, or
     * {@code attributes.NAME} for a custom attribute.
     *
     * @param field the field name, never null
     * @return the value, or null when the field is unknown for this account or is not a field
     */
    public Object field(String field) {
        switch (field) {
            case "id": return id;
            case "name": return name;
            case "domain": return domain;
            case "industry": return industry;
            case "employees": return employees;
            case "annualRevenue": return annualRevenue;
            case "country": return country;
            case "region": return region;
            case "foundedYear": return foundedYear;
            case "fundingStage": return fundingStage;
            case "ownership": return ownership;
            case "technologies": return technologies.isEmpty() ? null : technologies;
            default:
                if (field.startsWith("attributes.")) {
                    return attributes.get(field.substring("attributes.".length()));
                }
                return null;
        }
    }

    /**
     * Tells whether a name is a field {@link #field(String)} can read.
     *
     * @param field a field name, never null
     * @return true for one of {@link #FIELDS} or {@code attributes.NAME}
     */
    public static boolean isField(String field) {
        return FIELDS.contains(field) || (field.startsWith("attributes.") && field.length() > "attributes.".length());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Account)) {
            return false;
        }
        Account a = (Account) o;
        return id.equals(a.id) && Objects.equals(name, a.name) && Objects.equals(domain, a.domain)
                && Objects.equals(industry, a.industry) && Objects.equals(employees, a.employees)
                && Objects.equals(annualRevenue, a.annualRevenue) && Objects.equals(country, a.country)
                && Objects.equals(region, a.region) && Objects.equals(foundedYear, a.foundedYear)
                && Objects.equals(fundingStage, a.fundingStage) && Objects.equals(ownership, a.ownership)
                && technologies.equals(a.technologies) && attributes.equals(a.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, domain, industry, employees, annualRevenue, country, region,
                foundedYear, fundingStage, ownership, technologies, attributes);
    }

    /** @return the id and name only: account records are not printed whole (they may hold personal data) */
    @Override
    public String toString() {
        return "Account[" + id + (name == null ? "" : ", " + name) + "]";
    }

    /** Builds an {@link Account}; validates each value as it is set. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private String name;
        private String domain;
        private String industry;
        private Integer employees;
        private Long annualRevenue;
        private String country;
        private String region;
        private Integer foundedYear;
        private String fundingStage;
        private String ownership;
        private final Set<String> technologies = new TreeSet<>();
        private final Map<String, Object> attributes = new TreeMap<>();

        private Builder(String id) {
            this.id = Values.requireText("id", id);
        }

        /**
         * @param name company name, or null when unknown
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Values.text("name", name);
            return this;
        }

        /**
         * @param domain web domain; stored in lower case; null when unknown
         * @return this builder
         */
        public Builder domain(String domain) {
            String d = Values.text("domain", domain);
            this.domain = d == null ? null : d.toLowerCase(Locale.ROOT);
            return this;
        }

        /**
         * @param industry industry name, or null when unknown
         * @return this builder
         */
        public Builder industry(String industry) {
            this.industry = Values.text("industry", industry);
            return this;
        }

        /**
         * @param employees headcount, 0 or more, or null when unknown
         * @return this builder
         * @throws InvalidFactException when negative
         */
        public Builder employees(Integer employees) {
            if (employees != null && employees < 0) {
                throw new InvalidFactException("employees", "must be 0 or more, was " + employees);
            }
            this.employees = employees;
            return this;
        }

        /**
         * @param annualRevenue revenue in whole currency units, 0 or more, or null when unknown
         * @return this builder
         * @throws InvalidFactException when negative
         */
        public Builder annualRevenue(Long annualRevenue) {
            if (annualRevenue != null && annualRevenue < 0) {
                throw new InvalidFactException("annualRevenue", "must be 0 or more, was " + annualRevenue);
            }
            this.annualRevenue = annualRevenue;
            return this;
        }

        /**
         * @param country ISO 3166-1 alpha-2 code (any case), or null when unknown
         * @return this builder
         * @throws InvalidFactException when not an officially assigned ISO 3166-1 alpha-2 code (the
         *                              message says what was probably meant: {@code UK} is {@code GB})
         */
        public Builder country(String country) {
            String c = Values.text("country", country);
            if (c != null && !Values.isCountryCode(c)) {
                throw new InvalidFactException("country", "must be an ISO 3166-1 alpha-2 code such as US or DE, was '"
                        + Values.preview(c) + "'" + Values.countryHint(c));
            }
            this.country = c == null ? null : c.toUpperCase(Locale.ROOT);
            return this;
        }

        /**
         * @param region sales region, or null when unknown
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Values.text("region", region);
            return this;
        }

        /**
         * @param foundedYear year of founding, between 1000 and 9999, or null when unknown
         * @return this builder
         * @throws InvalidFactException when out of range
         */
        public Builder foundedYear(Integer foundedYear) {
            if (foundedYear != null && (foundedYear < 1000 || foundedYear > 9999)) {
                throw new InvalidFactException("foundedYear", "must be a four-digit year, was " + foundedYear);
            }
            this.foundedYear = foundedYear;
            return this;
        }

        /**
         * @param fundingStage funding stage such as {@code seed}, {@code series_b}, or null when unknown
         * @return this builder
         */
        public Builder fundingStage(String fundingStage) {
            this.fundingStage = Values.text("fundingStage", fundingStage);
            return this;
        }

        /**
         * @param ownership ownership such as {@code private} or {@code public}, or null when unknown
         * @return this builder
         */
        public Builder ownership(String ownership) {
            this.ownership = Values.text("ownership", ownership);
            return this;
        }

        /**
         * Adds technologies in use; blank entries are ignored.
         *
         * @param technologies technology names, never null
         * @return this builder
         */
        public Builder technologies(Collection<String> technologies) {
            Objects.requireNonNull(technologies, "technologies");
            for (String t : technologies) {
                technology(t);
            }
            return this;
        }

        /**
         * Adds one technology in use; null or blank is ignored.
         *
         * @param technology technology name
         * @return this builder
         */
        public Builder technology(String technology) {
            String t = Values.text("technologies", technology);
            if (t != null) {
                technologies.add(t);
            }
            return this;
        }

        /**
         * Sets a custom attribute; a null value removes it (unknown).
         *
         * @param name  attribute name: letters, digits, {@code _}, {@code -} and {@code .}, not blank
         * @param value a {@link String}, {@link Integer}, {@link Long}, {@link Double},
         *              {@link BigDecimal}, {@link Boolean} or {@link LocalDate}; integers are
         *              stored as {@link Long}
         * @return this builder
         * @throws InvalidFactException for a bad name or a value of another type
         */
        public Builder attribute(String name, Object value) {
            String n = Values.requireText("attributes", name);
            if (!Values.isAttributeName(n)) {
                throw new InvalidFactException("attributes." + Values.preview(n),
                        "attribute names may use letters, digits, '_', '-' and '.' only");
            }
            if (value == null) {
                attributes.remove(n);
                return this;
            }
            Object v = Values.attributeValue("attributes." + n, value);
            if (v == null) {
                attributes.remove(n);
            } else {
                attributes.put(n, v);
            }
            return this;
        }

        /**
         * Sets several custom attributes, as {@link #attribute(String, Object)} does for each.
         *
         * @param attributes name to value, never null
         * @return this builder
         */
        public Builder attributes(Map<String, ?> attributes) {
            Objects.requireNonNull(attributes, "attributes");
            attributes.forEach(this::attribute);
            return this;
        }

        /** @return the immutable account */
        public Account build() {
            return new Account(this);
        }
    }
}

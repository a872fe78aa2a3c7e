package io.icprules.fact;

import java.io.Serializable;
import java.util.Objects;

/**
 * A person in the account's buying committee, so that rules can say "economic buyer identified":
 * {@code Contact( role == "economic_buyer" )}.
 *
 * <p>Immutable; build it with {@link #builder()}. Every field may be null (unknown). Common roles:
 * {@code economic_buyer}, {@code champion}, {@code decision_maker}, {@code influencer},
 * {@code user}, {@code blocker}. Common seniorities: {@code c_level}, {@code vp}, {@code director},
 * {@code manager}, {@code individual}.
 */
public final class Contact implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String accountId;
    private final String name;
    private final String title;
    private final String role;
    private final String seniority;
    private final String department;

    private Contact(Builder b) {
        this.accountId = b.accountId;
        this.name = b.name;
        this.title = b.title;
        this.role = b.role;
        this.seniority = b.seniority;
        this.department = b.department;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the account the contact works for, or null when given inside that account's facts */
    public String getAccountId() {
        return accountId;
    }

    /** @return the person's name, or null */
    public String getName() {
        return name;
    }

    /** @return the job title, or null */
    public String getTitle() {
        return title;
    }

    /** @return the buying-committee role such as {@code economic_buyer}, or null */
    public String getRole() {
        return role;
    }

    /** @return the seniority such as {@code vp}, or null */
    public String getSeniority() {
        return seniority;
    }

    /** @return the department such as {@code marketing}, or null */
    public String getDepartment() {
        return department;
    }

    /**
     * Returns a copy that belongs to an account.
     *
     * @param accountId the account id, not blank
     * @return this contact when it already has that id, otherwise a copy
     */
    public Contact withAccountId(String accountId) {
        String id = Values.requireText("accountId", accountId);
        if (id.equals(this.accountId)) {
            return this;
        }
        Builder b = new Builder();
        b.accountId = id;
        b.name = name;
        b.title = title;
        b.role = role;
        b.seniority = seniority;
        b.department = department;
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Contact)) {
            return false;
        }
        Contact c = (Contact) o;
        return Objects.equals(accountId, c.accountId) && Objects.equals(name, c.name)
                && Objects.equals(title, c.title) && Objects.equals(role, c.role)
                && Objects.equals(seniority, c.seniority) && Objects.equals(department, c.department);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, name, title, role, seniority, department);
    }

    /** @return role and title only: contacts are personal data and are not printed whole */
    @Override
    public String toString() {
        return "Contact[" + role + (title == null ? "" : ", " + title) + "]";
    }

    /** Builds a {@link Contact}. Not thread-safe. */
    public static final class Builder {
        private String accountId;
        private String name;
        private String title;
        private String role;
        private String seniority;
        private String department;

        private Builder() {
        }

        /**
         * @param accountId the account id, or null when given inside that account's facts
         * @return this builder
         */
        public Builder accountId(String accountId) {
            this.accountId = Values.text("accountId", accountId);
            return this;
        }

        /**
         * @param name the person's name, or null
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Values.text("name", name);
            return this;
        }

        /**
         * @param title the job title, or null
         * @return this builder
         */
        public Builder title(String title) {
            this.title = Values.text("title", title);
            return this;
        }

        /**
         * @param role the buying-committee role, or null
         * @return this builder
         */
        public Builder role(String role) {
            this.role = Values.text("role", role);
            return this;
        }

        /**
         * @param seniority the seniority, or null
         * @return this builder
         */
        public Builder seniority(String seniority) {
            this.seniority = Values.text("seniority", seniority);
            return this;
        }

        /**
         * @param department the department, or null
         * @return this builder
         */
        public Builder department(String department) {
            this.department = Values.text("department", department);
            return this;
        }

        /** @return the immutable contact */
        public Contact build() {
            return new Contact(this);
        }
    }
}

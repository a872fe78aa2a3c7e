package io.icprules.fact;

import io.icprules.error.InvalidFactException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FactsTest {

    @Test
    void accountNormalisesAndKeepsUnknownAsNull() {
        Account a = Account.builder(" acc-1 ").name("  Acme ").domain("ACME.com").country("us").industry("  ")
                .technologies(List.of("Toast", " ", "Shopify")).attribute("locations", 12).attribute("score", 1.5)
                .attribute("since", LocalDate.of(2020, 1, 1)).attribute("empty", "  ").build();
        assertThat(a.getId()).isEqualTo("acc-1");
        assertThat(a.getName()).isEqualTo("Acme");
        assertThat(a.getDomain()).isEqualTo("acme.com");
        assertThat(a.getCountry()).isEqualTo("US");
        assertThat(a.getIndustry()).isNull();
        assertThat(a.getEmployees()).isNull();
        assertThat(a.getTechnologies()).containsExactly("Shopify", "Toast");
        assertThat(a.getAttributes()).containsEntry("locations", 12L).containsEntry("score", 1.5).doesNotContainKey("empty");
        assertThat(a.field("attributes.locations")).isEqualTo(12L);
        assertThat(a.field("technologies")).isEqualTo(a.getTechnologies());
        assertThat(Account.builder("b").build().field("technologies")).isNull();
        assertThat(a.toBuilder().build()).isEqualTo(a);
        assertThat(a.toString()).isEqualTo("Account[acc-1, Acme]");
    }

    @Test
    void accountRejectsBadValuesNamingTheField() {
        assertThatThrownBy(() -> Account.builder(" ")).isInstanceOf(InvalidFactException.class).hasMessage("id: is required and must not be blank");
        assertThatThrownBy(() -> Account.builder("a").employees(-1)).isInstanceOfSatisfying(InvalidFactException.class,
                e -> assertThat(e.field()).isEqualTo("employees"));
        assertThatThrownBy(() -> Account.builder("a").annualRevenue(-5L)).hasMessageContaining("annualRevenue");
        assertThatThrownBy(() -> Account.builder("a").country("USA")).hasMessageContaining("ISO 3166-1 alpha-2")
                .hasMessageEndingWith("(use the two-letter code US for USA)");
        assertThatThrownBy(() -> Account.builder("a").country("UK")).isInstanceOf(InvalidFactException.class)
                .hasMessage("country: must be an ISO 3166-1 alpha-2 code such as US or DE, was 'UK' (use GB: UK is not"
                        + " an ISO 3166-1 code)");
        assertThatThrownBy(() -> Account.builder("a").country("el")).hasMessageEndingWith("(use GR: EL is not an ISO 3166-1 code)");
        assertThatThrownBy(() -> Account.builder("a").country("zz")).hasMessage(
                "country: must be an ISO 3166-1 alpha-2 code such as US or DE, was 'zz'");
        assertThat(Account.builder("a").country("gb").build().getCountry()).isEqualTo("GB");
        assertThatThrownBy(() -> Account.builder("a").foundedYear(99999)).hasMessageContaining("foundedYear");
        assertThatThrownBy(() -> Account.builder("a").attribute("bad name", 1)).hasMessageContaining("attribute names");
        assertThatThrownBy(() -> Account.builder("a").attribute("x", Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Account.builder("a").attribute("x", new Object())).hasMessageContaining("values must be");
        assertThatThrownBy(() -> Account.builder("a").name("x".repeat(5000))).hasMessageContaining("limit is 4096");
        assertThat(Account.builder("a").attribute("x", new BigDecimal("1.5")).build().getAttributes().get("x"))
                .isEqualTo(new BigDecimal("1.5"));
    }

    @Test
    void eventDaysAgoNeedsAnEvaluationDate() {
        Event e = Event.builder("funding_round", LocalDate.of(2026, 9, 22)).detail("round", "Series B").build();
        assertThatThrownBy(e::getDaysAgo).isInstanceOf(IllegalStateException.class).hasMessageContaining("evaluation date");
        assertThat(e.relativeTo(LocalDate.of(2026, 11, 1)).getDaysAgo()).isEqualTo(40);
        assertThat(e.getDetails()).containsEntry("round", "Series B");
        assertThatThrownBy(() -> Event.builder("Funding Round", LocalDate.now())).hasMessageContaining("lower case");
        assertThatThrownBy(() -> Event.builder("x", null)).hasMessageContaining("date");
    }

    @Test
    void accountFactsTakeTheAccountIdAndRejectOthers() {
        Account a = Account.builder("a1").build();
        AccountFacts f = AccountFacts.of(a, List.of(Event.builder("merger", LocalDate.of(2026, 1, 1)).build()),
                List.of(Contact.builder().role("champion").build()));
        assertThat(f.events().get(0).getAccountId()).isEqualTo("a1");
        assertThat(f.contacts().get(0).getAccountId()).isEqualTo("a1");
        assertThatThrownBy(() -> AccountFacts.of(a, List.of(Event.builder("merger", LocalDate.of(2026, 1, 1))
                .accountId("other").build()), List.of())).isInstanceOf(InvalidFactException.class)
                .hasMessageContaining("belongs to account other, not a1");
        assertThatThrownBy(() -> AccountFacts.of(a, List.of(), List.of(Contact.builder().accountId("zz").build())))
                .hasMessageContaining("contact belongs to account zz");
    }
}

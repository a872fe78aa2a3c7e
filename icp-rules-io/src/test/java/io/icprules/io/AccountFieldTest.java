package io.icprules.io;

import io.icprules.error.InvalidFactException;
import io.icprules.fact.Account;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one description of the account fields agrees with {@link Account} and is what every layout uses. */
class AccountFieldTest {

    @Test
    void everyAccountPropertyHasOneField() {
        assertThat(Arrays.stream(AccountField.values()).map(AccountField::property))
                .containsExactlyInAnyOrderElementsOf(Account.FIELDS);
        assertThat(AccountFields.NAMES).isSameAs(AccountField.KEYS).isSameAs(AccountJson.FIELDS)
                .startsWith("id", "name", "domain").endsWith("technologies");
        assertThat(AccountFields.WHOLE_NUMBER_FIELDS)
                .containsExactlyInAnyOrder("employees", "annual_revenue", "founded_year");
        assertThat(AccountField.byKey("annual_revenue")).isEqualTo(AccountField.ANNUAL_REVENUE);
        assertThat(AccountField.byKey("attr.x")).isNull();
    }

    @Test
    void setsAndReadsBackEachField() {
        Account.Builder b = Account.builder("a1");
        AccountField.NAME.set(b, "Acme");
        AccountField.EMPLOYEES.set(b, 120);
        AccountField.ANNUAL_REVENUE.set(b, 4_500_000L);
        AccountField.TECHNOLOGIES.set(b, List.of("Toast", "ADP"));
        AccountField.COUNTRY.set(b, null);
        Account a = b.build();
        assertThat(AccountField.NAME.value(a)).isEqualTo("Acme");
        assertThat(AccountField.EMPLOYEES.value(a)).isEqualTo(120);
        assertThat(AccountField.ANNUAL_REVENUE.value(a)).isEqualTo(4_500_000L);
        assertThat(AccountField.TECHNOLOGIES.value(a)).isEqualTo(Set.of("Toast", "ADP"));
        assertThat(AccountField.COUNTRY.value(a)).isNull();
        assertThat(AccountField.ID.value(a)).isEqualTo("a1");
    }

    @Test
    void failuresNameTheFieldAsFilesSpellIt() {
        assertThatThrownBy(() -> AccountField.ANNUAL_REVENUE.set(Account.builder("a1"), -5L))
                .isInstanceOf(InvalidFactException.class).hasMessageStartingWith("annual_revenue: must be 0 or more");
        assertThatThrownBy(() -> AccountField.FOUNDED_YEAR.whole(3_000_000_000L, "3000000000"))
                .hasMessage("founded_year: '3000000000' is too large");
        assertThat(AccountField.ANNUAL_REVENUE.whole(3_000_000_000L, "3000000000")).isEqualTo(3_000_000_000L);
        assertThatThrownBy(() -> AccountField.ID.set(Account.builder("a1"), "a2"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

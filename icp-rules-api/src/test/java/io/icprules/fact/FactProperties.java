package io.icprules.fact;

import io.icprules.error.InvalidFactException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Building facts from arbitrary values either succeeds or fails with {@link InvalidFactException}
 * naming the field; nothing else escapes. Run longer with {@code -Djqwik.tries.default=100000}.
 */
class FactProperties {

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(8),
                Arbitraries.of("", " ", "\u0000", "US", "us", "USA", "\uFEFFUS", "=cmd|' /C calc'!A0", "\r\n"),
                Arbitraries.strings().ofLength(5000));
    }

    @Provide
    Arbitrary<Object> anyValue() {
        return Arbitraries.oneOf(anyText().map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l), Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, new Object(), List.of(1), Boolean.TRUE,
                        LocalDate.MAX));
    }

    @Property
    void accountFromAnyValues(@ForAll("anyText") String id, @ForAll("anyText") String country, @ForAll Integer employees,
                              @ForAll Long revenue, @ForAll Integer founded, @ForAll("anyText") String attrName,
                              @ForAll("anyValue") Object attrValue, @ForAll("anyText") String technology) {
        try {
            Account a = Account.builder(id).country(country).employees(employees).annualRevenue(revenue)
                    .foundedYear(founded).technology(technology).attribute(attrName, attrValue).build();
            assertThat(a.getId()).isNotBlank();
            assertThat(a.getEmployees() == null || a.getEmployees() >= 0).isTrue();
            assertThat(a.getCountry() == null || a.getCountry().matches("[A-Z]{2}")).isTrue();
            assertThat(a.getAttributes().values()).doesNotContainNull();
            assertThat(a.toBuilder().build()).isEqualTo(a);
        } catch (InvalidFactException e) {
            assertThat(e.field()).isNotBlank();
            assertThat(e.getMessage()).startsWith(e.field() + ": ");
            assertThat(e.getMessage().length()).as("messages quote values in short").isLessThan(300);
        }
    }

    @Property
    void eventFromAnyValues(@ForAll("anyText") String type, @ForAll @IntRange(min = -1_000_000, max = 3_000_000) int day,
                            @ForAll @IntRange(min = -1_000_000, max = 3_000_000) int asOfDay,
                            @ForAll("anyText") String key, @ForAll("anyText") String value) {
        try {
            Event e = Event.builder(type, LocalDate.ofEpochDay(day)).detail(key, value).build();
            assertThat(e.relativeTo(LocalDate.ofEpochDay(asOfDay)).getDaysAgo()).isEqualTo((long) asOfDay - day);
        } catch (InvalidFactException e) {
            assertThat(e.field()).isIn("type", "date", "details", "details." + key.strip());
        }
    }
}

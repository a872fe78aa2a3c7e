package io.icprules.io;

import io.icprules.error.InvalidFactException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

import static io.icprules.io.CrmValues.RangeRule.LOWER;
import static io.icprules.io.CrmValues.RangeRule.MIDPOINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The conversions of CRM export values, each accepted form and each refusal. */
class CrmValuesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "1200|1200", "1,200|1200", "1 200|1200", "1\u00A0200|1200", "1'200|1200", "12,345,678|12345678",
        "$4,500,000.00|4500000.00", "USD 4500000|4500000", "4500000 EUR|4500000", "€21,000,000|21000000",
        "£3.2M|3200000", "4.5M|4500000", "4.5 mm|4500000", "12k|12000", "1.2B|1200000000", "2bn|2000000000",
        "85%|0.85", "-15%|-0.15", "-0.1|-0.1", "+7|7", "0|0", " 42 |42"})
    void numbersWrittenForPeople(String text, String expected) {
        assertThat(CrmValues.number("n", text, LOWER)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1} (lower) or {2} (midpoint)")
    @CsvSource(delimiter = '|', value = {
        "51-200|51|125.5", "1,001-5,000|1001|3000.5", "1,001 - 5,000|1001|3000.5", "10 to 50|10|30",
        "201\u2013500|201|350.5", "$1M-$5M|1000000|3000000", "10,001+|10001|10001", "5000+|5000|5000"})
    void rangesBecomeOneNumberByTheChosenRule(String text, String lower, String midpoint) {
        assertThat(CrmValues.number("n", text, LOWER)).isEqualByComparingTo(lower);
        assertThat(CrmValues.number("n", text, MIDPOINT)).isEqualByComparingTo(midpoint);
    }

    @Test
    void wholeNumbersRoundAMidpointDownAndRefuseFractions() {
        assertThat(CrmValues.whole("employees", "51-200", MIDPOINT)).isEqualTo(125L);
        assertThat(CrmValues.whole("employees", "1,001-5,000", MIDPOINT)).isEqualTo(3000L);
        assertThat(CrmValues.whole("annual_revenue", "$4.5M", LOWER)).isEqualTo(4_500_000L);
        assertThat(CrmValues.whole("annual_revenue", "$48,000,000.00", LOWER)).isEqualTo(48_000_000L);
        assertThat(CrmValues.whole("employees", " ", LOWER)).isNull();
        assertThatThrownBy(() -> CrmValues.whole("employees", "12.5", LOWER))
                .isInstanceOf(InvalidFactException.class).hasMessage("employees: '12.5' is not a whole number");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"about 50", "1,2345", "1,200 300", "1.200,50", "12a", "5-", "-", "1,000;2,000",
        "1e5", "N/A"})
    void anythingElseIsRefusedWithWhatWasExpected(String text) {
        assertThatThrownBy(() -> CrmValues.number("employees", text, LOWER))
                .isInstanceOf(InvalidFactException.class)
                .hasMessage("employees: '" + text + "' is not " + CrmValues.NUMBER_FORMS);
    }

    @Test
    void aRangeMustGoUp() {
        assertThatThrownBy(() -> CrmValues.number("employees", "500-50", LOWER))
                .hasMessage("employees: '500-50' is a range whose lower bound is above its upper bound");
    }

    @Test
    void yesNoAnswers() {
        for (String yes : new String[] {"Yes", "yes", "Y", "TRUE", "true", "1"}) {
            assertThat(CrmValues.bool("b", yes)).as(yes).isTrue();
        }
        for (String no : new String[] {"No", "n", "False", "0"}) {
            assertThat(CrmValues.bool("b", no)).as(no).isFalse();
        }
        assertThat(CrmValues.bool("b", "")).isNull();
        assertThatThrownBy(() -> CrmValues.bool("Unionized", "maybe"))
                .hasMessage("Unionized: 'maybe' is not a yes/no answer (Yes, No, True, False, Y, N, 1 or 0)");
    }

    @Test
    void datesInTheDeclaredForm() {
        DateTimeFormatter us = new DateTimeFormatterBuilder().appendPattern("MM/dd/yyyy")
                .parseDefaulting(ChronoField.ERA, 1).toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
        assertThat(CrmValues.date("d", "09/22/2026", us, "MM/dd/yyyy")).isEqualTo(LocalDate.of(2026, 9, 22));
        assertThat(CrmValues.date("d", "", us, "MM/dd/yyyy")).isNull();
        assertThatThrownBy(() -> CrmValues.date("d", "02/30/2026", us, "MM/dd/yyyy"))
                .hasMessage("d: '02/30/2026' is not a valid date in the form MM/dd/yyyy");
        assertThatThrownBy(() -> CrmValues.date("d", "2026-09-22", us, "MM/dd/yyyy"))
                .hasMessage("d: '2026-09-22' is not a valid date in the form MM/dd/yyyy");
    }

    @Test
    void countriesByCodeOrEnglishName() {
        assertThat(CrmValues.country("c", "US")).isEqualTo("US");
        assertThat(CrmValues.country("c", "usa")).isEqualTo("US");
        assertThat(CrmValues.country("c", "United States")).isEqualTo("US");
        assertThat(CrmValues.country("c", "united kingdom")).isEqualTo("GB");
        assertThat(CrmValues.country("c", "DEU")).isEqualTo("DE");
        assertThatThrownBy(() -> CrmValues.country("Country", "UK")).hasMessageContaining("'UK' is not a country")
                .hasMessageContaining("(use GB: UK is not an ISO 3166-1 code, or translate it under values: in the mapping)");
        assertThatThrownBy(() -> CrmValues.country("Country", "EL")).hasMessageContaining("use GR");
        assertThat(CrmValues.country("c", "Germany")).isEqualTo("DE");
        assertThat(CrmValues.country("c", " ")).isNull();
        assertThatThrownBy(() -> CrmValues.country("Country/Region", "Atlantis"))
                .hasMessageStartingWith("Country/Region: 'Atlantis' is not a country (expected an ISO code");
    }

    @Test
    void websitesBecomeDomains() {
        assertThat(CrmValues.domain("d", "https://www.Acme.com/about?x=1")).isEqualTo("acme.com");
        assertThat(CrmValues.domain("d", "www.acme.co.uk")).isEqualTo("acme.co.uk");
        assertThat(CrmValues.domain("d", "http://shop.acme.com:8080/")).isEqualTo("shop.acme.com");
        assertThat(CrmValues.domain("d", "acme.com.")).isEqualTo("acme.com");
        assertThatThrownBy(() -> CrmValues.domain("Website", "not a site"))
                .hasMessage("Website: 'not a site' is not a website or domain such as acme.com");
    }
}

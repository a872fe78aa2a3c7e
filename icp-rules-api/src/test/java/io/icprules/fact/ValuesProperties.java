package io.icprules.fact;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The character tests in {@link Values} accept exactly what the regular expressions that define
 * the fields' forms accept (the documented forms, kept here as the specification).
 */
class ValuesProperties {

    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_]*");

    @Provide
    Arbitrary<String> nearMisses() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("aZz09_.-+ A\u00e9\u0663\u212a").ofMaxLength(6),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(4),
                Arbitraries.of("", "US", "u", "usa", "UK", "zz", "gb", "EL", "funding_round", "9x", "_x", "a-b", "\u0130s"));
    }

    @Property
    void countryCodeIsAnAssignedIsoCode(@ForAll("nearMisses") String s) {
        boolean assigned = COUNTRY_CODE.matcher(s).matches()
                && java.util.Set.of(java.util.Locale.getISOCountries()).contains(s.toUpperCase(java.util.Locale.ROOT));
        assertThat(Values.isCountryCode(s)).as("'%s'", s).isEqualTo(assigned);
    }

    @Property
    void attributeNameIsAsciiWordCharactersDotsAndDashes(@ForAll("nearMisses") String s) {
        assertThat(Values.isAttributeName(s)).as("'%s'", s).isEqualTo(ATTRIBUTE_NAME.matcher(s).matches());
    }

    @Property
    void eventTypeIsLowerCaseSnakeCase(@ForAll("nearMisses") String s) {
        assertThat(Values.isEventType(s)).as("'%s'", s).isEqualTo(EVENT_TYPE.matcher(s).matches());
    }
}

package io.icprules.fact;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;

/**
 * ISO 3166-1 alpha-2 country codes as the JDK lists them, and the code a rejected value probably
 * meant. One place for the rule that {@link Account.Builder#country}, the file readers and the CRM
 * column mappings all apply.
 */
public final class CountryCodes {

    /** The officially assigned ISO 3166-1 alpha-2 codes, as the JDK knows them. */
    private static final Set<String> ASSIGNED = Set.of(Locale.getISOCountries());

    /** Codes people write that ISO 3166-1 does not assign, with the code they mean. */
    private static final Map<String, String> MISTAKES = Map.of(
            "UK", "GB", // the United Kingdom's ISO code is GB (UK is its internet domain)
            "EL", "GR", // Greece is EL in EU statistics, GR in ISO 3166-1
            "EN", "GB"); // a language code, usually meant for England

    private CountryCodes() {
    }

    /**
     * @param code a value, never null
     * @return true for an officially assigned ISO 3166-1 alpha-2 code, in any case
     */
    public static boolean isAssigned(String code) {
        return code.length() == 2 && ASSIGNED.contains(code.toUpperCase(Locale.ROOT));
    }

    /**
     * What a value that is no assigned code probably means, as a sentence to append to a message.
     *
     * @param value the rejected value, never null
     * @return {@code " (use GB: UK is not an ISO 3166-1 code)"}, {@code " (use the two-letter code US
     *         for USA)"}, or empty when nothing is close
     */
    public static Optional<String> hint(String value) {
        String upper = value.strip().toUpperCase(Locale.ROOT);
        String meant = MISTAKES.get(upper);
        if (meant != null) {
            return Optional.of(" (use " + meant + ": " + upper + " is not an ISO 3166-1 code)");
        }
        if (upper.length() == 3) {
            for (String code : ASSIGNED) {
                try {
                    if (new Locale("", code).getISO3Country().equals(upper)) {
                        return Optional.of(" (use the two-letter code " + code + " for " + upper + ")");
                    }
                } catch (MissingResourceException e) {
                    // no three-letter code for this region
                }
            }
        }
        return Optional.empty();
    }
}

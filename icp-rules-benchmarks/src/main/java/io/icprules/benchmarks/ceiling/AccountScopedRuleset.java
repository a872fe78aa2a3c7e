package io.icprules.benchmarks.ceiling;

import io.icprules.benchmarks.profile.ReferenceProfile;
import io.icprules.engine.RulesetSource;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference profile rewritten so that several accounts can share one session: every rule binds
 * its account and every {@code Event} and {@code Contact} pattern joins on it
 * ({@code accountId == $scope.id}), so no rule sees another account's facts. Activation groups are
 * dropped, because Drools applies them across the whole session: the rules of a band all fire and a
 * scorer would keep the band's highest one per account.
 *
 * <p>A textual rewrite that fits the reference profile's layout (a rule's conditions between
 * {@code when} and {@code then} on lines of their own, patterns written {@code Type( }), not a
 * general DRL transformation: it exists to measure whether sharing sessions pays.
 */
public final class AccountScopedRuleset {

    /** The variable every rewritten rule binds its account to. */
    public static final String SCOPE = "$scope";

    private static final Pattern CONDITIONS = Pattern.compile("(?s)\\nwhen\\n(.*?)\\nthen\\n");
    private static final Pattern TOP_LEVEL_ACCOUNT = Pattern.compile("(?m)^\\s*Account\\( ");
    private static final Pattern ACTIVATION_GROUP = Pattern.compile("(?m)^\\s*activation-group \"[^\"]*\"\\s*\\n");

    private AccountScopedRuleset() {
    }

    /** @return the reference ruleset with every file rewritten by {@link #rewrite(String)} */
    public static RulesetSource source() {
        RulesetSource reference = ReferenceProfile.source();
        Map<String, String> files = new HashMap<>(reference.files());
        files.replaceAll((name, text) -> name.endsWith(".drl") ? rewrite(text) : text);
        return RulesetSource.of(reference.origin() + " (account-scoped)", reference.trusted(), files);
    }

    /**
     * @param drl a rule file laid out like the reference profile's
     * @return the same rules, each scoped to one account and without activation groups
     */
    public static String rewrite(String drl) {
        String text = ACTIVATION_GROUP.matcher(drl).replaceAll("");
        Matcher m = CONDITIONS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String conditions = m.group(1);
            if (TOP_LEVEL_ACCOUNT.matcher(conditions).find()) {
                conditions = conditions.replaceFirst("Account\\( ", Matcher.quoteReplacement(SCOPE + " : Account( "));
            } else {
                conditions = "    " + SCOPE + " : Account( )\n" + conditions;
            }
            String join = "accountId == " + SCOPE + ".id, ";
            conditions = conditions.replace("Event( ", "Event( " + join).replace("Contact( ", "Contact( " + join);
            m.appendReplacement(out, Matcher.quoteReplacement("\nwhen\n" + conditions + "\nthen\n"));
        }
        m.appendTail(out);
        return out.toString();
    }
}

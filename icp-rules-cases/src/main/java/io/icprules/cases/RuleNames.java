package io.icprules.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a misspelt rule name from a rule that did not fire: a name that is no rule of the ruleset
 * never fires, so an expectation that it does not fire would pass for nothing. Shared by the YAML
 * case runner and the Java assertions, so both say the same thing.
 */
public final class RuleNames {

    private RuleNames() {
    }

    /**
     * Checks names against a ruleset's rules. The scorer's own ledger lines ({@code clamp},
     * {@code cap: GROUP}) count as known.
     *
     * @param ruleset the ruleset's name, for the message, never null
     * @param known   the names of its rules, never null; when empty nothing is checked
     * @param names   the names a test uses, never null
     * @return a message naming every unknown name (with the rule it probably means), or empty
     */
    public static Optional<String> unknown(String ruleset, Set<String> known, Collection<String> names) {
        if (known.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            if (name == null || known.contains(name) || name.equals("clamp") || name.startsWith("cap: ")) {
                continue;
            }
            String hint = known.stream()
                    .filter(k -> k.trim().toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT)))
                    .findFirst().map(k -> "; did you mean '" + k + "'?").orElse("");
            problems.add("no rule named '" + name + "' in ruleset " + ruleset
                    + " (check the spelling: a rule that does not exist never fires" + hint + ")");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", problems));
    }
}

package io.icprules.cases;

import io.icprules.engine.RulesetSource;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the rules a ruleset declares, found in the text of its {@code .drl} files, so that a
 * case naming a rule that does not exist (a typo in {@code not_fired} would otherwise always pass)
 * is reported. This module sees only the engine-free API, so it reads the {@code rule "name"}
 * declarations rather than asking the compiler.
 */
final class RuleNames {

    /** A rule declaration at the start of a line: {@code rule "name"}, {@code rule 'name'} or {@code rule name}. */
    private static final Pattern RULE = Pattern.compile(
            "(?m)^[ \\t]*rule[ \\t]+(?:\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)'|([^\\s\"']+))");

    private RuleNames() {
    }

    /**
     * @param source the ruleset, never null
     * @return the rule names declared in its .drl files, in file order
     */
    static Set<String> of(RulesetSource source) {
        Set<String> names = new LinkedHashSet<>();
        for (Map.Entry<String, String> f : source.files().entrySet()) {
            if (!f.getKey().endsWith(".drl")) {
                continue;
            }
            Matcher m = RULE.matcher(f.getValue());
            while (m.find()) {
                String n = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                names.add(n.replaceAll("\\\\(.)", "$1"));
            }
        }
        return names;
    }

    /**
     * Tells whether a name can appear in a ledger: a declared rule, or an adjustment line the scorer
     * adds ({@code clamp}, {@code cap: <group>}).
     *
     * @param declared the declared rule names
     * @param name     the name to check
     * @return true when the name is known
     */
    static boolean isKnown(Set<String> declared, String name) {
        return declared.contains(name) || name.equals("clamp") || name.startsWith("cap: ");
    }
}

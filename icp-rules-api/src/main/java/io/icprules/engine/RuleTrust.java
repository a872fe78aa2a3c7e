package io.icprules.engine;

/**
 * How far an engine trusts the rule files it compiles.
 *
 * <p>DRL can call Java code. Rule files that ship inside the application (class path) are as
 * trusted as the application; rule files read from a folder or a database are often edited by
 * people who are not developers, and in {@linkplain #RESTRICTED restricted mode} they can only
 * score: a rule file that imports or calls anything outside an allow-list (the fact types,
 * {@code java.lang} basics such as {@code Math} and {@code String}, {@code java.time},
 * {@code java.math} and {@code java.util} collections), declares functions or globals, has code in a
 * consequence, loops, or reaches for {@code System}, {@code Runtime}, reflection, I/O, the network,
 * threads or class loading is rejected at load time with its file and line.
 */
public enum RuleTrust {
    /** Restricted unless the ruleset is {@linkplain RulesetSource#trusted() trusted} (class path). The default. */
    AUTO,
    /** Always restricted, whatever the source. */
    RESTRICTED,
    /** Never restricted: rule files may run any Java code. Only for rule files as trusted as the application. */
    UNRESTRICTED;

    /**
     * @param source the ruleset about to be compiled, never null
     * @return whether its rule files must pass the restricted-mode check
     */
    public boolean restricts(RulesetSource source) {
        switch (this) {
            case RESTRICTED:
                return true;
            case UNRESTRICTED:
                return false;
            default:
                return !source.trusted();
        }
    }
}

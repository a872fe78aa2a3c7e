package io.icprules.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A ruleset could not be compiled. Carries every problem found, not only the first one, so a rule
 * author can fix them all in one pass.
 */
public class RulesetException extends IcpRulesException {

    private static final long serialVersionUID = 1L;

    private final List<Diagnostic> diagnostics;

    /**
     * Creates the exception.
     *
     * @param rulesetName name or location of the ruleset, never null
     * @param diagnostics the problems, at least one, never null
     */
    public RulesetException(String rulesetName, List<Diagnostic> diagnostics) {
        super(render(rulesetName, diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    private static String render(String rulesetName, List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
        return "Ruleset " + rulesetName + " has " + errors + (errors == 1 ? " error" : " errors") + ":\n"
                + diagnostics.stream().map(d -> "  " + d).collect(Collectors.joining("\n"));
    }

    /** @return every diagnostic, errors and warnings, in file and line order; never null or empty */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}

package io.icprules.drools.internal.compile;

import io.icprules.error.Diagnostic;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Drools' build messages into {@link Diagnostic}s a rule author can act on: the right file,
 * line and column (Drools often reports column 0 and hides the real one in the text), and a message
 * without the compiler's internals.
 */
final class DrlMessages {

    private static final Pattern MVEL_POSITION = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)]");
    private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");
    private static final Pattern PARSER_CODE = Pattern.compile("^\\[ERR \\d+] Line \\d+:\\d+ ");
    private static final Pattern UNKNOWN_METHOD = Pattern.compile(
            "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern UNKNOWN_CLASS = Pattern.compile("Unable to resolve ObjectType '([^']+)'");

    private DrlMessages() {
    }

    /**
     * @param r the Drools message
     * @return the diagnostic, or null for messages that only echo another one
     */
    static Diagnostic toDiagnostic(KnowledgeBuilderResult r) {
        String raw = r.getMessage() == null ? "" : r.getMessage().strip();
        if (raw.equals("Parser returned a null Package") || raw.contains("is already defined")
                || raw.startsWith("Duplicate rule name")) {
            // Echoes of another error; duplicate names are reported with both places by the compiler.
            return null;
        }
        String file = r.getResource() != null && r.getResource().getSourcePath() != null
                ? r.getResource().getSourcePath() : "(ruleset)";
        int line = r.getLines() != null && r.getLines().length > 0 ? r.getLines()[0] : 0;
        int column = 0;
        Matcher mvel = MVEL_POSITION.matcher(raw);
        Matcher parser = PARSER_POSITION.matcher(raw);
        if (mvel.find()) {
            // The MVEL position is relative to the constraint's pattern; only trust its line when
            // Drools gave none, but its column is the best available.
            line = line > 0 ? line : Integer.parseInt(mvel.group(1));
            column = Integer.parseInt(mvel.group(2)) + 1;
        } else if (parser.find()) {
            line = Integer.parseInt(parser.group(1));
            column = Integer.parseInt(parser.group(2)) + 1; // ANTLR columns start at 0
        }
        String message = readable(raw);
        return r.getSeverity() == ResultSeverity.ERROR
                ? Diagnostic.error(file, line, column, message)
                : Diagnostic.warning(file, line, column, message);
    }

    static String readable(String raw) {
        Matcher unknown = UNKNOWN_METHOD.matcher(raw);
        String firstLine = raw.lines().findFirst().orElse(raw).strip();
        if (unknown.find()) {
            String type = unknown.group(1).substring(unknown.group(1).lastIndexOf('.') + 1);
            String expr = firstLine.replaceFirst("^Unable to Analyse Expression ", "").replaceFirst(":$", "");
            return type + " has no field '" + unknown.group(2) + "' (in: " + expr + ")";
        }
        Matcher cls = UNKNOWN_CLASS.matcher(raw);
        if (cls.find()) {
            return "unknown fact type '" + cls.group(1)
                    + "': import it (import io.icprules.fact.Account; ...) or check the spelling";
        }
        String m = PARSER_CODE.matcher(firstLine).replaceFirst("syntax error: ");
        return m.replaceAll("\\s+", " ");
    }
}

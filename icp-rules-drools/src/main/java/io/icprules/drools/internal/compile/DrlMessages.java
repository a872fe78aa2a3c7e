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
    private static final Pattern IN_RULE = Pattern.compile("in rule \"([^\"]+)\"");
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
            String field = unknown.group(2);
            String hint = FieldTypes.didYouMean(type, field)
                    .map(f -> field.contains("_") && !f.contains("_")
                            ? "; did you mean " + f + "? (the file column " + field + " is " + f + " in rules)"
                            : "; did you mean " + f + "?")
                    .orElse("");
            return type + " has no field '" + field + "' (in: " + expr + ")" + hint;
        }
        Matcher cls = UNKNOWN_CLASS.matcher(raw);
        if (cls.find()) {
            return "unknown fact type '" + cls.group(1)
                    + "': import it (import io.icprules.fact.Account; ...) or check the spelling";
        }
        String m = PARSER_CODE.matcher(firstLine).replaceFirst("syntax error: ");
        return m.replaceAll("\\s+", " ");
    }

    /** Added to the first syntax error of a file: nothing after it in that file was checked. */
    static final String STOPS_HERE = "; fix this first: Drools stops reading a file at its first syntax error,"
            + " so later errors in this file are not checked yet";

    /**
     * The first syntax error of a file that does not parse, said as such. When the parser noticed a
     * missing {@code )} only at the next line's first word (usually {@code then}), the diagnostic
     * points at the end of the line where the parenthesis was left open.
     *
     * @param d    the parser's diagnostic, never null
     * @param text the file's text, never null
     * @return the diagnostic to report, never null
     */
    static Diagnostic firstSyntaxError(Diagnostic d, String text) {
        String[] lines = text.split("\\R", -1);
        int line = d.line();
        Matcher inRule = IN_RULE.matcher(d.message());
        if (inRule.find() && line >= 1 && line <= lines.length && lines[line - 1].strip().startsWith("rule")) {
            // The parser met the next rule while still in this one: this rule never reached 'then ... end'.
            String name = inRule.group(1);
            for (int i = line - 2; i >= 0; i--) {
                if (lines[i].contains("rule \"" + name + "\"") || lines[i].contains("rule '" + name + "'")) {
                    boolean hasThen = false;
                    for (int k = i; k < line - 1; k++) {
                        hasThen |= lines[k].replaceAll("\"[^\"]*\"", "\"\"").matches(".*\\bthen\\b.*");
                    }
                    if (!hasThen) {
                        return Diagnostic.error(d.file(), i + 1, lines[i].indexOf("rule") + 1, "syntax error: rule \""
                                + name + "\" has no 'then end': every rule ends with 'then end' after its conditions"
                                + " (the parser noticed on line " + line + ", where the next rule starts)" + STOPS_HERE);
                    }
                    break;
                }
            }
        }
        if (line >= 2 && line <= lines.length && d.column() <= 1 + leadingSpaces(lines[line - 1])) {
            int open = line - 2;
            while (open >= 0 && lines[open].isBlank()) {
                open--;
            }
            if (open >= 0 && unclosedParentheses(lines, open) > 0) {
                String token = lines[line - 1].strip().split("\\s+")[0];
                String seen = d.message().replaceFirst("^syntax error: ", "");
                return Diagnostic.error(d.file(), open + 1, lines[open].stripTrailing().length() + 1,
                        "syntax error: a '(' on this line is not closed before '" + token + "' on line " + line
                                + " (Drools says: " + seen + "); add the missing ')'" + STOPS_HERE);
            }
        }
        return Diagnostic.error(d.file(), d.line(), d.column(), d.message() + STOPS_HERE);
    }

    private static int leadingSpaces(String line) {
        return line.length() - line.stripLeading().length();
    }

    /** Parentheses left open from the last {@code when} (or rule start) to the end of line {@code last}. */
    private static int unclosedParentheses(String[] lines, int last) {
        int first = last;
        while (first > 0 && !lines[first].contains("when") && !lines[first].strip().startsWith("rule")) {
            first--;
        }
        int depth = 0;
        for (int i = first; i <= last; i++) {
            boolean quoted = false;
            for (char c : lines[i].toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == '(') {
                    depth++;
                } else if (!quoted && c == ')') {
                    depth--;
                }
            }
        }
        return depth;
    }
}

package io.icprules.drools.internal.compile;

import io.icprules.error.Diagnostic;
import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.Token;
import org.drools.drl.parser.lang.DRL6Lexer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The check rule files from untrusted places must pass (see {@code io.icprules.engine.RuleTrust}):
 * rules may only read facts and compute with an allow-list of types, never run code.
 *
 * <p>It reads the file with Drools' own DRL lexer, so string literals and comments never trigger it,
 * and rejects, each with file, line and column: imports outside the allow-list; {@code function},
 * {@code global} and custom accumulate imports (arbitrary Java); any code in a consequence (the
 * contract leaves consequences empty); loops; a class referenced by its package ({@code java.lang.System})
 * or by a simple name outside the allow-list ({@code System}, {@code Runtime}, {@code Thread},
 * {@code Files}...); {@code new} of a type outside the allow-list; and the names reflection and
 * process control go through ({@code getClass}, {@code class}, {@code forName}, {@code getRuntime},
 * {@code exec}, {@code exit}...), whatever object they are called on.
 */
final class RestrictedMode {

    /** Simple type names rules may use, besides the fact types and types the file declares. */
    static final Set<String> ALLOWED_TYPES = Set.of("Account", "Event", "Contact",
            "Math", "String", "Integer", "Long", "Double", "Float", "Short", "Byte", "Boolean", "Character", "Number",
            "BigDecimal", "BigInteger", "LocalDate", "LocalDateTime", "Period", "Duration", "ChronoUnit", "DayOfWeek",
            "Month", "Year", "YearMonth", "List", "Set", "Map", "Collection", "Collections", "Arrays", "Objects",
            "ArrayList", "HashSet", "HashMap", "LinkedHashMap", "LinkedHashSet", "TreeMap", "TreeSet", "Optional");

    /** Packages whose allowed types may be written qualified or imported. */
    static final Set<String> ALLOWED_PACKAGES = Set.of("io.icprules.fact", "java.lang", "java.util", "java.time",
            "java.time.temporal", "java.math");

    /** Names that lead to reflection, class loading, process or thread control, whatever they are called on. */
    static final Set<String> FORBIDDEN_NAMES = Set.of("class", "getClass", "classLoader", "getClassLoader",
            "contextClassLoader", "getContextClassLoader", "forName", "newInstance", "invoke", "invokeExact",
            "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField", "getFields",
            "getDeclaredField", "getDeclaredFields", "getConstructor", "getConstructors", "getDeclaredConstructor",
            "getDeclaredConstructors", "setAccessible", "loadClass", "defineClass", "getRuntime", "runtime", "exec",
            "exit", "halt", "getenv", "getProperty", "getProperties", "setProperty", "currentThread", "lookup",
            "getModule", "module", "getProtectionDomain", "protectionDomain", "getResource", "getResourceAsStream",
            "openStream", "openConnection", "start", "wait", "notify", "notifyAll", "finalize");

    private static final Set<String> LOOP_KEYWORDS = Set.of("while", "for", "foreach", "until", "do");

    /** Methods that build a value of any size from a number: one call can exhaust the heap. */
    static final Set<String> AMPLIFIERS = Set.of("nCopies", "repeat", "fill", "setLength", "ensureCapacity");

    /** What may follow {@code from} besides a bound fact's own data: patterns over the account's facts. */
    private static final Set<String> FROM_KEYWORDS = Set.of("accumulate", "acc", "collect", "entry", "window");

    private RestrictedMode() {
    }

    /**
     * @param file        the file, relative to the ruleset
     * @param text        its DRL text
     * @param diagnostics receives one error per violation
     */
    static void check(String file, String text, List<Diagnostic> diagnostics) {
        List<Token> tokens = tokens(text);
        Set<String> declared = declaredTypes(tokens);
        Checker c = new Checker(file, tokens, declared, diagnostics);
        c.run();
    }

    private static List<Token> tokens(String text) {
        DRL6Lexer lexer = new DRL6Lexer(new ANTLRStringStream(text));
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() != Token.HIDDEN_CHANNEL && t.getType() != DRL6Lexer.WS && t.getType() != DRL6Lexer.EOL
                    && t.getType() != DRL6Lexer.C_STYLE_SINGLE_LINE_COMMENT
                    && t.getType() != DRL6Lexer.MULTI_LINE_COMMENT) {
                out.add(t);
            }
        }
        return out;
    }

    private static Set<String> declaredTypes(List<Token> tokens) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (isId(tokens.get(i), "declare")) {
                int j = i + 1;
                if (j < tokens.size() && (isId(tokens.get(j), "trait") || isId(tokens.get(j), "enum"))) {
                    j++;
                }
                if (j < tokens.size() && tokens.get(j).getType() == DRL6Lexer.ID) {
                    names.add(tokens.get(j).getText());
                }
            }
        }
        return names;
    }

    private static boolean isId(Token t, String text) {
        return t.getType() == DRL6Lexer.ID && t.getText().equals(text);
    }

    /** Walks the tokens once, tracking whether it is at top level, in a rule's condition or consequence. */
    private static final class Checker {
        private final String file;
        private final List<Token> tokens;
        private final Set<String> declared;
        private final List<Diagnostic> diagnostics;

        Checker(String file, List<Token> tokens, Set<String> declared, List<Diagnostic> diagnostics) {
            this.file = file;
            this.tokens = tokens;
            this.declared = declared;
            this.diagnostics = diagnostics;
        }

        void run() {
            boolean topLevel = true;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.getType() != DRL6Lexer.ID) {
                    continue;
                }
                String word = t.getText();
                if (topLevel && word.equals("import")) {
                    i = checkImport(i);
                    continue;
                }
                if (topLevel && (word.equals("function") || word.equals("global"))) {
                    error(t, "'" + word + "' is not allowed in restricted mode: it runs or exposes Java code");
                    continue;
                }
                if (topLevel && word.equals("package")) {
                    i = skipQualifiedName(i + 1) - 1;
                    continue;
                }
                if (word.equals("rule") || word.equals("declare") || word.equals("query")) {
                    topLevel = false;
                }
                if (!topLevel && word.equals("then")) {
                    i = checkConsequence(i);
                    topLevel = true;
                    continue;
                }
                if (!topLevel && word.equals("end")) {
                    topLevel = true;
                    continue;
                }
                if (i > 0 && "@".equals(tokens.get(i - 1).getText())) {
                    continue; // a metadata name such as @kind: read by the compiler, not code
                }
                if (!topLevel) {
                    i = checkExpression(i);
                }
            }
        }

        private int checkImport(int i) {
            Token start = tokens.get(i);
            int j = i + 1;
            boolean isStatic = j < tokens.size() && isId(tokens.get(j), "static");
            if (isStatic) {
                j++;
            }
            if (j < tokens.size() && (isId(tokens.get(j), "function") || isId(tokens.get(j), "accumulate"))) {
                error(start, "'import " + tokens.get(j).getText() + "' is not allowed in restricted mode: it runs Java code");
                return skipQualifiedName(j + 1) - 1;
            }
            int end = skipQualifiedName(j);
            StringBuilder name = new StringBuilder();
            for (int k = j; k < end && tokens.get(k).getType() != DRL6Lexer.SEMICOLON; k++) {
                name.append(tokens.get(k).getText());
            }
            String imported = name.toString();
            if (!importAllowed(imported, isStatic)) {
                error(start, "import " + imported + " is not allowed in restricted mode; rules may import the fact types "
                        + "(io.icprules.fact.*), java.util collections, java.time, java.math and java.lang.Math");
            }
            return end - 1;
        }

        private static boolean importAllowed(String name, boolean isStatic) {
            if (isStatic) {
                return name.startsWith("java.lang.Math.");
            }
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                return false;
            }
            String pkg = name.substring(0, dot);
            String simple = name.substring(dot + 1);
            if (pkg.equals("io.icprules.fact")) {
                return true;
            }
            return ALLOWED_PACKAGES.contains(pkg) && (simple.equals("*") ? !pkg.equals("java.lang")
                    : ALLOWED_TYPES.contains(simple));
        }

        /** Index just past a name like {@code a.b.C} or {@code a.b.*}. */
        private int skipQualifiedName(int j) {
            int k = j;
            while (k < tokens.size()) {
                Token t = tokens.get(k);
                boolean part = t.getType() == DRL6Lexer.ID || t.getType() == DRL6Lexer.DOT || "*".equals(t.getText());
                if (!part || (k > j && t.getLine() != tokens.get(k - 1).getLine())) {
                    break;
                }
                k++;
            }
            if (k < tokens.size() && tokens.get(k).getType() == DRL6Lexer.SEMICOLON) {
                k++;
            }
            return k;
        }

        /** A consequence must be empty: anything between {@code then} and {@code end} is code. */
        private int checkConsequence(int i) {
            int j = i + 1;
            boolean reported = false;
            while (j < tokens.size() && !isId(tokens.get(j), "end")) {
                if (!reported) {
                    error(tokens.get(j), "a rule's consequence must be empty in restricted mode (it would run Java "
                            + "code); what a rule is worth goes in its @kind and @points metadata");
                    reported = true;
                }
                j++;
            }
            return j;
        }

        /** Checks the name at {@code i} and the qualified chain it starts; returns the last index read. */
        private int checkExpression(int i) {
            Token t = tokens.get(i);
            String word = t.getText();
            if (LOOP_KEYWORDS.contains(word) && next(i) != null && "(".equals(next(i).getText())) {
                error(t, "'" + word + "' loops are not allowed in restricted mode");
                return i;
            }
            if (word.equals("from")) {
                Token source = next(i);
                boolean ownData = source != null && source.getType() == DRL6Lexer.ID
                        && (source.getText().startsWith("$") || FROM_KEYWORDS.contains(source.getText()));
                if (!ownData) {
                    error(t, "'from' may only read a bound fact's own data in restricted mode, such as"
                            + " 'from $a.technologies'" + (source == null ? "" : ", not '" + source.getText() + "...'")
                            + ": a computed collection can be of any size and exhaust the memory of the whole run");
                }
                return i;
            }
            if (word.equals("new")) {
                Token type = next(i);
                if (type != null && type.getType() == DRL6Lexer.ID) {
                    int end = chainEnd(i + 1);
                    String chain = chain(i + 1, end);
                    String simple = chain.substring(chain.lastIndexOf('.') + 1);
                    if (!typeAllowed(chain, simple)) {
                        error(type, "'new " + chain + "' is not allowed in restricted mode");
                    }
                    return end - 1;
                }
                return i;
            }
            int end = chainEnd(i);
            String[] parts = chain(i, end).split("\\.");
            if (parts.length > 1 && Character.isLowerCase(parts[0].charAt(0)) && !parts[0].startsWith("$")) {
                // a.b.C: a class named by its package, unless a.b is a field path such as attributes.size
                for (int k = 1; k < parts.length; k++) {
                    if (Character.isUpperCase(parts[k].charAt(0))) {
                        String pkg = String.join(".", java.util.Arrays.copyOfRange(parts, 0, k));
                        if (!ALLOWED_PACKAGES.contains(pkg) || !(ALLOWED_TYPES.contains(parts[k])
                                || pkg.equals("io.icprules.fact"))) {
                            error(t, "'" + pkg + "." + parts[k] + "' is not allowed in restricted mode");
                            return end - 1;
                        }
                        break;
                    }
                }
            }
            for (int k = 0; k < parts.length; k++) {
                if (AMPLIFIERS.contains(parts[k]) && next(i + 2 * k) != null && "(".equals(next(i + 2 * k).getText())) {
                    error(tokens.get(i + 2 * k), "'" + parts[k] + "' is not allowed in restricted mode: it builds a value"
                            + " of any size from a number, and one call can exhaust the memory of the whole run");
                    return end - 1;
                }
                if (FORBIDDEN_NAMES.contains(parts[k])) {
                    error(tokens.get(i + 2 * k), "'" + parts[k] + "' is not allowed in restricted mode (reflection, "
                            + "class loading, process or thread control)");
                    return end - 1;
                }
            }
            boolean staticUse = parts.length > 1 || (next(end - 1) != null && "(".equals(next(end - 1).getText())
                    && Character.isUpperCase(parts[0].charAt(0)) && !isPatternType(i));
            if (Character.isUpperCase(parts[0].charAt(0)) && staticUse && !typeAllowed(parts[0], parts[0])) {
                error(t, "'" + parts[0] + "' is not allowed in restricted mode; rules may use the fact types, "
                        + "declared types and " + String.join(", ", new java.util.TreeSet<>(ALLOWED_TYPES)));
            }
            return end - 1;
        }

        /** A capitalised name followed by '(' is a pattern ({@code Account( ... )}), checked by the compiler. */
        private boolean isPatternType(int i) {
            String name = tokens.get(i).getText();
            return ALLOWED_TYPES.contains(name) || declared.contains(name);
        }

        private boolean typeAllowed(String qualified, String simple) {
            if (declared.contains(qualified)) {
                return true;
            }
            int dot = qualified.lastIndexOf('.');
            if (dot < 0) {
                return ALLOWED_TYPES.contains(simple);
            }
            String pkg = qualified.substring(0, dot);
            return (pkg.equals("io.icprules.fact")) || (ALLOWED_PACKAGES.contains(pkg) && ALLOWED_TYPES.contains(simple));
        }

        private int chainEnd(int i) {
            int k = i + 1;
            while (k + 1 < tokens.size() && tokens.get(k).getType() == DRL6Lexer.DOT
                    && tokens.get(k + 1).getType() == DRL6Lexer.ID) {
                k += 2;
            }
            return k;
        }

        private String chain(int from, int end) {
            StringBuilder sb = new StringBuilder();
            for (int k = from; k < end; k++) {
                sb.append(tokens.get(k).getText());
            }
            return sb.toString();
        }

        private Token next(int i) {
            return i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        }

        private void error(Token t, String message) {
            diagnostics.add(Diagnostic.error(file, t.getLine(), t.getCharPositionInLine() + 1, message));
        }
    }
}

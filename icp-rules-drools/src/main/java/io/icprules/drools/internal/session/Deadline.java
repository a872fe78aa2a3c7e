package io.icprules.drools.internal.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The time budget of the evaluation running on this thread, enforced inside matching as well as
 * between firings. Drools evaluates a rule's conditions on the thread that fires the session, so the
 * deadline set by {@link SessionEvaluator} reaches every condition of that account.
 *
 * <p>A regular expression is the one condition a rule author can write that runs for minutes on a
 * 70-character value (catastrophic backtracking). The compiler rewrites {@code x matches "re"} into
 * {@link #matches}, which matches against a character sequence that checks the deadline as the
 * regular-expression engine reads it.
 *
 * <p>Internal: called by compiled rules, public only for that reason.
 */
public final class Deadline {

    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 10_000;

    private Deadline() {
    }

    /** Sets the deadline of the evaluation starting on this thread ({@link System#nanoTime()} based). */
    static void start(long deadline) {
        long[] d = CURRENT.get();
        if (d == null) {
            CURRENT.set(new long[] {deadline});
        } else {
            d[0] = deadline;
        }
    }

    /** Clears the deadline when the evaluation ends. */
    static void clear() {
        long[] d = CURRENT.get();
        if (d != null) {
            d[0] = Long.MAX_VALUE;
        }
    }

    /**
     * {@code value matches regex}, as Drools' operator decides it (the whole value must match; a
     * null value does not match), stopped by {@link Exceeded} when the evaluation's deadline passes.
     *
     * @param value the value, may be null
     * @param regex the regular expression, never null
     * @param rule  the rule the condition belongs to, for the message
     * @return whether the whole value matches
     */
    public static boolean matches(Object value, String regex, String rule) {
        if (value == null || regex == null) {
            return false;
        }
        Pattern p = PATTERNS.get(regex);
        if (p == null) {
            try {
                p = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("rule \"" + rule + "\": '" + regex + "' is not a valid regular expression: "
                        + e.getDescription(), e);
            }
            if (PATTERNS.size() < MAX_CACHED) {
                PATTERNS.put(regex, p);
            }
        }
        long[] d = CURRENT.get();
        String text = value.toString();
        if (d == null || d[0] == Long.MAX_VALUE) {
            return p.matcher(text).matches();
        }
        return p.matcher(new Watched(text, d[0], rule)).matches();
    }

    /** The deadline passed while a condition was being evaluated. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String rule;

        Exceeded(String rule) {
            super("the time budget ran out while matching a regular expression of rule \"" + rule + "\"", null, false, false);
            this.rule = rule;
        }

        String rule() {
            return rule;
        }
    }

    /** A value that checks the deadline every few hundred characters the engine reads. */
    private static final class Watched implements CharSequence {
        private final String text;
        private final long deadline;
        private final String rule;
        private int reads;

        Watched(String text, long deadline, String rule) {
            this.text = text;
            this.deadline = deadline;
            this.rule = rule;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0x3FF) == 0 && System.nanoTime() - deadline > 0) {
                throw new Exceeded(rule);
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Watched(text.substring(start, end), deadline, rule);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}

package io.icprules.drools.internal.compile;

import io.icprules.error.Diagnostic;

import java.util.List;

/**
 * Checks a rule file's text before Drools reads it, for what its parser reports only as
 * "no viable alternative at input": typographic quotes that a word processor or a chat tool put in
 * place of straight ones, and a byte-order mark at the start of the file.
 */
final class RuleText {

    /** The byte-order mark some editors write at the start of a UTF-8 file. */
    static final char BOM = '\uFEFF';

    private RuleText() {
    }

    /**
     * @param file        the file, for messages
     * @param text        its text
     * @param diagnostics receives a warning when a byte-order mark is removed
     * @return the text without a leading byte-order mark
     */
    static String withoutBom(String file, String text, List<Diagnostic> diagnostics) {
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            diagnostics.add(Diagnostic.warning(file, 1, 1, "the file starts with a byte-order mark (an invisible"
                    + " character some editors add); it was ignored: save the file as UTF-8 without BOM"));
            return text.substring(1);
        }
        return text;
    }

    /**
     * Reports every typographic quote outside a string literal and a comment, where DRL needs a
     * straight quote.
     *
     * @param file        the file, for messages
     * @param text        its text, without a byte-order mark
     * @param diagnostics receives one error per quote
     * @return whether any was found (the parser's own errors for the file are then noise)
     */
    static boolean typographicQuotes(String file, String text, List<Diagnostic> diagnostics) {
        boolean found = false;
        int line = 1;
        int column = 0;
        boolean inString = false;
        boolean lineComment = false;
        boolean blockComment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            column++;
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            if (c == '\n') {
                line++;
                column = 0;
                lineComment = false;
                continue;
            }
            if (lineComment) {
                continue;
            }
            if (blockComment) {
                if (c == '*' && next == '/') {
                    blockComment = false;
                }
                continue;
            }
            if (inString) {
                if (c == '\\') {
                    i++;
                    column++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '/' && next == '/') {
                lineComment = true;
            } else if (c == '/' && next == '*') {
                blockComment = true;
            } else if (c == '"') {
                inString = true;
            } else if (isTypographicQuote(c)) {
                found = true;
                boolean dbl = c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u00AB' || c == '\u00BB';
                diagnostics.add(Diagnostic.error(file, line, column, "the typographic quote " + c + " ("
                        + String.format("U+%04X", (int) c) + ") is not a quote in rules: use a straight "
                        + (dbl ? "double quote \" (word processors and chat tools replace it; edit rules in a"
                        + " plain-text editor)" : "quote, and write text in double quotes \"...\"")));
            }
        }
        return found;
    }

    private static boolean isTypographicQuote(char c) {
        return c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u2018' || c == '\u2019' || c == '\u201A'
                || c == '\u00AB' || c == '\u00BB';
    }
}

package io.icprules.drools.internal.session;

import java.math.BigDecimal;

/**
 * A custom attribute compared with a number, as rewritten by the compiler from
 * {@code attributes["plants"] > 5}. Attributes come from files, where a column that holds numbers
 * also holds {@code n/a} or {@code unknown} on some rows: such a value is not a number, so the
 * comparison cannot apply and the condition is not met, for that account only, instead of failing
 * the account's whole evaluation.
 *
 * <p>Internal: called by compiled rules, public only for that reason.
 */
public final class Comparisons {

    private Comparisons() {
    }

    /**
     * @param value    the attribute's value, may be null or of any type
     * @param operator one of {@code == != > >= < <=}
     * @param number   the number it is compared with
     * @return the comparison of two numbers; false when the value is not a number
     */
    public static boolean number(Object value, String operator, Number number) {
        if (!(value instanceof Number n)) {
            return false;
        }
        int c = decimal(n).compareTo(decimal(number));
        return switch (operator) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            default -> throw new IllegalArgumentException("not a comparison: " + operator);
        };
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal b) {
            return b;
        }
        if (n instanceof Double || n instanceof Float) {
            return new BigDecimal(n.toString()); // 0.8 as written, not its binary expansion
        }
        return n instanceof java.math.BigInteger bi ? new BigDecimal(bi) : BigDecimal.valueOf(n.longValue());
    }
}

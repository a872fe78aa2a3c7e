package io.icprules.evidence.report;

import io.icprules.evidence.stats.Median;
import io.icprules.evidence.stats.Rate;
import io.icprules.evidence.stats.Ratio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How figures read in the text and HTML reports; an unknown figure reads {@value #NONE}. */
final class Format {

    static final String NONE = "–";

    private Format() {
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(Double x) {
        return x == null ? NONE : String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }

    /** {@code 28.2% (24.0-32.9%)}: the rate and its 95% interval. */
    static String rate(Rate r) {
        if (r == null || !r.isKnown()) {
            return NONE;
        }
        return String.format(Locale.ROOT, "%.1f%% (%.1f-%.1f%%)", 100 * r.value(), 100 * r.low(), 100 * r.high());
    }

    static String times(Double x) {
        return x == null ? NONE : String.format(Locale.ROOT, "%.2fx", x);
    }

    /** {@code 2.04x (1.71-2.43x)}. */
    static String ratio(Ratio r) {
        return r == null ? NONE : String.format(Locale.ROOT, "%.2fx (%.2f-%.2fx)", r.value(), r.low(), r.high());
    }

    static String money(BigDecimal x) {
        return x == null ? NONE : String.format(Locale.ROOT, "%,d", x.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** {@code 14.2}: months, to a tenth. */
    static String months(Double x) {
        return x == null ? NONE : String.format(Locale.ROOT, "%.1f", x);
    }

    static String number(Double x) {
        return x == null ? NONE : String.format(Locale.ROOT, "%,.0f", x);
    }

    /** {@code 5,050 (4,800-5,400)}: the median and, when the count allows, its interval. */
    static String median(Median m) {
        if (m == null || m.median() == null) {
            return NONE;
        }
        return m.low() == null ? number(m.median())
                : number(m.median()) + " (" + number(m.low()) + "-" + number(m.high()) + ")";
    }

    static String score(BigDecimal x) {
        return x == null ? NONE : x.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code +12.0}, {@code -3.5}. */
    static String points(BigDecimal x) {
        if (x == null) {
            return NONE;
        }
        String s = x.setScale(1, RoundingMode.HALF_UP).toPlainString();
        return x.signum() >= 0 ? "+" + s : s;
    }
}

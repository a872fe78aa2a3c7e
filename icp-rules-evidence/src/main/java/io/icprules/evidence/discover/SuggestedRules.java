package io.icprules.evidence.discover;

import io.icprules.evidence.stats.Ratio;

import java.util.Locale;

/**
 * Writes the rule to add for a confirmed pattern, in the rule kinds and metadata of the
 * rule-authoring guide. The kind follows the effect measured on all closed deals (discovery and
 * holdout pooled):
 * <ul>
 *   <li>more wins: a soft signal, or a trigger for an event type (with the window as
 *       {@code daysAgo <= N}), worth {@code 5 × round(2·log2 lift)} points, 5 to 20;</li>
 *   <li>fewer wins, with the whole interval of the lift below {@value #STRONG}: a disqualifier, or for
 *       the lowest or highest band of a numeric field a hard filter that requires the other side
 *       (an unknown value still passes, so that the filter does not exclude accounts for missing data);</li>
 *   <li>fewer wins otherwise: a soft signal with negative points, -5 to -20.</li>
 * </ul>
 */
final class SuggestedRules {

    /** Below this lift (its whole interval), a pattern that loses is a disqualifier or hard filter. */
    static final double STRONG = 0.5;

    private SuggestedRules() {
    }

    static Suggestion suggest(Candidate c, Ratio pooled, PartFigures discovery, PartFigures holdout) {
        double lift = pooled.value();
        String name = "Discovered: " + c.label();
        String kind;
        Integer points = null;
        String when;
        String reason;
        if (lift >= 1) {
            kind = c.kind() == Candidate.Kind.EVENT ? "trigger" : "soft";
            points = Math.max(5, Math.min(20, 5 * (int) Math.round(2 * log2(lift))));
            when = condition(c, kind.equals("trigger"));
            reason = c.label() + ": such deals won " + times(lift) + " as often as others rated alike";
        } else if (pooled.high() < STRONG && c.isEdgeBand()) {
            kind = "hard";
            String f = expression(c.field());
            when = "Account( " + f + " == null || " + f + (c.low() == null ? " >= " + c.number(c.high())
                    : " < " + c.number(c.low())) + " )";
            reason = "Not " + c.label() + " (or unknown): those deals won " + times(lift) + " as often as others rated alike";
            name = "Discovered: not " + c.label();
        } else if (pooled.high() < STRONG) {
            kind = "disqualifier";
            when = condition(c, false);
            reason = c.label() + ": such deals won " + times(lift) + " as often as others rated alike";
        } else {
            kind = "soft";
            points = -Math.max(5, Math.min(20, 5 * (int) Math.round(-2 * log2(lift))));
            when = condition(c, false);
            reason = c.label() + ": such deals won " + times(lift) + " as often as others rated alike";
        }
        StringBuilder drl = new StringBuilder();
        drl.append(String.format(Locale.ROOT, "// icp discover: %s won %s as often as deals the profile rated alike "
                        + "(%s-%s, all closed deals); discovery %d deals with it, q = %s; holdout %d deals, %s, p = %s%n",
                c.label(), times(lift), times(pooled.low()), times(pooled.high()), discovery.closedWith(),
                pValue(discovery.q()), holdout.closedWith(),
                holdout.lift() == null ? "–" : times(holdout.lift().value()), pValue(holdout.p())));
        drl.append("rule \"").append(escape(name)).append("\"\n");
        drl.append("    @kind(").append(kind).append(')');
        if (points != null) {
            drl.append(" @points(").append(points).append(')');
        }
        drl.append('\n');
        drl.append("    @reason(\"").append(escape(reason.replace("{", "(").replace("}", ")"))).append("\")\n");
        drl.append("when\n    ").append(when).append("\nthen\nend\n");
        return new Suggestion(kind, points, name, drl.toString());
    }

    /** The pattern as a DRL condition; {@code exists} counts an event once for rules other than triggers. */
    static String condition(Candidate c, boolean trigger) {
        String f = expression(c.field());
        return switch (c.kind()) {
            case VALUE -> "Account( " + f + " == \"" + escape(c.value()) + "\" )";
            case FLAG -> "Account( " + f + " == " + c.value() + " )";
            case TECHNOLOGY -> "Account( technologies contains \"" + escape(c.value()) + "\" )";
            case BAND -> "Account( " + (c.low() == null ? "" : f + " >= " + c.number(c.low()))
                    + (c.low() != null && c.high() != null ? ", " : "")
                    + (c.high() == null ? "" : f + " < " + c.number(c.high())) + " )";
            case EVENT -> (trigger ? "" : "exists ") + "Event( type == \"" + escape(c.value()) + "\", daysAgo <= "
                    + c.windowDays() + " )";
        };
    }

    private static String expression(String field) {
        return field.startsWith("attributes.")
                ? "attributes[\"" + escape(field.substring("attributes.".length())) + "\"]" : field;
    }

    /** Escapes a DRL string literal's content. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ");
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    static String times(double x) {
        return String.format(Locale.ROOT, "%.2fx", x);
    }

    static String pValue(Double p) {
        if (p == null) {
            return "–";
        }
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }
}

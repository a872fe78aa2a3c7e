package io.icprules.result;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A result with its why-nots: every rule that did not fire and why, and the unfired signals and
 * triggers that would raise the account, most points first. For CRM integrations that show reps why
 * an account landed where it did. Immutable.
 */
public final class Explanation implements Serializable {

    private static final long serialVersionUID = 1L;

    private final FitResult result;
    private final List<RuleCheck> notFired;
    private final List<RuleCheck> wouldRaise;

    private Explanation(FitResult result, List<RuleCheck> notFired, List<RuleCheck> wouldRaise) {
        this.result = Objects.requireNonNull(result, "result");
        this.notFired = List.copyOf(notFired);
        this.wouldRaise = List.copyOf(wouldRaise);
    }

    /**
     * @param result     the result explained, never null
     * @param notFired   every rule that did not fire, in ruleset order, never null
     * @param wouldRaise unfired soft signals and triggers with positive points, most points first, never null
     * @return the explanation
     */
    public static Explanation of(FitResult result, List<RuleCheck> notFired, List<RuleCheck> wouldRaise) {
        return new Explanation(result, notFired, wouldRaise);
    }

    /** @return the result, never null */
    public FitResult result() {
        return result;
    }

    /** @return every rule that did not fire and why not, in ruleset order; never null */
    public List<RuleCheck> notFired() {
        return notFired;
    }

    /** @return what would raise this account: unfired positive signals and triggers, most points first; never null */
    public List<RuleCheck> wouldRaise() {
        return wouldRaise;
    }

    /** @return the result's explanation followed by the why-nots and what would raise the account */
    public String render() {
        StringBuilder sb = new StringBuilder(result.explain());
        if (!notFired.isEmpty()) {
            sb.append("Did not fire:\n");
            notFired.forEach(c -> sb.append("  ").append(c).append('\n'));
        }
        if (!wouldRaise.isEmpty()) {
            sb.append("What would raise this account:\n");
            wouldRaise.forEach(c -> sb.append("  +").append(c.points().toPlainString()).append(' ').append(c.rule())
                    .append(": ").append(c.whyNot()).append('\n'));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Explanation[" + result + ", " + notFired.size() + " not fired]";
    }
}

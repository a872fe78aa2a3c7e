package io.icprules.engine;

import io.icprules.error.Diagnostic;
import io.icprules.result.RulesetInfo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reload of a {@link ReloadingFitEngine} did: swapped in a new version, found nothing
 * changed, or rejected a version that does not compile (the previous one keeps serving). Immutable.
 */
public final class ReloadResult {

    /** What happened. */
    public enum Status {
        /** A new version was compiled and now serves every new evaluation. */
        SWAPPED,
        /** The ruleset's content hash did not change; nothing was compiled. */
        UNCHANGED,
        /** The new version failed to compile or could not be read; the previous version keeps serving. */
        REJECTED
    }

    private final Status status;
    private final RulesetInfo serving;
    private final RulesetInfo previous;
    private final List<Diagnostic> diagnostics;
    private final String message;

    ReloadResult(Status status, RulesetInfo serving, RulesetInfo previous, List<Diagnostic> diagnostics, String message) {
        this.status = Objects.requireNonNull(status, "status");
        this.serving = Objects.requireNonNull(serving, "serving");
        this.previous = previous;
        this.diagnostics = List.copyOf(diagnostics);
        this.message = Objects.requireNonNull(message, "message");
    }

    /** @return what happened, never null */
    public Status status() {
        return status;
    }

    /** @return the version serving evaluations after this reload, never null */
    public RulesetInfo serving() {
        return serving;
    }

    /** @return the version that served before, when a swap happened */
    public Optional<RulesetInfo> previous() {
        return Optional.ofNullable(previous);
    }

    /** @return the diagnostics of a rejected version, or the warnings of a swapped one; never null */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** @return a one-line summary for logs, never null */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return "ReloadResult[" + status + ", " + message + "]";
    }
}

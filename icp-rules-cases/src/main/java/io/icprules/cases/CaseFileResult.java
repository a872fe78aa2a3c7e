package io.icprules.cases;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of running the cases of one file.
 *
 * @param file     the case file, never null
 * @param results  one result per well-formed case, in file order; never null
 * @param problems the cases (or the whole file) that could not be read; never null
 */
public record CaseFileResult(Path file, List<CaseResult> results, List<CaseProblem> problems) {

    /**
     * Copies the lists.
     *
     * @param file     the case file, never null
     * @param results  one result per well-formed case, never null
     * @param problems the malformed cases, never null
     * @throws NullPointerException when an argument is null
     */
    public CaseFileResult {
        Objects.requireNonNull(file, "file");
        results = List.copyOf(results);
        problems = List.copyOf(problems);
    }

    /** @return cases that passed */
    public long passed() {
        return results.stream().filter(CaseResult::passed).count();
    }

    /** @return cases that ran and failed */
    public long failed() {
        return results.size() - passed();
    }
}

package io.icprules.cases;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The cases read from one case file, and the problems of those that could not be read. A file that
 * cannot be parsed at all has no cases and one problem.
 *
 * @param file     the file, never null
 * @param cases    the well-formed cases, in file order; never null
 * @param problems the malformed cases (or the whole file), in file order; never null
 */
public record CaseFile(Path file, List<FitCase> cases, List<CaseProblem> problems) {

    /**
     * Copies the lists.
     *
     * @param file     the file, never null
     * @param cases    the well-formed cases, never null
     * @param problems the malformed cases, never null
     * @throws NullPointerException when an argument is null
     */
    public CaseFile {
        Objects.requireNonNull(file, "file");
        cases = List.copyOf(cases);
        problems = List.copyOf(problems);
    }
}

package io.icprules.junit;

import io.icprules.cases.CaseFile;
import io.icprules.cases.CaseFileResult;
import io.icprules.cases.CaseFiles;
import io.icprules.cases.CaseProblem;
import io.icprules.cases.CaseResult;
import io.icprules.cases.CaseRunner;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.error.IcpRulesException;
import io.icprules.error.RulesetException;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a ruleset's fit test cases (see {@link CaseFiles}) into JUnit 5 dynamic tests: one container
 * per case file, one test per case, named after the case. A user project runs them with one method.
 * A ruleset that ships in the service's jar (rules under {@code src/main/resources/icp/retail}, loaded
 * with {@link RulesetSource#fromClasspath}) keeps its cases under {@code src/test/resources}, so that
 * they do not ship, and is tested as production compiles it:
 *
 * <pre>{@code
 * class RetailProfileTest {
 *     @TestFactory
 *     Stream<DynamicNode> fitCases() {
 *         return FitCases.from(RulesetSource.fromClasspath("icp/retail", getClass().getClassLoader()),
 *                 Path.of("src/test/resources/icp-cases/retail"));
 *     }
 * }
 * }</pre>
 *
 * <p>A ruleset kept as a folder that the service reads at run time (edited by rule authors, loaded
 * with {@code IcpRules.fromDirectory}) keeps its cases in its own {@code cases} folder:
 * {@code FitCases.from(Path.of("rules/retail"))}.
 *
 * <p>A failing case reports what it expected, what came out and the full ledger. Nothing is ever
 * skipped: a ruleset that does not compile, a missing cases folder, a folder without case files,
 * and every malformed case (with its file and line) are failing tests too.
 *
 * <p>The engine is found through {@link java.util.ServiceLoader}: add {@code icp-rules-drools} to the
 * test class path. The ruleset is compiled once and every case is evaluated when this method is
 * called; the returned tests report the outcomes.
 */
public final class FitCases {

    private FitCases() {
    }

    /**
     * The tests for the cases in a ruleset's {@value CaseFiles#FOLDER} folder.
     *
     * @param rulesetDir the ruleset folder (manifest and .drl files), never null
     * @return one container per case file, one test per case
     */
    public static Stream<DynamicNode> from(Path rulesetDir) {
        return from(rulesetDir, CaseFiles.defaultLocation(rulesetDir));
    }

    /**
     * The tests for the cases in a given file or folder, against the ruleset folder compiled as
     * {@code IcpRules.fromDirectory} compiles it (restricted mode, the default for folders).
     *
     * @param rulesetDir the ruleset folder, never null
     * @param cases      a case file, or a folder searched for {@code .yaml} and {@code .yml} files
     * @return one container per case file, one test per case
     */
    public static Stream<DynamicNode> from(Path rulesetDir, Path cases) {
        Objects.requireNonNull(rulesetDir, "rulesetDir");
        return run(rulesetDir.toString(), rulesetDir, cases,
                () -> IcpRules.builder().ruleset(RulesetSource.fromDirectory(rulesetDir)).build(), true);
    }

    /**
     * The tests for the cases in a given file or folder, against a ruleset compiled exactly as
     * production compiles it: the same source and the same trust. A service that loads its profile
     * with {@link RulesetSource#fromClasspath} (trusted) tests it the same way, so that a rule
     * production accepts (a {@code function}, say) is not refused by the test:
     *
     * <pre>{@code
     * // rules in src/main/resources/icp/retail, cases in src/test/resources/icp-cases/retail
     * FitCases.from(RulesetSource.fromClasspath("icp/retail", getClass().getClassLoader()),
     *         Path.of("src/test/resources/icp-cases/retail"));
     * }</pre>
     *
     * @param ruleset the ruleset, never null; compiled with {@code IcpRules.builder()}'s defaults
     * @param cases   a case file, or a folder searched for {@code .yaml} and {@code .yml} files
     * @return one container per case file, one test per case
     */
    public static Stream<DynamicNode> from(RulesetSource ruleset, Path cases) {
        Objects.requireNonNull(ruleset, "ruleset");
        return run(ruleset.origin(), null, cases, () -> IcpRules.builder().ruleset(ruleset).build(), true);
    }

    /**
     * The tests for the cases in a given file or folder, against an engine the caller built (with
     * its own settings, or the very engine the service uses). The engine is not closed.
     *
     * @param engine the engine, never null
     * @param cases  a case file, or a folder searched for {@code .yaml} and {@code .yml} files
     * @return one container per case file, one test per case
     */
    public static Stream<DynamicNode> from(FitEngine engine, Path cases) {
        Objects.requireNonNull(engine, "engine");
        return run(engine.ruleset().toString(), null, cases, () -> engine, false);
    }

    private static Stream<DynamicNode> run(String label, Path rulesetDir, Path cases, Supplier<FitEngine> engines,
                                           boolean close) {
        Objects.requireNonNull(cases, "cases");
        List<CaseFile> files;
        try {
            files = CaseFiles.readAll(cases);
        } catch (NoSuchFileException e) {
            return failing("fit cases of " + label, "no case file or folder at " + cases
                    + "; write the cases of a ruleset as YAML files in its " + CaseFiles.FOLDER + " folder");
        } catch (IOException e) {
            return failing("fit cases of " + label, "cannot list " + cases + ": " + e);
        }
        if (files.isEmpty()) {
            return failing("fit cases of " + label, "no .yaml or .yml case file under " + cases);
        }
        FitEngine engine;
        try {
            engine = engines.get();
        } catch (RulesetException e) {
            return failing("ruleset " + label + " compiles", "the ruleset " + label + " does not compile:\n"
                    + e.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        } catch (IcpRulesException | UncheckedIOException e) {
            return failing("ruleset " + label + " compiles", e.getMessage());
        }
        List<CaseFileResult> results = new ArrayList<>();
        try {
            CaseRunner runner = CaseRunner.of(engine);
            for (CaseFile f : files) {
                results.add(runner.run(f));
            }
        } finally {
            if (close) {
                engine.close();
            }
        }
        Path base = rulesetDir != null ? rulesetDir : (Files.isDirectory(cases) ? cases : cases.getParent());
        return results.stream().map(r -> container(base, r));
    }

    private static DynamicNode container(Path base, CaseFileResult file) {
        List<DynamicNode> tests = new ArrayList<>();
        for (CaseProblem p : file.problems()) {
            String name = p.caseName() != null ? p.caseName()
                    : p.line() > 0 ? "malformed case at line " + p.line() : "malformed case file";
            tests.add(DynamicTest.dynamicTest(name, source(p.file(), p.line()), () -> {
                throw new AssertionFailedError("malformed case: " + p.describe());
            }));
        }
        for (CaseResult r : file.results()) {
            tests.add(DynamicTest.dynamicTest(r.fitCase().name(), source(file.file(), r.fitCase().line()), () -> {
                if (!r.passed()) {
                    throw new AssertionFailedError("case '" + r.fitCase().name() + "' (" + r.fitCase().location()
                            + ") failed:\n" + r.describeFailure(), r.fitCase().expected().describe(), r.describeActual());
                }
            }));
        }
        // Cases in file order, whether they could be read or not.
        tests.sort((a, b) -> Integer.compare(line(a), line(b)));
        Path f = file.file();
        String name = base != null && f.toAbsolutePath().normalize().startsWith(base.toAbsolutePath().normalize())
                ? base.toAbsolutePath().normalize().relativize(f.toAbsolutePath().normalize()).toString()
                : f.toString();
        return DynamicContainer.dynamicContainer(name, f.toUri(), tests.stream());
    }

    private static int line(DynamicNode n) {
        return n.getTestSourceUri().map(u -> {
            String q = u.getQuery();
            return q != null && q.startsWith("line=") ? Integer.parseInt(q.substring(5)) : 0;
        }).orElse(0);
    }

    /** A source URI that IDEs open at the case's line. */
    private static URI source(Path file, int line) {
        URI uri = file.toUri();
        return line > 0 ? URI.create(uri + "?line=" + line) : uri;
    }

    private static Stream<DynamicNode> failing(String name, String message) {
        return Stream.of(DynamicTest.dynamicTest(name, () -> {
            throw new AssertionFailedError(message);
        }));
    }
}

package io.icprules.cases;

import io.icprules.result.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading case files: the format, the typing of values, and a clear report of every malformed case. */
class CaseFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsEveryPartOfACase() throws IOException {
        Path f = write("fit.yaml", """
                # a comment
                as_of: 2026-11-01
                description: Cases for the retail profile
                cases:
                  - name: Funded retailer is an A
                    account:
                      id: 42
                      industry: Retail
                      employees: 200
                      country: NO
                      technologies: [Square, HubSpot]
                      attributes: {postcode: 02134, hourly_share: 0.85, unionized: false, answer: yes, opened: 2020-05-01}
                      events:
                        - {type: funding_round, date: 2026-09-22, details: {round: Series B}}
                      contacts:
                        - {title: VP Operations, role: economic_buyer, seniority: vp}
                    expect:
                      decision: fit
                      tier: A
                      score: 83.60
                      fired: [Core vertical]
                      not_fired: Uses competitor
                      points: {Recent funding: 12.6, "cap: stack": -5}
                      unmet_hard_filters: []
                      disqualified_by: []
                      missing_fields: []
                  - name: Range and own date
                    as_of: 2026-12-31
                    account: {id: r-1}
                    expect:
                      score: {min: 10, max: 20.5}
                """);

        CaseFile file = CaseFiles.read(f);

        assertThat(file.problems()).isEmpty();
        assertThat(file.cases()).hasSize(2);
        FitCase c = file.cases().get(0);
        assertThat(c.name()).isEqualTo("Funded retailer is an A");
        assertThat(c.line()).isEqualTo(5);
        assertThat(c.location()).isEqualTo(f + ":5");
        assertThat(c.asOf()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(c.facts().accountId()).isEqualTo("42");
        assertThat(c.facts().account().getCountry()).as("NO is Norway, not false").isEqualTo("NO");
        assertThat(c.facts().account().getEmployees()).isEqualTo(200);
        assertThat(c.facts().account().getTechnologies()).containsExactly("HubSpot", "Square");
        assertThat(c.facts().account().getAttributes())
                .containsEntry("postcode", "02134")
                .containsEntry("hourly_share", 0.85)
                .containsEntry("unionized", false)
                .containsEntry("answer", "yes")
                .containsEntry("opened", LocalDate.of(2020, 5, 1));
        assertThat(c.facts().events()).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo("funding_round");
            assertThat(e.getDate()).isEqualTo(LocalDate.of(2026, 9, 22));
            assertThat(e.getDetails()).containsEntry("round", "Series B");
        });
        assertThat(c.facts().contacts()).singleElement().satisfies(k -> assertThat(k.getRole()).isEqualTo("economic_buyer"));
        Expectation e = c.expected();
        assertThat(e.decision()).isEqualTo(Decision.FIT);
        assertThat(e.tier()).isEqualTo("A");
        assertThat(e.score()).isEqualByComparingTo("83.6");
        assertThat(e.fired()).containsExactly("Core vertical");
        assertThat(e.notFired()).containsExactly("Uses competitor");
        assertThat(e.points()).containsEntry("Recent funding", new BigDecimal("12.6"))
                .containsEntry("cap: stack", new BigDecimal("-5"));
        assertThat(e.unmetHardFilters()).isEmpty();
        assertThat(e.disqualifiedBy()).isEmpty();
        assertThat(e.missingFields()).isEmpty();

        FitCase range = file.cases().get(1);
        assertThat(range.asOf()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(range.expected().scoreMin()).isEqualByComparingTo("10");
        assertThat(range.expected().scoreMax()).isEqualByComparingTo("20.5");
        assertThat(range.expected().decision()).isNull();
        assertThat(range.expected().unmetHardFilters()).as("not stated: not checked").isNull();
    }

    @Test
    void aMalformedCaseIsReportedAtItsLineAndTheOthersAreStillRead() throws IOException {
        Path f = write("mixed.yaml", """
                as_of: 2026-11-01
                cases:
                  - name: good one
                    account: {id: a}
                    expect: {decision: FIT}
                  - name: typo in expect
                    account: {id: b}
                    expect: {decison: FIT, tier: A}
                  - name: bad account
                    account: {id: c, employees: 12a, colour: blue}
                    expect: {decision: FIT}
                  - name: good one
                    account: {id: d}
                    expect: {decision: FIT}
                  - account: {id: e}
                    expect: {decision: maybe, score: high}
                  - just text
                """);

        CaseFile file = CaseFiles.read(f);

        assertThat(file.cases()).extracting(FitCase::name).containsExactly("good one");
        List<CaseProblem> p = file.problems();
        assertThat(p).extracting(CaseProblem::line).containsExactly(6, 9, 12, 15, 17);
        assertThat(p.get(0).caseName()).isEqualTo("typo in expect");
        assertThat(p.get(0).message()).contains("expect: unknown key 'decison'").contains("accepted: decision, tier");
        assertThat(p.get(1).message())
                .contains("account.employees: '12a' is not a whole number")
                .contains("account.unknown key 'colour'");
        assertThat(p.get(2).message()).contains("name: another case of this file has the same name");
        assertThat(p.get(3).caseName()).isNull();
        assertThat(p.get(3).message())
                .contains("name: is required")
                .contains("expect.decision: 'maybe' is not one of FIT, EXCLUDED, DISQUALIFIED, INSUFFICIENT_DATA")
                .contains("expect.score: expected a number, found 'high'");
        assertThat(p.get(4).message()).contains("a case must be a mapping");
        assertThat(p.get(0).describe()).isEqualTo(f + ":6: case 'typo in expect': " + p.get(0).message());
    }

    @Test
    void aCaseNeedsAnEvaluationDateAnAccountAndAnExpectation() throws IOException {
        Path f = write("missing.yaml", """
                cases:
                  - name: nothing but a name
                  - name: empty expectation
                    as_of: 2026-13-01
                    account: {id: x}
                    expect: {}
                  - name: empty range
                    as_of: 2026-11-01
                    account: {id: y}
                    expect: {score: {min: 50, max: 10}}
                """);

        List<CaseProblem> p = CaseFiles.read(f).problems();

        assertThat(p).hasSize(3);
        assertThat(p.get(0).message()).contains("as_of: is required").contains("account: is required")
                .contains("expect: is required");
        assertThat(p.get(1).message()).contains("as_of: '2026-13-01' is not a valid date")
                .contains("expect: a case must expect something");
        assertThat(p.get(2).message()).contains("expect.score: min 50 is above max 10");
    }

    @Test
    void aFileThatIsNotValidYamlIsOneProblemAtTheLineWhereParsingStopped() throws IOException {
        Path f = write("broken.yaml", """
                as_of: 2026-11-01
                cases:
                  - name: first
                    account: {id: a
                    expect: {decision: FIT}
                """);

        CaseFile file = CaseFiles.read(f);

        assertThat(file.cases()).isEmpty();
        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).startsWith("not valid YAML: ").doesNotContain("\n");
        });
    }

    @Test
    void fileLevelMistakesAreReported() throws IOException {
        assertThat(CaseFiles.read(write("empty.yaml", "")).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("the file is empty"));
        assertThat(CaseFiles.read(write("list.yaml", "- a\n- b\n")).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("expected 'cases:'"));
        assertThat(CaseFiles.read(write("nocases.yaml", "as_of: 2026-11-01\ncasez: []\n")).problems())
                .extracting(CaseProblem::message)
                .containsExactly("no 'cases:' list", "unknown key 'casez' (accepted at the top of a case file: as_of, "
                        + "description, cases)");
        assertThat(CaseFiles.read(write("dup.yaml", "as_of: 2026-11-01\nas_of: 2026-11-02\ncases: []\n")).problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.message()).contains("Duplicate field 'as_of'");
                });
        assertThat(CaseFiles.read(write("docs.yaml", "cases: []\n---\ncases: []\n")).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("one YAML document"));
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'c', 'a', 's', 'e', 's', ':', ' ', (byte) 0xE9});
        assertThat(CaseFiles.read(latin1).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("not valid UTF-8"));
    }

    @Test
    void findsYamlFilesInAFolderTreeInPathOrder() throws IOException {
        write("cases/b.yml", "cases: []\n");
        write("cases/a.yaml", "cases: []\n");
        write("cases/sub/c.YAML", "cases: []\n");
        write("cases/notes.md", "not a case file\n");

        assertThat(CaseFiles.find(dir.resolve("cases")))
                .extracting(p -> dir.resolve("cases").relativize(p).toString().replace('\\', '/'))
                .containsExactly("a.yaml", "b.yml", "sub/c.YAML");
        assertThat(CaseFiles.find(dir.resolve("cases/notes.md"))).hasSize(1);
        assertThatThrownBy(() -> CaseFiles.find(dir.resolve("nope"))).isInstanceOf(NoSuchFileException.class);
        assertThat(CaseFiles.defaultLocation(dir)).isEqualTo(dir.resolve("cases"));
    }
}

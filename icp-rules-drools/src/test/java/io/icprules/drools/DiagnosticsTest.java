package io.icprules.drools;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.error.RulesetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every ruleset problem is reported with file, line and a readable message, all at once. */
class DiagnosticsTest {

    static List<Diagnostic> errorsOf(TestRulesets rulesets) {
        try {
            rulesets.engine().close();
        } catch (RulesetException e) {
            return e.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
        }
        throw new AssertionError("the ruleset compiled");
    }

    @Test
    void syntaxErrorPointsAtLineAndColumn() {
        List<Diagnostic> errors = errorsOf(TestRulesets.basic().drl("bad.drl", ""
                + "rule \"Ok\" @kind(hard)\nwhen Account( employees > 3 ) then end\n"
                + "rule \"Broken\" @kind(hard)\nwhen\n  Account( employees >>= 3 )\nthen end\n"));
        assertThat(errors).isNotEmpty();
        Diagnostic d = errors.get(0);
        assertThat(d.file()).isEqualTo("bad.drl");
        assertThat(d.line()).isEqualTo(9);
        assertThat(d.column()).isEqualTo(23); // the second character of ">>=", where ">=" cannot follow
        assertThat(d.message()).startsWith("syntax error:").contains("fix this first");
        assertThat(d.toString()).startsWith("bad.drl:9:23: error: syntax error:");
    }

    @Test
    void aFileThatStopsAtASyntaxErrorSaysLaterErrorsAreNotCheckedAndPointsAtTheOpenParenthesis() {
        List<Diagnostic> errors = errorsOf(TestRulesets.basic().drl("both.drl", ""
                + "rule \"Typo\" @kind(soft) @points(5)\nwhen Account( employes > 10 ) then end\n\n"
                + "rule \"Broken\" @kind(soft) @points(5)\nwhen Account( employees > 10\nthen end\n"));
        // Only the syntax error: Drools does not read on, and the message says so instead of
        // pretending the typo above is fine.
        assertThat(errors).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("both.drl");
            assertThat(d.line()).as("the line with the open parenthesis, not the next one").isEqualTo(9);
            assertThat(d.column()).isEqualTo(29);
            assertThat(d.message()).startsWith("syntax error: a '(' on this line is not closed before 'then' on line 10")
                    .contains("add the missing ')'")
                    .endsWith("fix this first: Drools stops reading a file at its first syntax error, so later errors"
                            + " in this file are not checked yet");
        });
    }

    @Test
    void unknownFieldIsNamed() {
        List<Diagnostic> errors = errorsOf(TestRulesets.basic().drl("typo.drl", ""
                + "rule \"Typo\" @kind(soft) @points(5)\nwhen\n  Account( industri == \"Retail\" )\nthen end\n"));
        assertThat(errors).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("typo.drl");
            assertThat(d.line()).isEqualTo(7);
            assertThat(d.message()).isEqualTo("Account has no field 'industri' (in: industri == \"Retail\");"
                    + " did you mean industry?");
        });
    }

    @Test
    void aFileColumnNameInARuleIsTranslatedToTheRulesName() {
        List<Diagnostic> errors = errorsOf(TestRulesets.basic().drl("snake.drl", ""
                + "rule \"Big\" @kind(soft) @points(5)\nwhen Account( annual_revenue > 1000000 ) then end\n"
                + "rule \"Many\" @kind(soft) @points(5)\nwhen Account( employes > 10 ) then end\n"));
        assertThat(errors).extracting(Diagnostic::message).anySatisfy(m -> assertThat(m)
                .contains("Account has no field 'annual_revenue'")
                .endsWith("did you mean annualRevenue? (the file column annual_revenue is annualRevenue in rules)"));
        assertThat(errors).extracting(Diagnostic::message).anySatisfy(m -> assertThat(m)
                .contains("Account has no field 'employes'").endsWith("did you mean employees?"));
    }

    @Test
    void aLiteralOfTheWrongTypeIsACompileErrorWithTheRuleAndLine() {
        List<Diagnostic> errors = errorsOf(TestRulesets.basic().drl("types.drl", ""
                + "rule \"Words\" @kind(soft) @points(5)\nwhen Account( employees >= \"one hundred\" ) then end\n"
                + "rule \"Digits\" @kind(hard)\nwhen Account( industry == 5 ) then end\n"
                + "rule \"Listed\" @kind(soft) @points(5)\nwhen Account( country in (\"US\", 1) ) then end\n"
                + "rule \"Fine\" @kind(soft) @points(5)\nwhen Account( employees >= 100, industry == \"5\" ) then end\n"));
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).toString()).startsWith("types.drl:6:")
                .contains("rule \"Words\": Account.employees is a number, but is compared with the text \"one hundred\"");
        assertThat(errors.get(1).toString()).startsWith("types.drl:8:")
                .contains("rule \"Digits\": Account.industry is text, but is compared with the number 5, which never matches")
                .contains("put the value in quotes");
        assertThat(errors.get(2).toString()).startsWith("types.drl:10:").contains("Account.country is text");
    }

    @Test
    void typographicQuotesAreNamedWithTheStraightQuoteToUse() {
        List<Diagnostic> errors = errorsOf(TestRulesets.basic().drl("curly.drl", ""
                + "rule \u201cCurly\u201d @kind(soft) @points(5)\n"
                + "when Account( industry == \"Retail\" ) @reason(\"a \u201cquoted\u201d word is fine\") then end\n"));
        assertThat(errors).hasSize(2).allSatisfy(d -> assertThat(d.message())
                .startsWith("the typographic quote").contains("is not a quote in rules: use a straight double quote \""));
        assertThat(errors.get(0).toString()).startsWith("curly.drl:5:6: error: the typographic quote \u201c (U+201C)");
        assertThat(errors.get(1).toString()).startsWith("curly.drl:5:12:");
    }

    @Test
    void aByteOrderMarkIsIgnoredWithAWarning() {
        try (FitEngine engine = TestRulesets.manifest("\uFEFFname=bom\nversion=1\n")
                .raw("bom.drl", "\uFEFF" + TestRulesets.HEADER + "rule \"Any\" @kind(soft) @points(5)\nwhen Account() then end\n")
                .engine()) {
            assertThat(engine.ruleset().name()).isEqualTo("bom");
            assertThat(engine.warnings()).extracting(Diagnostic::toString).contains(
                    "bom.drl:1:1: warning: the file starts with a byte-order mark (an invisible character some editors"
                            + " add); it was ignored: save the file as UTF-8 without BOM",
                    "ruleset.properties:1:1: warning: the file starts with a byte-order mark (an invisible character"
                            + " some editors add); it was ignored: save the file as UTF-8 without BOM");
        }
    }

    @Test
    void aRuleWithoutThenEndIsPointedAtItself() {
        List<Diagnostic> errors = errorsOf(TestRulesets.basic().drl("nothen.drl", ""
                + "rule \"No then\" @kind(soft) @points(5)\nwhen Account( employees > 1 )\n\n"
                + "rule \"Next\" @kind(soft) @points(5)\nwhen Account( employees > 2 ) then end\n"));
        assertThat(errors).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.message()).startsWith("syntax error: rule \"No then\" has no 'then end'")
                    .contains("noticed on line 8");
        });
    }

    @Test
    void ruleNamesThatDifferOnlyInCaseOrSpacesAreWarnedAbout() {
        try (FitEngine engine = TestRulesets.basic().drl("dup.drl", ""
                + "rule \"Core vertical\" @kind(soft) @points(5)\nwhen Account( employees > 1 ) then end\n"
                + "rule \"core vertical \" @kind(soft) @points(5)\nwhen Account( employees > 2 ) then end\n").engine()) {
            assertThat(engine.warnings()).extracting(Diagnostic::toString).contains(
                    "dup.drl:7:0: warning: rule \"core vertical \" differs from the rule at dup.drl:5 (\"Core vertical\")"
                            + " only in case or spaces: tests, reports and explanations treat them as two rules; rename one");
        }
    }

    @Test
    void metadataInTheWrongCaseIsNamedOnce() {
        List<Diagnostic> errors = errorsOf(TestRulesets.basic().drl("case.drl", ""
                + "rule \"Case\" @Kind(Soft) @points(5)\nwhen Account( employees > 1 ) then end\n"));
        assertThat(errors).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.message()).isEqualTo("rule \"Case\": write @kind, not @Kind: metadata names are case-sensitive");
        });
    }

    @Test
    void unknownFactTypeIsNamed() {
        List<Diagnostic> errors = errorsOf(TestRulesets.basic().drl("type.drl", ""
                + "rule \"Type\" @kind(hard)\nwhen\n  Company( employees > 3 )\nthen end\n"));
        assertThat(errors).anySatisfy(d -> assertThat(d.message()).contains("unknown fact type 'Company'"));
    }

    @Test
    void metadataProblemsAreReportedWithTheRuleLine() {
        List<Diagnostic> errors = errorsOf(TestRulesets.basic().drl("meta.drl", ""
                + "rule \"No kind\"\nwhen Account() then end\n"                                     // line 5
                + "rule \"Odd kind\" @kind(maybe)\nwhen Account() then end\n"                        // line 7
                + "rule \"No points\" @kind(soft)\nwhen Account() then end\n"                        // line 9
                + "rule \"Text points\" @kind(trigger) @points(lots)\nwhen Event() then end\n"      // line 11
                + "rule \"Bad half-life\" @kind(trigger) @points(5) @halfLife(P2M)\nwhen Event() then end\n" // 13
                + "rule \"Worse half-life\" @kind(trigger) @points(5) @halfLife(soon)\nwhen Event() then end\n")); // 15
        assertThat(errors).extracting(Diagnostic::line).containsExactly(5, 7, 9, 11, 13, 15);
        assertThat(errors).extracting(Diagnostic::message).containsExactly(
                "rule \"No kind\" has no @kind: add @kind(hard), @kind(soft), @kind(trigger) or @kind(disqualifier)",
                "rule \"Odd kind\": unknown @kind(maybe); use hard, soft, trigger or disqualifier",
                "rule \"No points\": a soft rule needs @points(n)",
                "rule \"Text points\": @points(lots) is not a number",
                "rule \"Bad half-life\": @halfLife(P2M) is not a positive ISO-8601 duration in days or weeks, such as P60D or P8W",
                "rule \"Worse half-life\": @halfLife(soon) is not a positive ISO-8601 duration in days or weeks, such as P60D or P8W");
    }

    @Test
    void duplicateRuleNamesAcrossFilesNameBothPlaces() {
        List<Diagnostic> errors = errorsOf(TestRulesets.basic()
                .drl("a.drl", "rule \"Same\" @kind(hard)\nwhen Account() then end\n")
                .raw("b.drl", "package icp.other;\nimport io.icprules.fact.Account;\n\n"
                        + "rule \"Same\" @kind(hard)\nwhen Account() then end\n"));
        assertThat(errors).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("b.drl");
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.message()).contains("duplicate rule name \"Same\" (first defined at a.drl:5)");
        });
    }

    @Test
    void manifestProblemsAreAllReported() {
        List<Diagnostic> errors = errorsOf(TestRulesets.manifest(""
                        + "# comment\n"
                        + "version=\n"
                        + "tiers=A:eighty,B:60\n"
                        + "required=industry,headcount\n"
                        + "cap.stack=-3\n"
                        + "just some words\n")
                .drl("a.drl", "rule \"R\" @kind(hard)\nwhen Account() then end\n"));
        assertThat(errors).allSatisfy(d -> assertThat(d.file()).isEqualTo("ruleset.properties"));
        assertThat(errors).extracting(Diagnostic::message).anySatisfy(m -> assertThat(m).isEqualTo("'name' is required"))
                .anySatisfy(m -> assertThat(m).isEqualTo("'version' is required"))
                .anySatisfy(m -> assertThat(m).isEqualTo("tier A must be a number, was 'eighty'"))
                .anySatisfy(m -> assertThat(m).contains("lowest tier must start at 0"))
                .anySatisfy(m -> assertThat(m).startsWith("required field 'headcount' is not an account field"))
                .anySatisfy(m -> assertThat(m).isEqualTo("cap.stack must be 0 or more, was -3"))
                .anySatisfy(m -> assertThat(m).isEqualTo("expected key=value, found 'just some words'"));
        assertThat(errors).filteredOn(d -> d.message().startsWith("tier A")).singleElement()
                .extracting(Diagnostic::line).isEqualTo(3);
        assertThat(errors).filteredOn(d -> d.message().startsWith("expected")).singleElement()
                .extracting(Diagnostic::line).isEqualTo(6);
    }

    @Test
    void errorsFromManifestAndSeveralFilesComeTogetherInFileOrder() {
        RulesetException e = (RulesetException) catchAll(TestRulesets.manifest("version=1\n")
                .drl("b.drl", "rule \"B\" @kind(soft)\nwhen Account() then end\n")
                .drl("a.drl", "rule \"A\" @kind(hard)\nwhen Account( nope > 1 ) then end\n"));
        assertThat(e.diagnostics()).extracting(Diagnostic::file)
                .containsExactly("a.drl", "b.drl", "ruleset.properties");
        assertThat(e.getMessage()).contains("has 3 errors").contains("a.drl:6:");
    }

    private static Exception catchAll(TestRulesets r) {
        try {
            r.engine().close();
            throw new AssertionError("compiled");
        } catch (RulesetException e) {
            return e;
        }
    }

    @Test
    void warningsDoNotStopCompilationAndAreAvailable() {
        try (FitEngine engine = TestRulesets.manifest("name=w\nversion=1\ncolour=blue\ncap.nothing=5\n").drl("w.drl", ""
                + "rule \"Hard with points\" @kind(hard) @points(5) @reason(\"{employes}\") @weight(3)\n"
                + "when Account() then end\n").engine()) {
            assertThat(engine.warnings()).extracting(Diagnostic::message)
                    .anySatisfy(m -> assertThat(m).contains("@points is ignored on a hard rule"))
                    .anySatisfy(m -> assertThat(m).contains("placeholder {employes} is not an account field"))
                    .anySatisfy(m -> assertThat(m).contains("unknown metadata @weight"))
                    .anySatisfy(m -> assertThat(m).contains("unknown key 'colour'"))
                    .anySatisfy(m -> assertThat(m).contains("cap.nothing caps a group no rule belongs to"));
        }
    }

    @Test
    void folderWithoutManifestOrRulesIsRejected(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> RulesetSource.fromDirectory(dir)).isInstanceOf(RulesetException.class)
                .hasMessageContaining("the ruleset has no manifest").hasMessageContaining("no .drl file");
        assertThatThrownBy(() -> RulesetSource.fromDirectory(dir.resolve("missing")))
                .isInstanceOf(RulesetException.class).hasMessageContaining("does not exist");
        Files.write(dir.resolve("bad.drl"), new byte[] {(byte) 0xC3, (byte) 0x28});
        Files.writeString(dir.resolve("ruleset.properties"), "name=x\nversion=1\n");
        assertThatThrownBy(() -> RulesetSource.fromDirectory(dir)).isInstanceOf(RulesetException.class)
                .hasMessageContaining("bad.drl:0:0: error: file is not valid UTF-8 text");
    }

    @Test
    void folderRulesetCompilesAndHashIgnoresOtherFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ruleset.properties"), "name=folder\nversion=3\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/r.drl"), TestRulesets.HEADER + "rule \"R\" @kind(hard)\nwhen Account() then end\n");
        String before;
        try (FitEngine e = IcpRules.fromDirectory(dir)) {
            before = e.ruleset().contentHash();
            assertThat(e.ruleset().name()).isEqualTo("folder");
        }
        Files.writeString(dir.resolve("NOTES.md"), "notes");
        assertThat(RulesetSource.fromDirectory(dir).contentHash()).isEqualTo(before);
        assertThat(RulesetSource.fromDirectory(dir).files()).containsOnlyKeys("ruleset.properties", "sub/r.drl");
        Files.writeString(dir.resolve("sub/r.drl"), TestRulesets.HEADER + "rule \"R2\" @kind(hard)\nwhen Account() then end\n");
        assertThat(RulesetSource.fromDirectory(dir).contentHash()).isNotEqualTo(before);
        assertThat(RulesetSource.of("x", false, Map.of("ruleset.properties", "name=a\r\nversion=1\r\n", "a.drl", "x"))
                .contentHash()).isEqualTo(RulesetSource.of("x", false,
                Map.of("ruleset.properties", "name=a\nversion=1\n", "a.drl", "x")).contentHash());
    }
}

package io.icprules.drools;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RuleTrust;
import io.icprules.engine.RulesetSource;
import io.icprules.error.Diagnostic;
import io.icprules.error.RulesetException;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule files from untrusted places can only score: every way out is rejected with file and line. */
class RestrictedModeTest {

    static RulesetSource untrusted(String rules) {
        return untrusted(TestRulesets.HEADER, rules);
    }

    static RulesetSource untrusted(String header, String rules) {
        return RulesetSource.of("upload", false, Map.of("ruleset.properties", "name=r\nversion=1\n",
                "r.drl", header + rules));
    }

    static List<Diagnostic> errors(String rules) {
        try (FitEngine e = IcpRules.builder().ruleset(untrusted(rules)).build()) {
            throw new AssertionError("compiled: " + e);
        } catch (RulesetException ex) {
            return ex.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            fully qualified call in eval      | rule "X" @kind(hard) when eval( java.lang.System.currentTimeMillis() > 0 ) then end              | 'java.lang.System' is not allowed
            simple System in eval             | rule "X" @kind(hard) when eval( System.getenv() != null ) then end                               | 'getenv' is not allowed
            Runtime                           | rule "X" @kind(hard) when eval( Runtime.getRuntime() != null ) then end                          | 'getRuntime' is not allowed
            reflection through getClass       | rule "X" @kind(hard) when Account( name.getClass().getName() == "x" ) then end                   | 'getClass' is not allowed
            MVEL property path to class       | rule "X" @kind(hard) when Account( this.class.classLoader != null ) then end                      | 'class' is not allowed
            Class.forName                     | rule "X" @kind(hard) when eval( Class.forName("java.lang.Runtime") != null ) then end             | 'forName' is not allowed
            from over a static call           | rule "X" @kind(hard) when $p : Object() from System.getProperties() then end                     | 'getProperties' is not allowed
            from over a qualified static call | rule "X" @kind(hard) when $p : String() from java.nio.file.Files.readAllLines(null) then end     | 'java.nio.file.Files' is not allowed
            new of a file                     | rule "X" @kind(hard) when eval( new java.io.File("/etc/passwd").exists() ) then end              | 'new java.io.File' is not allowed
            new of a thread                   | rule "X" @kind(hard) when eval( new Thread() != null ) then end                                  | 'new Thread' is not allowed
            MVEL evaluator                    | rule "X" @kind(hard) when eval( org.mvel2.MVEL.eval("1") != null ) then end                      | 'org.mvel2.MVEL' is not allowed
            code in a consequence             | rule "X" @kind(hard) when Account() then System.out.println("hi"); end                          | consequence must be empty
            insert in a consequence           | rule "X" @kind(hard) when Account() then insert(new Object()); end                              | consequence must be empty
            a function                        | function int f() { return 1; } rule "X" @kind(hard) when Account() then end                     | 'function' is not allowed
            a global                          | global java.util.List out; rule "X" @kind(hard) when Account() then end                         | 'global' is not allowed
            a loop                            | rule "X" @kind(hard) when eval( while (true) { } ) then end                                     | loops are not allowed
            a cast to a forbidden type        | rule "X" @kind(hard) when Account( ((java.lang.Object) name) != null ) then end                 | 'java.lang.Object' is not allowed
            """)
    void escapeAttemptIsRejected(String what, String rule, String message) {
        List<Diagnostic> errors = errors(rule + "\n");
        assertThat(errors).as(what).anySatisfy(d -> {
            assertThat(d.file()).isEqualTo("r.drl");
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.column()).isPositive();
            assertThat(d.message()).contains(message);
        });
    }

    @Test
    void importsOutsideTheAllowListAreRejectedWithTheirLine() {
        RulesetSource source = RulesetSource.of("upload", false, Map.of("ruleset.properties", "name=r\nversion=1\n",
                "r.drl", "package p;\nimport io.icprules.fact.Account;\nimport java.io.File;\nimport java.util.*;\n"
                        + "import static java.lang.System.exit;\nimport function java.lang.System.exit;\n"
                        + "rule \"X\" @kind(hard) when Account() then end\n"));
        assertThatThrownBy(() -> IcpRules.builder().ruleset(source).build()).isInstanceOfSatisfying(RulesetException.class,
                e -> assertThat(e.diagnostics()).extracting(Diagnostic::line).contains(3, 5, 6).doesNotContain(2, 4));
    }

    @Test
    void ordinaryScoringRulesPass() {
        String rules = ""
                + "declare Band\n  low : int\nend\n"
                + "rule \"Maths\" @kind(soft) @points(5) @reason(\"System and Runtime in a string are fine\")\n"
                + "when Account( Math.max(employees, 1) > 10, industry.toLowerCase() == \"retail\" ) then end\n"
                + "rule \"Dates\" @kind(trigger) @points(5) @halfLife(P30D)\n"
                + "when Event( type == \"funding_round\", date.isAfter(LocalDate.of(2020, 1, 1)), daysAgo <= 90 ) then end\n"
                + "rule \"Counted\" @kind(soft) @points(2)\n"
                + "when Account()\n $n : Number( intValue >= 2 ) from accumulate( Contact(), count(1) ) then end\n"
                + "rule \"Money\" @kind(soft) @points(1)\n"
                + "when Account( annualRevenue != null, annualRevenue > new BigDecimal(\"1000000\").longValue() ) then end\n";
        String header = TestRulesets.HEADER.replace("\n", " ") + "import java.time.LocalDate; import java.math.BigDecimal;\n";
        try (FitEngine e = IcpRules.builder().ruleset(untrusted(header, rules)).build()) {
            assertThat(e.evaluate(AccountFacts.of(Account.builder("a").industry("Retail").employees(50)
                    .annualRevenue(5_000_000L).build()), LocalDate.of(2026, 11, 1)).score()).isEqualByComparingTo("6");
        }
    }

    @Test
    void trustDecidesWhetherTheCheckRuns(@TempDir Path dir) throws Exception {
        String codeInConsequence = "rule \"X\" @kind(hard) when Account() then System.out.print(\"\"); end\n";
        // trusted (class path or said so): not restricted by default
        try (FitEngine e = IcpRules.builder().ruleset(TestRulesets.basic().drl("r.drl", codeInConsequence).source()).build()) {
            assertThat(e.ruleset().name()).isEqualTo("test");
        }
        // forced
        assertThatThrownBy(() -> IcpRules.builder().ruleTrust(RuleTrust.RESTRICTED)
                .ruleset(TestRulesets.basic().drl("r.drl", codeInConsequence).source()).build())
                .isInstanceOf(RulesetException.class).hasMessageContaining("consequence must be empty");
        // a folder outside the class path is untrusted: restricted by default, unless the application says otherwise
        Files.writeString(dir.resolve("ruleset.properties"), "name=f\nversion=1\n");
        Files.writeString(dir.resolve("r.drl"), TestRulesets.HEADER + codeInConsequence);
        assertThatThrownBy(() -> IcpRules.fromDirectory(dir)).isInstanceOf(RulesetException.class)
                .hasMessageContaining("r.drl:5:");
        try (FitEngine e = IcpRules.builder().ruleTrust(RuleTrust.UNRESTRICTED)
                .ruleset(RulesetSource.fromDirectory(dir)).build()) {
            assertThat(e.ruleset().name()).isEqualTo("f");
        }
    }
}

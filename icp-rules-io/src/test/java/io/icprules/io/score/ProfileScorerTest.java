package io.icprules.io.score;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.ProfileSet;
import io.icprules.engine.RulesetSource;
import io.icprules.testing.TinyRuleset;
import io.icprules.io.synthetic.SyntheticAccounts;
import io.icprules.io.AccountRecord;
import io.icprules.io.ProfiledRecord;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.result.FitResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Scoring against several profiles keeps order, one output per input, and isolates a failing profile. */
class ProfileScorerTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    @TempDir
    static Path dir;

    private static ProfileSet profiles;

    /** A second profile that favours software, and whose evaluation fails for accounts founded in 1999. */
    static final String SOFTWARE_RULES = """
            package icp.soft;
            import io.icprules.fact.Account;

            rule "Any size" @kind(hard) when Account() then end
            rule "Software" @kind(soft) @points(50) when Account( industry == "Software" ) then end
            rule "Retail too" @kind(soft) @points(20) when Account( industry == "Retail" ) then end
            rule "Explodes" @kind(soft) @points(1)
            when Account( foundedYear != null, 1 / (foundedYear - 1999) > 1000 ) then end
            """;

    @BeforeAll
    static void compile() throws IOException {
        FitEngine retail = IcpRules.fromDirectory(TinyRuleset.write(dir.resolve("a")));
        FitEngine software = IcpRules.builder().ruleset(RulesetSource.of("mem", false, Map.of(
                "ruleset.properties", "name=software\nversion=2\n", "rules.drl", SOFTWARE_RULES))).build();
        profiles = ProfileSet.builder().add("t", retail).add("software", software).build();
    }

    @AfterAll
    static void close() {
        profiles.close();
    }

    private static AccountRecord ok(long line, Account account) {
        return AccountRecord.ok(line, AccountFacts.of(account));
    }

    @Test
    void everyRecordGetsEveryProfileAndTheBestFit() {
        List<ProfiledRecord> out;
        try (Stream<ProfiledRecord> s = ProfileScorer.score(profiles, Stream.of(
                ok(2, Account.builder("retail").industry("Retail").employees(200).build()),
                AccountRecord.error(3, "bad", "employees: '12a' is not a whole number"),
                ok(4, Account.builder("soft").industry("Software").employees(200).build()),
                ok(5, Account.builder("boom").industry("Boom").employees(200).foundedYear(1999).build()),
                ok(6, Account.builder("tiny").employees(5).build())), AS_OF)) {
            out = s.toList();
        }

        assertThat(out).extracting(ProfiledRecord::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        ProfiledRecord retail = out.get(0);
        assertThat(retail.profiles().keySet()).containsExactly("t", "software");
        assertThat(retail.profiles().get("t").result().score()).isEqualByComparingTo("30.0");
        assertThat(retail.profiles().get("software").result().score()).isEqualByComparingTo("20.0");
        assertThat(retail.bestProfile()).isEqualTo("t");
        assertThat(out.get(1).isError()).isTrue();
        assertThat(out.get(1).error()).contains("12a");
        assertThat(out.get(1).profiles()).isEmpty();
        assertThat(out.get(2).bestProfile()).as("EXCLUDED nowhere; software scores higher").isEqualTo("software");
        ProfiledRecord boom = out.get(3);
        assertThat(boom.profiles().get("software").isError()).isTrue();
        assertThat(boom.profiles().get("software").error()).startsWith("evaluation failed: ").contains("Explodes");
        assertThat(boom.profiles().get("t").result()).as("the other profile keeps its result").isNotNull();
        assertThat(boom.bestProfile()).as("the best among the results there are").isEqualTo("t");
        FitResult tiny = out.get(4).profiles().get("t").result();
        assertThat(tiny.decision().name()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(out.get(4).bestProfile()).isEqualTo("software");
    }

    @Test
    void largeInputsKeepTheirOrderAcrossParallelChunks() {
        long n = ProfileScorer.CHUNK * 2L + 37;
        AtomicLong line = new AtomicLong(1);
        List<ProfiledRecord> out;
        try (Stream<ProfiledRecord> s = ProfileScorer.score(profiles,
                SyntheticAccounts.stream(n, 3, AS_OF).map(f -> AccountRecord.ok(line.incrementAndGet(), f)), AS_OF)) {
            out = s.toList();
        }

        assertThat(out).hasSize((int) n);
        for (int i = 0; i < n; i++) {
            assertThat(out.get(i).line()).isEqualTo(i + 2L);
        }
        List<String> expectedIds = SyntheticAccounts.stream(n, 3, AS_OF).map(AccountFacts::accountId).toList();
        assertThat(out).extracting(ProfiledRecord::accountId).containsExactlyElementsOf(expectedIds);
        assertThat(out).allSatisfy(r -> assertThat(r.profiles().get("t").result().accountId()).isEqualTo(r.accountId()));
    }
}

package io.icprules.examples.profiles;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.io.AccountReader;
import io.icprules.io.AccountRecord;
import io.icprules.io.RelatedFacts;
import io.icprules.result.Decision;
import io.icprules.result.FitResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example profiles decide their example accounts exactly as their one-pagers
 * (docs/example-profiles.md) say, as of 2026-11-01: every account, decision, tier and score.
 */
class ExampleProfilesTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    static final Path RULESETS = Path.of("rulesets");
    static final Path DATA = Path.of("data");

    @ParameterizedTest
    @ValueSource(strings = {"workforce-scheduling", "growth-agency", "msp-manufacturing"})
    void exampleAccountsGetTheDocumentedDecisions(String profile) throws IOException {
        Map<String, String[]> expected = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(DATA.resolve(profile).resolve("expected.csv"));
        assertThat(lines.get(0)).isEqualTo("account_id,decision,tier,score");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            expected.put(cells[0], cells);
        }
        Path dir = DATA.resolve(profile);
        Path accounts = Files.exists(dir.resolve("accounts.csv")) ? dir.resolve("accounts.csv") : dir.resolve("accounts.jsonl");
        RelatedFacts related = Files.exists(dir.resolve("events.csv"))
                ? RelatedFacts.load(dir.resolve("events.csv"), dir.resolve("contacts.csv")) : RelatedFacts.none();

        Set<Decision> seen = EnumSet.noneOf(Decision.class);
        Map<String, FitResult> actual = new LinkedHashMap<>();
        try (FitEngine engine = IcpRules.fromDirectory(RULESETS.resolve(profile));
             AccountReader reader = AccountReader.open(accounts);
             Stream<AccountRecord> records = reader.records()) {
            assertThat(engine.warnings()).isEmpty();
            records.map(related::attach).forEach(r -> {
                assertThat(r.isError()).as("record %s: %s", r.line(), r.error()).isFalse();
                actual.put(r.accountId(), engine.evaluate(r.facts(), AS_OF));
            });
        }
        assertThat(related.orphans()).isEmpty();
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        actual.forEach((id, result) -> {
            String[] e = expected.get(id);
            assertThat(result.decision().name()).as("%s decision%n%s", id, result.explain()).isEqualTo(e[1]);
            assertThat(result.tier()).as("%s tier%n%s", id, result.explain()).isEqualTo(e[2]);
            assertThat(result.score()).as("%s score%n%s", id, result.explain()).isEqualByComparingTo(e[3]);
            seen.add(result.decision());
        });
        assertThat(seen).as("every decision is illustrated").containsExactlyInAnyOrder(Decision.values());
    }
}

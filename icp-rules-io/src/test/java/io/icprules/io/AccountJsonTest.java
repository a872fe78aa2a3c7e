package io.icprules.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The account object mapping shared by JSON Lines files and case files. */
class AccountJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AccountJson.Parsed read(String json) throws Exception {
        return AccountJson.read(JSON.readTree(json));
    }

    @Test
    void readsAFullAccount() throws Exception {
        AccountJson.Parsed p = read("""
                {"id": "a-1", "name": "Acme", "employees": "250", "annual_revenue": 9000000, "country": "gb",
                 "technologies": ["Toast"], "attributes": {"locations": 3, "share": 0.5, "since": "2020-01-31"},
                 "events": [{"type": "funding_round", "date": "2026-10-01", "details": {"round": "B", "usd": 5}}],
                 "contacts": [{"role": "champion"}]}
                """);

        assertThat(p.ok()).isTrue();
        assertThat(p.problems()).isEmpty();
        assertThat(p.accountId()).isEqualTo("a-1");
        assertThat(p.facts().account().getEmployees()).isEqualTo(250);
        assertThat(p.facts().account().getCountry()).isEqualTo("GB");
        assertThat(p.facts().account().getAttributes()).containsEntry("locations", 3L).containsEntry("share", 0.5)
                .containsEntry("since", LocalDate.of(2020, 1, 31));
        assertThat(p.facts().events()).singleElement().satisfies(e -> assertThat(e.getDetails()).containsEntry("usd", "5"));
        assertThat(p.facts().contacts()).hasSize(1);
    }

    @Test
    void collectsEveryProblemWithTheKeyAndTheValue() throws Exception {
        AccountJson.Parsed p = read("""
                {"id": "a-2", "employees": -4, "annual_revenue": 1.5, "country": "USA", "colour": "red",
                 "events": [{"type": "x"}, {"date": "2026-02-30", "type": "y"}, 7], "contacts": [{"mood": "happy"}]}
                """);

        assertThat(p.ok()).isFalse();
        assertThat(p.facts()).isNull();
        assertThat(p.accountId()).isEqualTo("a-2");
        assertThat(p.problems()).containsExactly(
                "employees: must be 0 or more, was -4",
                "annual_revenue: expected a whole number, was the number 1.5",
                "country: must be an ISO 3166-1 alpha-2 code such as US or DE, was 'USA' (use the two-letter code US for USA)",
                "events[0].date: is required",
                "events[1].date: '2026-02-30' is not a valid date",
                "events[2]: expected an object, was the number 7",
                "contacts[0]: unknown key 'mood' (accepted: department, name, role, seniority, title)",
                "unknown key 'colour' (accepted: " + String.join(", ", AccountJson.KEYS) + ")");
        assertThat(p.describeProblems()).startsWith("employees: must be 0 or more, was -4; annual_revenue: ");
    }

    @Test
    void needsAnObjectWithAnId() throws Exception {
        assertThat(read("[1]").problems()).containsExactly("an account must be an object, was an array");
        assertThat(read("{\"id\": \" \"}").problems()).containsExactly("id: is required and must be non-blank text, was ' '");
        assertThat(read("{\"id\": 17}").accountId()).isEqualTo("17");
    }
}

package io.icprules.io.synthetic;

import io.icprules.io.AccountReader;
import io.icprules.io.AccountRecord;
import io.icprules.io.RelatedFacts;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.fact.Contact;
import io.icprules.fact.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticAccountsTest {

    private static final LocalDate ANCHOR = SyntheticAccounts.DEFAULT_ANCHOR;

    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesByteIdenticalFilesAndAnotherSeedDifferentOnes() throws IOException {
        SyntheticAccounts.writeCsv(dir.resolve("a"), 300, 7, ANCHOR);
        SyntheticAccounts.writeCsv(dir.resolve("b"), 300, 7, ANCHOR);
        SyntheticAccounts.writeCsv(dir.resolve("c"), 300, 8, ANCHOR);
        SyntheticAccounts.writeJsonLines(dir.resolve("a"), 300, 7, ANCHOR);
        SyntheticAccounts.writeJsonLines(dir.resolve("b"), 300, 7, ANCHOR);
        SyntheticAccounts.writeJsonLines(dir.resolve("c"), 300, 8, ANCHOR);

        for (String f : List.of("accounts.csv", "events.csv", "contacts.csv", "accounts.jsonl")) {
            byte[] a = Files.readAllBytes(dir.resolve("a").resolve(f));
            assertThat(a).as(f).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
            assertThat(a).as(f).isNotEqualTo(Files.readAllBytes(dir.resolve("c").resolve(f)));
        }
    }

    @Test
    void accountsCanBeMadeOneByOneAndMatchTheStream() {
        List<AccountFacts> all = SyntheticAccounts.stream(50, 1, ANCHOR).toList();

        assertThat(all).hasSize(50);
        assertThat(all.get(0).accountId()).isEqualTo("acc-0000001");
        assertThat(SyntheticAccounts.account(37, 1, ANCHOR)).isEqualTo(all.get(37));
        assertThat(SyntheticAccounts.stream(0, 1, ANCHOR)).isEmpty();
        assertThatThrownBy(() -> SyntheticAccounts.stream(-1, 1, ANCHOR)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csvFilesReadBackToTheSameFacts() throws IOException {
        SyntheticAccounts.Written w = SyntheticAccounts.writeCsv(dir, 400, 3, ANCHOR);
        RelatedFacts related = RelatedFacts.load(dir.resolve("events.csv"), dir.resolve("contacts.csv"));

        List<AccountRecord> records;
        try (AccountReader r = AccountReader.open(dir.resolve("accounts.csv")); Stream<AccountRecord> s = r.records()) {
            records = s.map(related::attach).toList();
        }

        assertThat(records).noneMatch(AccountRecord::isError);
        assertThat(records.stream().map(AccountRecord::facts).toList())
                .isEqualTo(SyntheticAccounts.stream(400, 3, ANCHOR).toList());
        assertThat(related.orphans()).isEmpty();
        assertThat(w.events()).isEqualTo(related.eventRows());
        assertThat(w.contacts()).isEqualTo(related.contactRows());
    }

    @Test
    void jsonLinesReadBackToTheSameFacts() throws IOException {
        SyntheticAccounts.writeJsonLines(dir, 400, 3, ANCHOR);

        List<AccountRecord> records;
        try (AccountReader r = AccountReader.open(dir.resolve("accounts.jsonl")); Stream<AccountRecord> s = r.records()) {
            records = s.toList();
        }

        assertThat(records).noneMatch(AccountRecord::isError);
        assertThat(records.stream().map(AccountRecord::facts).toList())
                .isEqualTo(SyntheticAccounts.stream(400, 3, ANCHOR).toList());
    }

    @Test
    void theMixLooksLikeARealCompanyList() {
        List<AccountFacts> all = SyntheticAccounts.stream(2000, 11, ANCHOR).toList();
        List<Account> accounts = all.stream().map(AccountFacts::account).toList();

        // Some of every field is unknown, most of it is known.
        assertThat(accounts.stream().filter(a -> a.getEmployees() == null).count()).isBetween(40L, 250L);
        assertThat(accounts.stream().filter(a -> a.getIndustry() == null).count()).isBetween(10L, 150L);
        // Log-normal headcount: many small companies, a long tail of large ones.
        List<Integer> heads = accounts.stream().map(Account::getEmployees).filter(Objects::nonNull).sorted().toList();
        int median = heads.get(heads.size() / 2);
        assertThat(median).isBetween(20, 80);
        assertThat(heads.get(heads.size() - 1)).isGreaterThan(2000);
        Set<String> techs = accounts.stream().flatMap(a -> a.getTechnologies().stream()).collect(Collectors.toSet());
        assertThat(techs).contains("Square", "Lightspeed", "Toast", "Clover", "HubSpot", "Marketo", "CompetitorX");
        assertThat(accounts.stream().map(Account::getCountry).filter(Objects::nonNull).distinct().count())
                .isGreaterThan(10);

        List<Event> events = all.stream().flatMap(f -> f.events().stream()).toList();
        assertThat(events.stream().map(Event::getType).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(SyntheticAccounts.EVENT_TYPES);
        assertThat(events).allSatisfy(e -> assertThat(e.getDate())
                .isBeforeOrEqualTo(ANCHOR).isAfter(ANCHOR.minusDays(SyntheticAccounts.EVENT_WINDOW_DAYS + 1)));
        List<Contact> contacts = all.stream().flatMap(f -> f.contacts().stream()).toList();
        assertThat(contacts.stream().map(Contact::getRole).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("economic_buyer", "champion", "influencer", "user");
        assertThat(contacts).allSatisfy(c -> assertThat(c.getDepartment()).isNotBlank());
    }

    @Test
    void theAnchorMovesEventDates() {
        LocalDate other = LocalDate.of(2020, 1, 1);
        assertThat(SyntheticAccounts.stream(200, 5, other).flatMap(f -> f.events().stream()))
                .allSatisfy(e -> assertThat(e.getDate()).isBeforeOrEqualTo(other));
    }
}

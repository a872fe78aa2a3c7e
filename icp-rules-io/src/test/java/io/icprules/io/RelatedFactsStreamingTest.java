package io.icprules.io;

import io.icprules.io.synthetic.SyntheticAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link RelatedFacts#open} against {@link RelatedFacts#load}: over generated files and damaged,
 * reordered and repeated variants of them, the streaming join gives exactly the records, unclaimed rows
 * and row counts of the in-memory one, and files it cannot stream are detected and held in memory.
 */
class RelatedFactsStreamingTest {

    private static final int ACCOUNTS = 3_000;

    @TempDir
    static Path generated;

    @TempDir
    Path dir;

    /** The generated files' data lines, without their headers. */
    private static Data original;

    @BeforeAll
    static void generate() throws IOException {
        SyntheticAccounts.writeCsv(generated, ACCOUNTS, 11, SyntheticAccounts.DEFAULT_ANCHOR);
        original = Data.read(generated);
    }

    /** The three files as lines: a header, then one row a line (generated cells hold no line breaks). */
    private record Data(String accountsHeader, List<String> accounts, String eventsHeader, List<String> events,
                        String contactsHeader, List<String> contacts) {

        static Data read(Path dir) throws IOException {
            List<String> a = Files.readAllLines(dir.resolve("accounts.csv"));
            List<String> e = Files.readAllLines(dir.resolve("events.csv"));
            List<String> c = Files.readAllLines(dir.resolve("contacts.csv"));
            return new Data(a.get(0), a.subList(1, a.size()), e.get(0), e.subList(1, e.size()), c.get(0),
                    c.subList(1, c.size()));
        }

        Data with(List<String> a, List<String> e, List<String> c) {
            return new Data(accountsHeader, a, eventsHeader, e, contactsHeader, c);
        }

        void write(Path dir) throws IOException {
            Files.createDirectories(dir);
            write(dir.resolve("accounts.csv"), accountsHeader, accounts);
            write(dir.resolve("events.csv"), eventsHeader, events);
            write(dir.resolve("contacts.csv"), contactsHeader, contacts);
        }

        private static void write(Path file, String header, List<String> rows) throws IOException {
            List<String> all = new ArrayList<>();
            all.add(header);
            all.addAll(rows);
            Files.write(file, all, StandardCharsets.UTF_8);
        }
    }

    /** What a join produced. */
    private record Outcome(List<AccountRecord> records, List<OrphanRows> orphans, long eventRows, long contactRows) {
    }

    private static Outcome join(Path accounts, RelatedFacts related) throws IOException {
        try (related; AccountReader reader = AccountReader.open(accounts); Stream<AccountRecord> s = reader.records()) {
            List<AccountRecord> records = s.map(related::attach).toList();
            return new Outcome(records, related.orphans(), related.eventRows(), related.contactRows());
        }
    }

    private static String idOf(String line) {
        return line.substring(0, line.indexOf(','));
    }

    /** The rows of each account, in file order. */
    private static Map<String, List<String>> byAccount(List<String> rows) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.computeIfAbsent(idOf(r), k -> new ArrayList<>()).add(r));
        return out;
    }

    private static List<String> shuffled(List<String> rows, long seed) {
        List<String> out = new ArrayList<>(rows);
        Collections.shuffle(out, new Random(seed));
        return out;
    }

    private static List<String> inserted(List<String> rows, int at, String... lines) {
        List<String> out = new ArrayList<>(rows);
        out.addAll(at, List.of(lines));
        return out;
    }

    /** Replaces the date of every 97th event and makes every 89th contact a cell too wide. */
    private static Data badRows(Data d) {
        List<String> events = new ArrayList<>(d.events());
        for (int i = 5; i < events.size(); i += 97) {
            String[] cells = events.get(i).split(",", 4);
            events.set(i, cells[0] + "," + cells[1] + ",2026-13-01," + cells[3]);
        }
        List<String> contacts = new ArrayList<>(d.contacts());
        for (int i = 3; i < contacts.size(); i += 89) {
            contacts.set(i, contacts.get(i) + ",extra");
        }
        List<String> accounts = new ArrayList<>(d.accounts());
        // An account with bad values whose event rows are bad too, and one whose id is missing.
        String withBadEvent = idOf(events.get(5));
        for (int i = 0; i < accounts.size(); i++) {
            if (idOf(accounts.get(i)).equals(withBadEvent)) {
                accounts.set(i, accounts.get(i).replaceFirst(",(\\d+),", ",12a,"));
            }
        }
        String noRows = withoutRows(d);
        for (int i = 0; i < accounts.size(); i++) {
            if (idOf(accounts.get(i)).equals(noRows)) {
                accounts.set(i, accounts.get(i).substring(noRows.length()));
            }
        }
        return d.with(accounts, events, contacts);
    }

    /** Moves the first row of the first account with several events after the next account's rows. */
    private static List<String> splitOneGroup(List<String> rows) {
        List<String> out = new ArrayList<>(rows);
        for (int i = 0; i + 1 < out.size(); i++) {
            if (idOf(out.get(i)).equals(idOf(out.get(i + 1)))) {
                int next = i + 1;
                while (next < out.size() && idOf(out.get(next)).equals(idOf(out.get(i)))) {
                    next++;
                }
                int after = next;
                while (after < out.size() && idOf(out.get(after)).equals(idOf(out.get(next)))) {
                    after++;
                }
                String moved = out.remove(i);
                out.add(after - 1, moved);
                return out;
            }
        }
        throw new IllegalStateException("no account with several rows");
    }

    /** The accounts in another order, as a CRM might export them, with the related rows following it. */
    private static Data crmOrder(Data d) {
        List<String> accounts = shuffled(d.accounts(), 5);
        return d.with(accounts, follow(accounts, d.events()), follow(accounts, d.contacts()));
    }

    private static List<String> follow(List<String> accounts, List<String> rows) {
        Map<String, List<String>> groups = byAccount(rows);
        List<String> out = new ArrayList<>();
        accounts.forEach(a -> out.addAll(groups.getOrDefault(idOf(a), List.of())));
        return out;
    }

    /** Drops every row of the accounts at an index divisible by three. */
    private static List<String> withoutEveryThird(List<String> accounts, List<String> rows) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            index.put(idOf(accounts.get(i)), i);
        }
        return rows.stream().filter(r -> index.get(idOf(r)) % 3 != 0).toList();
    }

    /** The first account with both events and contacts. */
    private static String firstWithRows(Data d) {
        Map<String, List<String>> contacts = byAccount(d.contacts());
        return byAccount(d.events()).keySet().stream().filter(contacts::containsKey).findFirst().orElseThrow();
    }

    /** Lists an account again, far from its first listing. */
    private static List<String> listedAgainAtTheEnd(List<String> accounts, String id) {
        List<String> out = new ArrayList<>(accounts);
        out.add(accounts.stream().filter(a -> idOf(a).equals(id)).findFirst().orElseThrow());
        return out;
    }

    /** An account with neither events nor contacts. */
    private static String withoutRows(Data d) {
        Map<String, List<String>> events = byAccount(d.events());
        Map<String, List<String>> contacts = byAccount(d.contacts());
        return d.accounts().stream().map(RelatedFactsStreamingTest::idOf)
                .filter(id -> !events.containsKey(id) && !contacts.containsKey(id)).findFirst().orElseThrow();
    }

    private static Arguments variant(String name, UnaryOperator<Data> change, Map<String, OutOfOrder.Reason> held) {
        return Arguments.of(name, change, held);
    }

    static Stream<Arguments> variants() {
        String orphanEvent = "zz-orphan-1,funding_round,2026-01-01,";
        String orphanContact = "zz-orphan-2,\"Ann Other\",CFO,economic_buyer,c_level,finance";
        OutOfOrder.Reason order = OutOfOrder.Reason.NOT_IN_ACCOUNT_ORDER;
        OutOfOrder.Reason missing = OutOfOrder.Reason.ACCOUNT_NOT_IN_ACCOUNTS_FILE;
        return Stream.of(
                variant("as generated", d -> d, Map.of()),
                variant("related rows shuffled", d -> d.with(d.accounts(), shuffled(d.events(), 1),
                        shuffled(d.contacts(), 2)), Map.of("events.csv", order, "contacts.csv", order)),
                variant("events in order, contacts shuffled", d -> d.with(d.accounts(), d.events(),
                        shuffled(d.contacts(), 3)), Map.of("contacts.csv", order)),
                variant("unknown accounts in the middle", d -> d.with(d.accounts(),
                        inserted(d.events(), d.events().size() / 2, orphanEvent, orphanEvent),
                        inserted(d.contacts(), d.contacts().size() / 2, orphanContact)),
                        Map.of("events.csv", missing, "contacts.csv", missing)),
                variant("unknown accounts at the end", d -> d.with(d.accounts(),
                        inserted(d.events(), d.events().size(), orphanEvent),
                        inserted(d.contacts(), d.contacts().size(), orphanContact, orphanContact)),
                        Map.of("events.csv", missing, "contacts.csv", missing)),
                variant("blank account ids before, inside, between and after accounts' rows", d -> {
                    List<String> events = inserted(d.events(), d.events().size(), ",merger,2026-01-01,");
                    events = inserted(events, 200, ",merger,2026-01-01,", ",,,");
                    events = inserted(events, 0, ",exec_hire,2026-02-01,");
                    List<String> contacts = inserted(d.contacts(), 1, ",Nobody,,,,");
                    contacts = inserted(contacts, contacts.size(), "  ,Nobody,,,,");
                    return d.with(d.accounts(), events, contacts);
                }, Map.of()),
                variant("bad event, contact and account rows", RelatedFactsStreamingTest::badRows, Map.of()),
                variant("accounts without rows", d -> d.with(d.accounts(), withoutEveryThird(d.accounts(), d.events()),
                        withoutEveryThird(d.accounts(), d.contacts())), Map.of()),
                variant("one account's rows split in two", d -> d.with(d.accounts(), splitOneGroup(d.events()),
                        d.contacts()), Map.of("events.csv", order)),
                variant("accounts in another order, the rows following it", RelatedFactsStreamingTest::crmOrder, Map.of()),
                variant("an account with rows listed twice in a row", d -> d.with(
                        inserted(d.accounts(), 1, d.accounts().get(0)), d.events(), d.contacts()), Map.of()),
                variant("an account with rows listed twice, apart", d -> d.with(
                        listedAgainAtTheEnd(d.accounts(), firstWithRows(d)), d.events(), d.contacts()),
                        Map.of("events.csv", OutOfOrder.Reason.ACCOUNT_LISTED_TWICE,
                                "contacts.csv", OutOfOrder.Reason.ACCOUNT_LISTED_TWICE)),
                variant("an account without rows listed twice, apart", d -> d.with(
                        listedAgainAtTheEnd(d.accounts(), withoutRows(d)), d.events(), d.contacts()), Map.of()),
                variant("a stray quote in the accounts file", d -> d.with(
                        inserted(d.accounts(), ACCOUNTS / 2, "broken,\"North"), d.events(), d.contacts()), Map.of()),
                variant("stray quotes in events and contacts rows", d -> d.with(d.accounts(),
                        inserted(d.events(), d.events().size() / 2, d.events().get(d.events().size() / 2)
                                .replaceFirst(",", ",\"")),
                        inserted(d.contacts(), 1, "\"" + d.contacts().get(1))), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void streamsWhatItCanAndGivesExactlyWhatLoadingGives(String name, UnaryOperator<Data> change,
                                                          Map<String, OutOfOrder.Reason> held) throws IOException {
        change.apply(original).write(dir);
        Path accounts = dir.resolve("accounts.csv");
        Path events = dir.resolve("events.csv");
        Path contacts = dir.resolve("contacts.csv");

        Outcome loaded = join(accounts, RelatedFacts.load(events, contacts));
        RelatedFacts opened = RelatedFacts.open(() -> AccountReader.open(accounts), events, contacts);
        boolean streams = opened.streams();
        List<OutOfOrder> outOfOrder = opened.outOfOrder();
        Outcome joined = join(accounts, opened);

        assertThat(streams).isEqualTo(held.isEmpty());
        assertThat(outOfOrder).extracting(OutOfOrder::file).containsExactlyInAnyOrderElementsOf(held.keySet());
        outOfOrder.forEach(o -> assertThat(o.reason()).as(o.describe()).isEqualTo(held.get(o.file())));
        assertSameRecords(joined.records(), loaded.records());
        assertThat(joined.orphans()).isEqualTo(loaded.orphans());
        assertThat(joined.eventRows()).isEqualTo(loaded.eventRows()).isEqualTo(Files.readAllLines(events).size() - 1);
        assertThat(joined.contactRows()).isEqualTo(loaded.contactRows());
    }

    /** Record by record, so that a difference names the first record that differs, not two long lists. */
    private static void assertSameRecords(List<AccountRecord> actual, List<AccountRecord> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("record %d", i).isEqualTo(expected.get(i));
        }
    }

    @Test
    void theVariantsReallyDamageTheFiles() throws IOException {
        badRows(original).write(dir);
        Outcome loaded = join(dir.resolve("accounts.csv"),
                RelatedFacts.load(dir.resolve("events.csv"), dir.resolve("contacts.csv")));

        // The equivalence above would be weak if these cases did not come up.
        assertThat(loaded.records()).filteredOn(r -> r.isError() && r.error().contains("events.csv line")).isNotEmpty();
        assertThat(loaded.records()).filteredOn(r -> r.isError() && r.error().contains("contacts.csv line")).isNotEmpty();
        assertThat(loaded.records()).filteredOn(r -> r.isError() && r.error().startsWith("employees:")
                && r.error().contains("events.csv line")).isNotEmpty();
        assertThat(loaded.records()).filteredOn(r -> r.accountId() == null).hasSize(1);
    }

    @Test
    void holdsOneAccountsRowsAtATime() throws IOException {
        Path accounts = generated.resolve("accounts.csv");
        int largest = Stream.of(original.events(), original.contacts())
                .flatMap(rows -> byAccount(rows).values().stream()).mapToInt(List::size).max().orElseThrow();

        try (RelatedFacts related = RelatedFacts.open(() -> AccountReader.open(accounts),
                generated.resolve("events.csv"), generated.resolve("contacts.csv"));
             AccountReader reader = AccountReader.open(accounts); Stream<AccountRecord> records = reader.records()) {
            assertThat(related.streams()).isTrue();
            records.map(related::attach).forEach(r -> assertThat(related.mostRowsHeld()).isLessThanOrEqualTo(largest));

            assertThat(related.mostRowsHeld()).isEqualTo(largest);
            assertThat(largest).isGreaterThan(1).isLessThan(ACCOUNTS / 100);
        }
    }

    @Test
    void addsFileEventsAfterEmbeddedOnesWhenStreamingJsonLines() throws IOException {
        SyntheticAccounts.writeJsonLines(generated, 500, 11, SyntheticAccounts.DEFAULT_ANCHOR);
        Path accounts = generated.resolve("accounts.jsonl");
        Path events = generated.resolve("events.csv");

        Outcome loaded = join(accounts, RelatedFacts.load(events, null));
        RelatedFacts opened = RelatedFacts.open(() -> AccountReader.open(accounts), events, null);
        assertThat(opened.streams()).isFalse(); // rows for accounts beyond the 500th
        assertThat(opened.outOfOrder()).singleElement().extracting(OutOfOrder::reason)
                .isEqualTo(OutOfOrder.Reason.ACCOUNT_NOT_IN_ACCOUNTS_FILE);

        List<String> first500 = original.events().stream()
                .filter(r -> Integer.parseInt(idOf(r).substring(4)) <= 500).toList();
        Path trimmed = dir.resolve("events.csv");
        Files.write(trimmed, Stream.concat(Stream.of(original.eventsHeader()), first500.stream()).toList());
        Outcome loadedTrimmed = join(accounts, RelatedFacts.load(trimmed, null));
        RelatedFacts streamed = RelatedFacts.open(() -> AccountReader.open(accounts), trimmed, null);
        assertThat(streamed.streams()).isTrue();
        Outcome joined = join(accounts, streamed);

        assertSameRecords(joined.records(), loadedTrimmed.records());
        // The generator embeds the same events the CSV holds: embedded ones first, then the file's.
        List<String> types = joined.records().stream().filter(r -> !r.facts().events().isEmpty()).findFirst()
                .orElseThrow().facts().events().stream().map(e -> e.getType()).toList();
        assertThat(types).hasSizeGreaterThan(1);
        assertThat(types.subList(0, types.size() / 2)).isEqualTo(types.subList(types.size() / 2, types.size()));
        assertThat(loaded.records()).hasSize(500);
    }

    @Test
    void aFileThatCannotBeReadFailsAsLoadingItDoes() throws IOException {
        Path accounts = generated.resolve("accounts.csv");
        Path events = generated.resolve("events.csv");
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "account_id,\"type,date\nacc-0000001,merger,2026-01-01\n"); // the header's quote
        Path badHeader = dir.resolve("people.csv");
        Files.writeString(badHeader, "account_id,email\n");
        Path missing = dir.resolve("none.csv");

        for (Path[] files : new Path[][] {{broken, null}, {events, badHeader}, {missing, null}, {broken, badHeader}}) {
            Throwable expected = catchThrowable(() -> RelatedFacts.load(files[0], files[1]));
            assertThat(expected).isInstanceOf(InputFileException.class);
            assertThatThrownBy(() -> RelatedFacts.open(() -> AccountReader.open(accounts), files[0], files[1]))
                    .isInstanceOf(InputFileException.class).hasMessage(expected.getMessage());
        }
    }

    private static Throwable catchThrowable(ThrowingCall call) {
        try {
            call.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void withoutFilesRecordsPassThroughAndNothingIsChecked() throws IOException {
        RelatedFacts related = RelatedFacts.open(() -> {
            throw new AssertionError("the accounts file is not read when there is nothing to join");
        }, null, null);
        AccountRecord r = AccountRecord.error(3, "x", "bad");

        assertThat(related.attach(r)).isSameAs(r);
        assertThat(related.streams()).isTrue();
        assertThat(related.orphans()).isEmpty();
    }

    @Test
    void allEventsNeedsTheEventsInMemory() throws IOException {
        Path accounts = generated.resolve("accounts.csv");
        try (RelatedFacts related = RelatedFacts.open(() -> AccountReader.open(accounts),
                generated.resolve("events.csv"), null)) {
            assertThatThrownBy(related::allEvents).isInstanceOf(IllegalStateException.class);
        }
        assertThat(RelatedFacts.load(generated.resolve("events.csv"), null).allEvents()).hasSize(original.events().size());
    }
}

package io.icprules.io;

import io.icprules.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Which events and contacts files {@link AccountOrderCheck} lets stream, and what it tells the user otherwise. */
class AccountOrderCheckTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return TestFiles.write(dir, name, content);
    }

    private static AccountOrderCheck.Verdict check(Path accounts, Path events) throws IOException {
        return new AccountOrderCheck(() -> AccountReader.open(accounts))
                .check(List.of(new AccountOrderCheck.Related(events, RelatedLayout.EVENTS, ReadOptions.defaults()))).get(0);
    }

    private static String note(AccountOrderCheck.Verdict v) {
        assertThat(v.inOrder()).isFalse();
        return v.outOfOrder().describe();
    }

    @Test
    void filesInTheAccountsOrderStreamWhateverTheIdsLookLike() throws IOException {
        Path accounts = write("accounts.csv", "id\nz\na\n,\nm\nb\n");
        Path events = write("events.csv", "account_id,type,date\n"
                + ",merger,2026-01-01\n"
                + "z,merger,2026-01-01\n"
                + " ,merger,2026-01-01\n"
                + "z,merger,2026-01-02\n"
                + "m,merger,2026-01-01\n"
                + "b,merger,bad date\n");

        assertThat(check(accounts, events)).isEqualTo(AccountOrderCheck.Verdict.IN_ORDER);
    }

    @Test
    void saysWhichRowsAreOutOfOrder() throws IOException {
        Path accounts = write("accounts.csv", "id\na\nb\nc\nd\n");
        Path events = write("events.csv", "account_id,type,date\nd,merger,2026-01-01\na,merger,2026-01-01\n");

        assertThat(note(check(accounts, events))).isEqualTo("events.csv is held in memory, so memory grows with its "
                + "size: it is not in the order of accounts.csv: line 3 (account a) follows rows for account d, which "
                + "accounts.csv lists after a; sorted like accounts.csv (by account_id when the accounts are sorted by "
                + "id), it would be read alongside the accounts instead");
    }

    @Test
    void saysWhichRowsNameAnAccountTheAccountsFileDoesNotHave() throws IOException {
        Path accounts = write("accounts.csv", "id\na\nb\n");
        Path events = write("events.csv", "account_id,type,date\na,merger,2026-01-01\nzz,merger,2026-01-01\n"
                + "b,merger,2026-01-01\n");

        AccountOrderCheck.Verdict v = check(accounts, events);

        assertThat(v.outOfOrder().reason()).isEqualTo(OutOfOrder.Reason.ACCOUNT_NOT_IN_ACCOUNTS_FILE);
        assertThat(note(v)).isEqualTo("events.csv is held in memory, so memory grows with its size: line 3 names "
                + "account zz, which accounts.csv does not have; without rows for accounts accounts.csv does not have, "
                + "and sorted like it, it would be read alongside the accounts instead");
    }

    @Test
    void anAccountListedTwiceApartWithRowsKeepsTheFileInMemory() throws IOException {
        Path accounts = write("accounts.csv", "id\nb\na\nc\na\n");
        Path events = write("events.csv", "account_id,type,date\nb,merger,2026-01-01\na,merger,2026-01-01\n");
        Path others = write("others.csv", "account_id,type,date\nb,merger,2026-01-01\nc,merger,2026-01-01\n");

        AccountOrderCheck.Verdict v = check(accounts, events);

        assertThat(v.outOfOrder().reason()).isEqualTo(OutOfOrder.Reason.ACCOUNT_LISTED_TWICE);
        assertThat(note(v)).isEqualTo("events.csv is held in memory, so memory grows with its size: accounts.csv "
                + "lists account a twice, apart (lines 3 and 5), and this file has rows for it (line 3); with each account listed once in "
                + "accounts.csv, or its repeats next to each other, it would be read alongside the accounts instead");
        assertThat(check(accounts, others)).isEqualTo(AccountOrderCheck.Verdict.IN_ORDER);
    }

    @Test
    void checksEachFileOnItsOwnInOnePassOverTheAccounts() throws IOException {
        Path accounts = write("accounts.csv", "id\na\nb\n");
        Path events = write("events.csv", "account_id,type,date\na,merger,2026-01-01\nb,merger,2026-01-01\n");
        Path contacts = write("contacts.csv", "account_id,name\nb,x\na,y\n");
        AtomicInteger opened = new AtomicInteger();

        List<AccountOrderCheck.Verdict> verdicts = new AccountOrderCheck(() -> {
            opened.incrementAndGet();
            return AccountReader.open(accounts);
        }).check(List.of(new AccountOrderCheck.Related(events, RelatedLayout.EVENTS, ReadOptions.defaults()),
                new AccountOrderCheck.Related(contacts, RelatedLayout.CONTACTS, ReadOptions.defaults())));

        assertThat(verdicts.get(0)).isEqualTo(AccountOrderCheck.Verdict.IN_ORDER);
        assertThat(verdicts.get(1).outOfOrder().file()).isEqualTo("contacts.csv");
        assertThat(opened).hasValue(2); // the walk, and one pass to tell out of order from unknown
    }

    @Test
    void aFileThatCannotBeOpenedIsLeftToLoadingToReport() throws IOException {
        Path accounts = write("accounts.csv", "id\na\n");
        Path badHeader = write("events.csv", "account_id,\"type,date\na,merger,2026-01-01\n");

        assertThat(check(accounts, badHeader)).isEqualTo(AccountOrderCheck.Verdict.UNREADABLE);
        assertThat(check(accounts, dir.resolve("missing.csv"))).isEqualTo(AccountOrderCheck.Verdict.UNREADABLE);
    }

    @Test
    void aBrokenRowIsARowLikeAnyOther() throws IOException {
        Path accounts = write("accounts.csv", "id\na\nb\n");
        Path broken = write("events.csv", "account_id,type,date\na,\"merger,2026-01-01\nb,merger,2026-01-01\n");

        assertThat(check(accounts, broken)).isEqualTo(AccountOrderCheck.Verdict.IN_ORDER);
    }

    /** Unsorted accounts, as a CRM exports them, and events in their order. */
    private Path[] unsorted(int count) throws IOException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("acct-" + i);
        }
        Collections.shuffle(ids, new Random(3));
        StringBuilder accounts = new StringBuilder("id\n");
        StringBuilder events = new StringBuilder("account_id,type,date\n");
        for (String id : ids) {
            accounts.append(id).append('\n');
            events.append(id).append(",merger,2026-01-01\n").append(id).append(",exec_hire,2026-01-02\n");
        }
        return new Path[] {write("accounts.csv", accounts.toString()), write("events.csv", events.toString())};
    }

    @Test
    void idsThatOnlyMayRepeatAreCheckedAgainExactly() throws IOException {
        Path[] files = unsorted(2_000);
        // A 64-bit filter flags nearly every id as a possible repeat; the second pass clears them all.
        AccountOrderCheck tiny = new AccountOrderCheck(() -> AccountReader.open(files[0]), 6, 10_000);

        assertThat(tiny.check(List.of(new AccountOrderCheck.Related(files[1], RelatedLayout.EVENTS, ReadOptions.defaults()))))
                .containsExactly(AccountOrderCheck.Verdict.IN_ORDER);
        assertThat(check(files[0], files[1])).isEqualTo(AccountOrderCheck.Verdict.IN_ORDER);
    }

    @Test
    void givesUpWhenTooManyIdsMayRepeatUnlessTheAccountsAreSorted() throws IOException {
        Path[] files = unsorted(2_000);
        AccountOrderCheck tiny = new AccountOrderCheck(() -> AccountReader.open(files[0]), 6, 100);

        AccountOrderCheck.Verdict v = tiny.check(List.of(new AccountOrderCheck.Related(files[1], RelatedLayout.EVENTS, ReadOptions.defaults())))
                .get(0);

        assertThat(v.outOfOrder().reason()).isEqualTo(OutOfOrder.Reason.ACCOUNTS_TOO_LONG_TO_CHECK);
        assertThat(note(v)).isEqualTo("events.csv is held in memory, so memory grows with its size: accounts.csv is "
                + "not sorted by id, and too long to rule out cheaply that it lists an account twice, apart; with both "
                + "files sorted by account id, it would be read alongside the accounts instead");

        Path sorted = write("sorted.csv", "id\n" + String.join("\n", Files.readAllLines(files[0]).subList(1, 2_001)
                .stream().sorted().toList()) + "\n");
        Path sortedEvents = write("sorted-events.csv", "account_id,type,date\n" + String.join("\n",
                Files.readAllLines(files[1]).subList(1, 4_001).stream().sorted().toList()) + "\n");
        AccountOrderCheck tinyOverSorted = new AccountOrderCheck(() -> AccountReader.open(sorted), 6, 100);
        assertThat(tinyOverSorted.check(List.of(new AccountOrderCheck.Related(sortedEvents, RelatedLayout.EVENTS, ReadOptions.defaults()))))
                .containsExactly(AccountOrderCheck.Verdict.IN_ORDER);
    }
}

package io.icprules.io.score;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.testing.TinyRuleset;
import io.icprules.io.AccountRecord;
import io.icprules.io.ScoredRecord;
import io.icprules.fact.Account;
import io.icprules.fact.AccountFacts;
import io.icprules.result.Decision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RecordScorerTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    @TempDir
    static Path dir;

    private static FitEngine engine;

    @BeforeAll
    static void compile() throws IOException {
        engine = IcpRules.fromDirectory(TinyRuleset.write(dir));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static AccountRecord ok(long line, String id, int employees) {
        return AccountRecord.ok(line, AccountFacts.of(Account.builder(id).industry("Retail").employees(employees).build()));
    }

    @Test
    void keepsInputOrderAndPutsErrorRecordsInTheirPlaceAcrossChunks() {
        // More records than one engine chunk, with unreadable records at the start, between
        // readable ones, in long runs and at the end.
        List<AccountRecord> input = new ArrayList<>();
        long line = 2;
        input.add(AccountRecord.error(line++, null, "leading"));
        for (int i = 0; i < 5000; i++) {
            if (i % 7 == 3 || (i >= 2040 && i < 2060)) {
                input.add(AccountRecord.error(line++, "bad-" + i, "bad row " + i));
            } else {
                input.add(ok(line++, "a-" + i, i % 2 == 0 ? 200 : 5000));
            }
        }
        input.add(AccountRecord.error(line, "trailing", "trailing"));

        List<ScoredRecord> out;
        try (Stream<ScoredRecord> s = RecordScorer.score(engine, input.stream(), AS_OF)) {
            out = s.toList();
        }

        assertThat(out).hasSameSizeAs(input);
        for (int i = 0; i < input.size(); i++) {
            AccountRecord in = input.get(i);
            ScoredRecord o = out.get(i);
            assertThat(o.line()).isEqualTo(in.line());
            assertThat(o.accountId()).isEqualTo(in.accountId());
            assertThat(o.isError()).isEqualTo(in.isError());
            if (in.isError()) {
                assertThat(o.error()).isEqualTo(in.error());
            } else {
                Decision expected = in.facts().account().getEmployees() == 200 ? Decision.FIT : Decision.EXCLUDED;
                assertThat(o.result().decision()).isEqualTo(expected);
                assertThat(o.result().asOf()).isEqualTo(AS_OF);
            }
        }
    }

    @Test
    void handlesInputWithOnlyErrorsOrNothing() {
        assertThat(RecordScorer.score(engine, Stream.empty(), AS_OF)).isEmpty();
        assertThat(RecordScorer.score(engine, Stream.of(AccountRecord.error(2, null, "x"),
                AccountRecord.error(3, "y", "z")), AS_OF)).extracting(ScoredRecord::line).containsExactly(2L, 3L);
    }

    @Test
    void readsInputLazilyAndClosesIt() {
        AtomicBoolean closed = new AtomicBoolean();
        Stream<AccountRecord> endless = Stream.iterate(2L, l -> l + 1).map(l -> ok(l, "a" + l, 200))
                .onClose(() -> closed.set(true));

        try (Stream<ScoredRecord> s = RecordScorer.score(engine, endless, AS_OF)) {
            assertThat(s.limit(3)).extracting(ScoredRecord::line).containsExactly(2L, 3L, 4L);
        }
        assertThat(closed).isTrue();
    }

    @Test
    void scoresSequentiallyWithTheSameRecordsAsInChunksReadingOnlyAsFarAsNeeded() {
        List<AccountRecord> input = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            input.add(i % 5 == 2 ? AccountRecord.error(i + 2, "bad-" + i, "bad row " + i)
                    : ok(i + 2, "a-" + i, i % 3 == 0 ? 200 : 5000));
        }
        List<ScoredRecord> chunked;
        try (Stream<ScoredRecord> s = RecordScorer.score(engine, input.stream(), AS_OF)) {
            chunked = s.toList();
        }
        int[] read = {0};
        Iterator<AccountRecord> counted = new Iterator<>() {
            private final Iterator<AccountRecord> in = input.iterator();

            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public AccountRecord next() {
                read[0]++;
                return in.next();
            }
        };

        Iterator<ScoredRecord> sequential = RecordScorer.scoreSequentially(engine, counted, AS_OF);
        List<ScoredRecord> out = new ArrayList<>();
        while (sequential.hasNext()) {
            out.add(sequential.next());
            // Never more than the next readable record ahead of what was handed out.
            assertThat(read[0]).isLessThanOrEqualTo(out.size() + 1);
        }

        assertThat(out).isEqualTo(chunked);
        assertThat(out).filteredOn(ScoredRecord::isError).hasSize(600);
    }
}

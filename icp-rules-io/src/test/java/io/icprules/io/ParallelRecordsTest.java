package io.icprules.io;

import org.junit.jupiter.api.Test;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Closing a stream of records closes the file it was read from, however the readers build it. */
class ParallelRecordsTest {

    @Test
    void closingTheStreamClosesTheFileOnce() {
        AtomicInteger closed = new AtomicInteger();
        Closeable file = closed::incrementAndGet;
        try (Stream<AccountRecord> records = ParallelRecords.decode(List.of("a", "b").iterator(),
                id -> AccountRecord.error(1, id, "x"), file)) {
            assertThat(records.map(AccountRecord::accountId)).containsExactly("a", "b");
        }
        assertThat(closed).hasValue(1);
    }

    @Test
    void aFailureToCloseIsRethrownUnchecked() {
        IOException failure = new IOException("disk gone");
        Runnable close = ParallelRecords.closing(() -> {
            throw failure;
        });
        assertThatThrownBy(close::run).isInstanceOf(UncheckedIOException.class).hasCause(failure);
    }
}

package io.icprules.io;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTest {

    @Test
    void givesEveryItemInOrderAcrossChunks() {
        List<Integer> source = IntStream.range(0, 10_007).boxed().toList();
        List<Integer> read = new ArrayList<>();
        try (ReadAhead<Integer> it = new ReadAhead<>(source::forEach, 64)) {
            it.forEachRemaining(read::add);
            assertThat(it.hasNext()).isFalse();
            assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        }
        assertThat(read).isEqualTo(source);
    }

    @Test
    void handsOverWhatTheSourceThrewAfterTheItemsBeforeIt() {
        Iterator<Integer> failing = new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (i == 100) {
                    throw new IllegalStateException("row 100 is broken");
                }
                return i++;
            }
        };
        List<Integer> read = new ArrayList<>();
        try (ReadAhead<Integer> it = new ReadAhead<>(failing::forEachRemaining, 7)) {
            assertThatThrownBy(() -> it.forEachRemaining(read::add))
                    .isInstanceOf(IllegalStateException.class).hasMessage("row 100 is broken");
            assertThat(it.hasNext()).as("the failure ends the items").isFalse();
        }
        assertThat(read).isEqualTo(IntStream.range(0, 100).boxed().toList());
    }

    @Test
    void closingEarlyStopsTheReadingThreadBeforeItReturns() {
        AtomicInteger pulled = new AtomicInteger();
        Iterator<Integer> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return pulled.incrementAndGet();
            }
        };
        ReadAhead<Integer> it = new ReadAhead<>(endless::forEachRemaining, 16);
        assertThat(it.next()).isEqualTo(1);
        it.close();
        int afterClose = pulled.get();
        assertThat(afterClose).as("bounded read-ahead").isLessThanOrEqualTo(16 * 6);
        Thread.onSpinWait();
        assertThat(pulled.get()).as("close waited for the reading thread: nothing is read once closed")
                .isEqualTo(afterClose);
    }
}

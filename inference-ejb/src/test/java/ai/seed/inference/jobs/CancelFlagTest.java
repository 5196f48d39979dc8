package ai.seed.inference.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CancelFlagTest {

    private final AtomicLong clock = new AtomicLong(10_000);
    private final AtomicBoolean stored = new AtomicBoolean();
    private final AtomicInteger reads = new AtomicInteger();

    private CancelFlag flag(boolean initially) {
        return new CancelFlag(initially, () -> {
            reads.incrementAndGet();
            return stored.get();
        }, 1000, clock::get);
    }

    @Test
    void readsTheDatabaseAtMostOncePerInterval() {
        CancelFlag flag = flag(false);
        for (int i = 0; i < 100; i++) {
            flag.getAsBoolean();
        }
        assertThat(reads).hasValue(0);
        clock.addAndGet(1000);
        flag.getAsBoolean();
        flag.getAsBoolean();
        assertThat(reads).hasValue(1);
    }

    @Test
    void seesTheRequestAfterTheIntervalAndKeepsSeeingIt() {
        CancelFlag flag = flag(false);
        stored.set(true);
        assertThat(flag.getAsBoolean()).isFalse();
        clock.addAndGet(1000);
        assertThat(flag.getAsBoolean()).isTrue();
        stored.set(false);
        clock.addAndGet(5000);
        assertThat(flag.getAsBoolean()).isTrue();
    }

    @Test
    void aJobStoredAsCancelledStartsCancelledWithoutARead() {
        CancelFlag flag = flag(true);
        assertThat(flag.getAsBoolean()).isTrue();
        assertThat(reads).hasValue(0);
        assertThatThrownBy(() -> flag.throwIfSet("while embedding dataset images"))
                .isInstanceOf(JobCancelledException.class)
                .hasMessage("cancelled while embedding dataset images");
    }
}

package ai.seed.inference.model.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallTimeoutsTest {

    @ParameterizedTest
    @CsvSource({"700, 700", "750, 700", "50, 100", "1000, 1000", "1499, 1000", "2000, 2000", "8600, 8000",
        "28500, 24000", "119999, 96000", "3600000, 600000"})
    void roundsDownToAStep(long limit, long step) {
        assertThat(CallTimeouts.step(limit)).isEqualTo(step);
    }

    @Test
    void aStepNeverExceedsItsLimitAndFewStepsServeEveryLimit() {
        Set<Long> steps = new HashSet<>();
        for (long ms = 1000; ms <= 600_000; ms += 250) {
            long step = CallTimeouts.step(ms);
            assertThat(step).isLessThanOrEqualTo(ms).isGreaterThanOrEqualTo(ms * 2 / 3 - 1);
            steps.add(step);
        }
        assertThat(steps).hasSizeLessThanOrEqualTo(20);
    }
}

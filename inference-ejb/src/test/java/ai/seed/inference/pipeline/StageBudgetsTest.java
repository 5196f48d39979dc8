package ai.seed.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.seed.inference.model.TurnDeadlineException;
import ai.seed.inference.trace.Phase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StageBudgetsTest {

    private static final Duration CEILING = Duration.ofSeconds(60);
    private static final Duration PLENTY = Duration.ofSeconds(90);

    private static StageBudgets budgets() {
        return StageBudgets.withDefaults();
    }

    @Test
    void beforeAnyCallsTheBudgetFollowsWhatTheCallAsksFor() {
        StageBudgets b = budgets();
        assertThat(b.limit(Phase.REFLECT, 16, CEILING, PLENTY)).isEqualTo(Duration.ofMillis(8_640));
        assertThat(b.limit(Phase.ANSWER, 512, CEILING, PLENTY)).isEqualTo(Duration.ofMillis(28_480));
    }

    @Test
    void withEnoughCallsItIsThreeTimesTheRollingP99WithinFloorAndCeiling() {
        StageBudgets b = budgets();
        for (int i = 0; i < 100; i++) {
            b.observe(Phase.REFLECT, i < 98 ? 900 : 1_500);
        }
        assertThat(b.limit(Phase.REFLECT, 16, CEILING, PLENTY)).isEqualTo(Duration.ofMillis(4_500));
        for (int i = 0; i < 200; i++) {
            b.observe(Phase.DETECT, 5);
        }
        assertThat(b.limit(Phase.DETECT, 256, CEILING, PLENTY)).isEqualTo(Duration.ofMillis(2_000));
        for (int i = 0; i < 200; i++) {
            b.observe(Phase.ANSWER, 40_000);
        }
        assertThat(b.limit(Phase.ANSWER, 512, CEILING, PLENTY)).isEqualTo(CEILING);
    }

    @Test
    void aFewCallsDoNotYetTeachTheBudget() {
        StageBudgets b = budgets();
        for (int i = 0; i < StageBudgets.MIN_SAMPLES - 1; i++) {
            b.observe(Phase.REFLECT, 10);
        }
        assertThat(b.limit(Phase.REFLECT, 16, CEILING, PLENTY)).isEqualTo(Duration.ofMillis(8_640));
    }

    @Test
    void theEndpointsReadTimeoutIsTheCeiling() {
        assertThat(budgets().limit(Phase.REFLECT, 16, Duration.ofMillis(700), PLENTY)).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void aCallGetsNoMoreThanWhatIsLeftOfTheTurn() {
        assertThat(budgets().limit(Phase.ANSWER, 512, CEILING, Duration.ofMillis(5_000))).isEqualTo(Duration.ofMillis(5_000));
    }

    @Test
    void aCallThatCannotFinishBeforeTheDeadlineIsNotStarted() {
        assertThatThrownBy(() -> budgets().limit(Phase.REFLECT, 16, CEILING, Duration.ofMillis(1_500)))
                .isInstanceOf(TurnDeadlineException.class)
                .hasMessage("the turn's 90 s deadline leaves 1500 ms, too little for the reflect call");
    }

    @Test
    void aStageSetByTheOperatorKeepsItsBudget() {
        StageBudgets b = budgets();
        b.fixedForTest(Phase.REFLECT, 3_000);
        for (int i = 0; i < 100; i++) {
            b.observe(Phase.REFLECT, 10_000);
        }
        assertThat(b.limit(Phase.REFLECT, 16, CEILING, PLENTY)).isEqualTo(Duration.ofMillis(3_000));
    }

    @Test
    void theWindowKeepsOnlyTheLatestCalls() {
        LatencyWindow w = new LatencyWindow(10);
        for (int i = 0; i < 10; i++) {
            w.add(10_000);
        }
        for (int i = 0; i < 10; i++) {
            w.add(100);
        }
        assertThat(w.quantile(0.99)).isEqualTo(100);
        assertThat(w.size()).isEqualTo(10);
        assertThat(new LatencyWindow(5).quantile(0.5)).isZero();
    }

    @Test
    void aStreamedCallsFirstTokenLimitIsColdThenLearnedAndNeverMoreThanTheCallsLimit() {
        StageBudgets b = budgets();
        assertThat(b.firstTokenLimit(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(8_000));
        assertThat(b.firstTokenLimit(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        for (int i = 0; i < 19; i++) {
            b.observeFirstToken(1_000);
        }
        assertThat(b.firstTokenLimit(Duration.ofSeconds(30))).as("19 samples are not enough").isEqualTo(Duration.ofMillis(8_000));
        b.observeFirstToken(1_000);
        assertThat(b.firstTokenLimit(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(3_000));
        for (int i = 0; i < 200; i++) {
            b.observeFirstToken(100);
        }
        assertThat(b.firstTokenLimit(Duration.ofSeconds(30))).as("at least the floor").isEqualTo(Duration.ofMillis(2_000));
    }

    @Test
    void aConfiguredFirstTokenLimitWins() {
        StageBudgets b = budgets();
        b.firstTokenMs = 4_000;
        for (int i = 0; i < 200; i++) {
            b.observeFirstToken(100);
        }
        assertThat(b.firstTokenLimit(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(4_000));
    }
}

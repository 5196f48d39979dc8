package ai.seed.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CallBudgetTest {

    @ParameterizedTest(name = "{0}, image={1}, reflection needed={2}: small {3}, large {4}")
    @CsvSource({
            "FULL,          true,  true,  1, 2",
            "FULL,          true,  false, 1, 1",
            "NO_REFLECTION, true,  true,  1, 1",
            "NO_REFLECTION, true,  false, 1, 1",
            "NO_DETECTOR,   true,  true,  0, 2",
            "NO_DETECTOR,   true,  false, 0, 1",
            "PLAIN_VLM,     true,  true,  0, 1",
            "SMALL_ONLY,    true,  true,  1, 0",
            "FULL,          false, true,  0, 1",
            "NO_REFLECTION, false, true,  0, 1",
            "NO_DETECTOR,   false, true,  0, 1",
            "PLAIN_VLM,     false, true,  0, 1",
            "SMALL_ONLY,    false, true,  0, 0"})
    void budgetPerModeAndTurn(TurnMode mode, boolean image, boolean reflectionNeeded, int small, int large) {
        assertThat(CallBudget.of(mode, image, reflectionNeeded)).isEqualTo(new CallBudget(small, large));
    }

    @ParameterizedTest
    @EnumSource(TurnMode.class)
    void theUpFrontBudgetAssumesReflection(TurnMode mode) {
        assertThat(CallBudget.of(mode, true)).isEqualTo(CallBudget.of(mode, true, true));
        assertThat(CallBudget.of(mode, true).allows(1, 2)).isEqualTo(mode == TurnMode.FULL);
    }

    @Test
    void imageTurnNeverExceedsOneSmallAndTwoLargeCalls() {
        for (TurnMode mode : TurnMode.values()) {
            CallBudget budget = CallBudget.of(mode, true);
            assertThat(budget.smallCalls()).isLessThanOrEqualTo(1);
            assertThat(budget.largeCalls()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void retriesDoubleTheCeiling() {
        assertThat(CallBudget.of(TurnMode.FULL, true).withRetries()).isEqualTo(new CallBudget(2, 4));
        assertThat(new CallBudget(1, 1).allows(1, 2)).isFalse();
        assertThatThrownBy(() -> new CallBudget(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modesDescribeTheirStages() {
        assertThat(TurnMode.FULL.usesDetector() && TurnMode.FULL.usesReflection() && TurnMode.FULL.usesLargeModel()).isTrue();
        assertThat(TurnMode.NO_REFLECTION.usesReflection()).isFalse();
        assertThat(TurnMode.NO_DETECTOR.usesDetector()).isFalse();
        assertThat(TurnMode.PLAIN_VLM.usesDetector() || TurnMode.PLAIN_VLM.usesReflection()).isFalse();
        assertThat(TurnMode.SMALL_ONLY.usesLargeModel()).isFalse();
    }
}

package ai.seed.inference.turns;

import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.domain.turn.ModelCallData;
import ai.seed.inference.config.ModelBackends;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnTraceBaselinesTest {

    private static final String BASELINE_DETECTOR =
            "baseline-detector (baseline, weight-free: windows of colour/texture/layout, not a VLM)";

    private static ModelCallData call(String phase, String model) {
        return new ModelCallData(phase, model, null, 1, Instant.now(), 3, 0, 0, "ok", null);
    }

    @Test
    void aTurnNamesTheBaselinesThatServedItOnceEachWithoutTheAdapterNote() {
        TurnHistory.TurnTrace trace = new TurnHistory.TurnTrace(null, List.of(
                call("detect", BASELINE_DETECTOR + " [no adapter: no dictionary]"),
                call("detect", BASELINE_DETECTOR + " [no adapter: no dictionary]"),
                call("reflect", "gpt-4o @ http://llm:8000/v1"),
                call("answer", "gpt-4o @ http://llm:8000/v1")));

        assertThat(trace.baselines()).containsExactly(BASELINE_DETECTOR);
    }

    @Test
    void realModelsAreNoBaseline() {
        TurnHistory.TurnTrace trace = new TurnHistory.TurnTrace(null, List.of(
                call("detect", "qwen2.5-vl-3b @ http://vllm:8000/v1 [served as seed-meta-3]"),
                call("answer", "gpt-4o @ http://llm:8000/v1")));

        assertThat(trace.baselines()).isEmpty();
        assertThat(ModelBackends.isBaseline("windowed-detector on djl:/models/clip (in-process)")).isFalse();
        assertThat(ModelBackends.isBaseline(null)).isFalse();
    }
}

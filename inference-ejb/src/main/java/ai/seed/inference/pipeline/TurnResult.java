package ai.seed.inference.pipeline;

import ai.seed.domain.turn.TurnStatus;
import java.util.List;
import java.util.UUID;

/**
 * What a turn produced: the answer (or a clear error), the mode that actually ran, the reports
 * before and after reflection, the questions asked with their verdicts, and the trace id.
 */
public record TurnResult(UUID turnId, String requestId, TurnStatus status, String answer, String errorMessage,
                         TurnMode requestedMode, TurnMode effectiveMode, AdapterChoice adapter,
                         DetectionReport detection, DetectionReport finalReport, List<ReflectionQuestion> questions,
                         List<Boolean> verdicts, List<RefinementChange> changes, int smallCalls, int largeCalls,
                         int retries, int promptTokens, int completionTokens) {

    public TurnResult {
        questions = questions == null ? List.of() : List.copyOf(questions);
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}

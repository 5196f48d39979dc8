package ai.seed.inference.pipeline;

import ai.seed.domain.turn.TurnStatus;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * What a turn produced: the answer (or a clear error), the mode that actually ran, the reports
 * before and after reflection, the questions asked with their verdicts, and the trace id.
 * {@code verificationNote} says why the report was not verified ("not verified: ...") when
 * reflection could not be had; {@code retryAfter} is set on a turn that failed because the large
 * VLM is rate-limited for longer than a turn waits.
 */
public record TurnResult(UUID turnId, String requestId, TurnStatus status, String answer, String errorMessage,
                         TurnMode requestedMode, TurnMode effectiveMode, AdapterChoice adapter,
                         DetectionReport detection, DetectionReport finalReport, List<ReflectionQuestion> questions,
                         List<Boolean> verdicts, List<RefinementChange> changes, int smallCalls, int largeCalls,
                         int retries, int promptTokens, int completionTokens, String verificationNote,
                         Duration retryAfter) {

    /** A result without a degradation note or a back-pressure wait. */
    public TurnResult(UUID turnId, String requestId, TurnStatus status, String answer, String errorMessage,
                      TurnMode requestedMode, TurnMode effectiveMode, AdapterChoice adapter,
                      DetectionReport detection, DetectionReport finalReport, List<ReflectionQuestion> questions,
                      List<Boolean> verdicts, List<RefinementChange> changes, int smallCalls, int largeCalls,
                      int retries, int promptTokens, int completionTokens) {
        this(turnId, requestId, status, answer, errorMessage, requestedMode, effectiveMode, adapter, detection,
                finalReport, questions, verdicts, changes, smallCalls, largeCalls, retries, promptTokens,
                completionTokens, null, null);
    }

    public TurnResult {
        questions = questions == null ? List.of() : List.copyOf(questions);
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}

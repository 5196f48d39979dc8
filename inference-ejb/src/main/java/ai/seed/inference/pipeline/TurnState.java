package ai.seed.inference.pipeline;

import ai.seed.inference.model.TokenSink;
import ai.seed.inference.trace.Phase;
import ai.seed.inference.trace.TurnTrace;
import java.util.ArrayList;
import java.util.List;

/** What one running turn has produced so far; the recorder stores it whatever happens next. */
final class TurnState {

    final TurnRequest request;
    final TurnTrace trace;
    TurnMode mode;
    AdapterChoice adapter = AdapterChoice.none("no detection in this mode");
    String rawSmallOutput;
    DetectionReport detection;
    DetectionReport finalReport;
    List<ReflectionQuestion> questions = new ArrayList<>();
    List<Boolean> verdicts = new ArrayList<>();
    List<RefinementChange> changes = new ArrayList<>();
    String answer;
    String error;
    /** Why the report was not verified by reflection, when reflection could not be had. */
    String verificationNote;
    /** When the caller may try again, for a turn that failed on a rate limit. */
    java.time.Duration retryAfter;
    /** The OpenTelemetry trace of this turn's spans; null while tracing is off. */
    String otelTraceId;
    /** Opens the stage spans; a no-op while tracing is off. */
    TurnSpans spans = TurnSpans.NONE;
    /** Where the answer's text goes as the large VLM streams it; null: the answer comes in one piece. */
    final TokenSink answerTokens;

    TurnState(TurnRequest request, TurnTrace trace, TurnMode mode, TokenSink answerTokens) {
        this.request = request;
        this.trace = trace;
        this.mode = mode;
        this.answerTokens = answerTokens;
    }

    /** Runs a step and books its wall time to the phase, even when it throws. */
    <T> T timed(Phase phase, java.util.function.Supplier<T> step) {
        long t0 = System.nanoTime();
        try {
            return spans.stage(phase, step);
        } finally {
            trace.addPhaseTime(phase, (System.nanoTime() - t0) / 1_000_000);
        }
    }
}

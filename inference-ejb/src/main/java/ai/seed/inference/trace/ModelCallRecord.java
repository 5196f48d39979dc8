package ai.seed.inference.trace;

import java.time.Instant;

/**
 * One attempt at one model call, as stored in the turn's trace. Retries are separate records
 * with increasing {@code attempt}, all sharing the turn's request id.
 *
 * @param outcome      "ok", "retriable-error", "error", "timeout", "cut-off" (a streamed answer that
 *                     stopped part-way), "rate-limited", "not-started"
 * @param firstTokenMs a streamed call's time to its first piece of text; null when not streamed
 */
public record ModelCallRecord(String requestId, Phase phase, String model, String adapter, int attempt,
                              Instant startedAt, long durationMs, int promptTokens, int completionTokens,
                              String outcome, String error, Long firstTokenMs) {

    public ModelCallRecord(String requestId, Phase phase, String model, String adapter, int attempt,
                           Instant startedAt, long durationMs, int promptTokens, int completionTokens,
                           String outcome, String error) {
        this(requestId, phase, model, adapter, attempt, startedAt, durationMs, promptTokens, completionTokens,
                outcome, error, null);
    }
}

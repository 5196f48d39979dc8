package ai.seed.inference.trace;

import java.time.Instant;

/**
 * One attempt at one model call, as stored in the turn's trace. Retries are separate records
 * with increasing {@code attempt}, all sharing the turn's request id.
 *
 * @param outcome "ok", "retriable-error", "error", "timeout", "circuit-open", "rejected", "unparseable"
 */
public record ModelCallRecord(String requestId, Phase phase, String model, String adapter, int attempt,
                              Instant startedAt, long durationMs, int promptTokens, int completionTokens,
                              String outcome, String error) {
}

package ai.seed.domain.turn;

import java.time.Instant;

/**
 * The values of one model call attempt, as stored and as read back.
 *
 * @param firstTokenMs a streamed call's time to its first piece of text; null when not streamed
 */
public record ModelCallData(String phase, String model, String adapter, int attempt, Instant startedAt,
                            long durationMs, int promptTokens, int completionTokens, String outcome,
                            String error, Long firstTokenMs) {

    public ModelCallData(String phase, String model, String adapter, int attempt, Instant startedAt,
                         long durationMs, int promptTokens, int completionTokens, String outcome, String error) {
        this(phase, model, adapter, attempt, startedAt, durationMs, promptTokens, completionTokens, outcome, error,
                null);
    }
}

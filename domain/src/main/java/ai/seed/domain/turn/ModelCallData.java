package ai.seed.domain.turn;

import java.time.Instant;

/** The values of one model call attempt, as stored and as read back. */
public record ModelCallData(String phase, String model, String adapter, int attempt, Instant startedAt,
                            long durationMs, int promptTokens, int completionTokens, String outcome,
                            String error) {
}

package ai.seed.inference.model;

import java.time.Duration;

/**
 * The server refused the call for now because of its rate limit or capacity (429). Retriable, but
 * not a sign of ill health: the circuit breaker does not count it, and when the server asks for a
 * longer wait than a turn can afford, the turn ends with that wait passed on to the caller.
 */
public class RateLimitedException extends RetriableModelException {

    private static final long serialVersionUID = 1L;

    public RateLimitedException(String message, int httpStatus, Duration retryAfter) {
        super(message, httpStatus, retryAfter, null);
    }
}

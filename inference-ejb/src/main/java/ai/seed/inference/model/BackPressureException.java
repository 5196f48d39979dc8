package ai.seed.inference.model;

import java.time.Duration;

/**
 * The model server is rate-limited for longer than this turn can wait: the turn ends now, and the
 * caller is told when to try again ({@link #retryAfter()}, passed on as a Retry-After header).
 */
public class BackPressureException extends NonRetriableModelException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public BackPressureException(String message, int httpStatus, Duration retryAfter, Throwable cause) {
        super(message, httpStatus, cause);
        this.retryAfter = retryAfter;
    }

    /** When the caller may try again; never null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

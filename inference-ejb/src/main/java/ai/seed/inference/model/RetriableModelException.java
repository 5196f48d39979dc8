package ai.seed.inference.model;

import java.time.Duration;

/** The same call may succeed later: rate limit (429), server error (5xx), timeout, refused connection. */
public class RetriableModelException extends ModelCallException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RetriableModelException(String message, int httpStatus, Duration retryAfter, Throwable cause) {
        super(message, httpStatus, cause);
        this.retryAfter = retryAfter;
    }

    /** What the server asked for (Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean retriable() {
        return true;
    }
}

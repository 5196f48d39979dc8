package ai.seed.inference.model;

/**
 * A model call failed. Messages are safe to show and store: they never contain API keys, and
 * server bodies are cut short.
 */
public abstract class ModelCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    protected ModelCallException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** HTTP status from the model server, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    public abstract boolean retriable();
}

package ai.seed.inference.model;

/** The model server did not answer within the call's time limit; retriable, and a breaker failure. */
public class ModelTimeoutException extends RetriableModelException {

    private static final long serialVersionUID = 1L;

    public ModelTimeoutException(String message, Throwable cause) {
        super(message, 0, null, cause);
    }
}

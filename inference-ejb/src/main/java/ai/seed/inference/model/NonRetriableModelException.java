package ai.seed.inference.model;

/** Repeating the call cannot help: bad request, authentication, unknown model, garbage response. */
public class NonRetriableModelException extends ModelCallException {

    private static final long serialVersionUID = 1L;

    public NonRetriableModelException(String message, int httpStatus, Throwable cause) {
        super(message, httpStatus, cause);
    }

    @Override
    public boolean retriable() {
        return false;
    }
}

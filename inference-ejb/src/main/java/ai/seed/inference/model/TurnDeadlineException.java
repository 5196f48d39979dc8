package ai.seed.inference.model;

/**
 * A model call (or its retry) was not started because the turn's deadline would pass before it
 * could finish: waiting longer would only make the user wait for a failure.
 */
public class TurnDeadlineException extends NonRetriableModelException {

    private static final long serialVersionUID = 1L;

    public TurnDeadlineException(String message) {
        super(message, 0, null);
    }
}

package ai.seed.inference.model;

/**
 * A streamed answer stopped after some of its text had been passed on (the server dropped the
 * connection, sent an error event, or stalled). It counts as a failure of the endpoint, but it is
 * never retried: the caller has already seen part of the answer, and a second attempt would repeat it.
 */
public class StreamCutException extends RetriableModelException {

    private static final long serialVersionUID = 1L;

    private final int charactersPassedOn;

    public StreamCutException(String message, int charactersPassedOn, Throwable cause) {
        super(message, 0, null, cause);
        this.charactersPassedOn = charactersPassedOn;
    }

    public int charactersPassedOn() {
        return charactersPassedOn;
    }
}

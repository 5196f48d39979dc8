package ai.seed.inference.admission;

import ai.seed.inference.service.ServiceException;

/** The node runs as many turns as it admits; this one was not started (nothing was stored). */
public class TurnsBusyException extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TurnsBusyException(int limit, long retryAfterSeconds) {
        super(Kind.BUSY, "turns-busy", "this node is answering as many questions as it takes at once (" + limit
                + "); try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

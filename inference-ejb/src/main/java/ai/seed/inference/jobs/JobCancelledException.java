package ai.seed.inference.jobs;

/** Thrown by a job's work when it sees that it was asked to stop; the life cycle ends it CANCELLED. */
public class JobCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobCancelledException(String message) {
        super(message);
    }
}

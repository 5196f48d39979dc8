package ai.seed.inference.dictionary;

import ai.seed.inference.jobs.JobCancelledException;

/** Thrown when a clustering run notices that its caller asked for it to stop. */
public class ClusteringCancelledException extends JobCancelledException {

    private static final long serialVersionUID = 1L;

    public ClusteringCancelledException(String message) {
        super(message);
    }
}

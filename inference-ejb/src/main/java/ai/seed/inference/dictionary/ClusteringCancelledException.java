package ai.seed.inference.dictionary;

/** Thrown when a clustering run notices that its caller asked for it to stop. */
public class ClusteringCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ClusteringCancelledException(String message) {
        super(message);
    }
}

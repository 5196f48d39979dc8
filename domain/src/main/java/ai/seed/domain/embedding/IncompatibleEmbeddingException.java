package ai.seed.domain.embedding;

/** Two vectors from different embedders (or of different dimensions) were about to be compared. */
public class IncompatibleEmbeddingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public IncompatibleEmbeddingException(String leftId, int leftDim, String rightId, int rightDim) {
        super("embeddings are not comparable: " + leftId + "/" + leftDim + " vs " + rightId + "/" + rightDim);
    }
}

package ai.seed.inference.dictionary;

import ai.seed.domain.embedding.Embedding;
import java.util.Objects;

/**
 * One concept offered to the meta-concept clustering: its key, a human label and its concept
 * embedding (the normalised mean of its reference-image embeddings, paper App. C.1).
 *
 * <p>{@code conceptKey} identifies the concept: a UUID string for the platform's own concepts, or
 * {@code dataset:<name>} for concepts imported from a public dataset. It is non-blank; the label is
 * non-null (it may repeat across concepts, the key may not within one clustering run).
 */
public record ClusterInput(String conceptKey, String label, Embedding embedding) {

    public ClusterInput {
        if (conceptKey == null || conceptKey.isBlank()) {
            throw new IllegalArgumentException("a cluster input needs a concept key");
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(embedding, "embedding of " + conceptKey);
    }

    /** The key under which dataset concepts are clustered, {@code dataset:<name>}. */
    public static String datasetKey(String datasetConceptName) {
        return "dataset:" + datasetConceptName;
    }
}

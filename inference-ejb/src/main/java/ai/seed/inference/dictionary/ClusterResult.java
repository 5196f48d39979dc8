package ai.seed.inference.dictionary;

import ai.seed.domain.embedding.Embedding;
import java.util.List;
import java.util.Objects;

/**
 * One K-means cluster, i.e. one meta-concept of the dictionary.
 *
 * <p>Invariants: {@code members} is non-empty, immutable and in input order; the
 * {@code representative} is one of the members (the one closest to the centroid, paper App. C.1);
 * the {@code centroid} is the normalised mean of the members' embeddings, so it can be compared by
 * cosine with concept embeddings of the same embedder (Eq. 1).
 *
 * @param index the cluster's position in the K-means output, 0..K-1; stable for a given seed
 */
public record ClusterResult(int index, Embedding centroid, ClusterInput representative, List<ClusterInput> members) {

    public ClusterResult {
        Objects.requireNonNull(centroid, "centroid");
        Objects.requireNonNull(representative, "representative");
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("cluster " + index + " has no members");
        }
        if (!members.contains(representative)) {
            throw new IllegalArgumentException("the representative of cluster " + index + " is not a member");
        }
    }

    public int size() {
        return members.size();
    }
}

package ai.seed.inference.dictionary;

import java.util.List;

/**
 * The outcome of one meta-concept clustering run.
 *
 * <p>Invariants: {@code clusters} is immutable, holds exactly K clusters, sorted by member count
 * (largest first) and then by cluster index; every input appears in exactly one cluster.
 *
 * @param inertia    the K-means objective of the kept trial: the sum over all concepts of the
 *                   squared Euclidean distance to their cluster's (unnormalised) mean
 * @param iterations the number of Lloyd iterations (centroid updates) of the kept trial
 */
public record ClusteringResult(List<ClusterResult> clusters, double inertia, int iterations) {

    public ClusteringResult {
        clusters = List.copyOf(clusters);
    }

    public int k() {
        return clusters.size();
    }
}

package ai.seed.inference.dictionary;

import ai.seed.domain.embedding.Embedding;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The preconditions of a clustering run, checked before any work so that a bad request fails with
 * a message an operator can act on rather than with a Commons Math exception.
 */
final class ClusterInputs {

    /** Offending concepts named per embedder in a message; the rest are counted. */
    private static final int NAMED_PER_EMBEDDER = 3;

    private ClusterInputs() {
    }

    static void validate(List<ClusterInput> inputs, int k) {
        Objects.requireNonNull(inputs, "inputs");
        if (inputs.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("the concept list contains null");
        }
        if (k < 1) {
            throw new IllegalArgumentException("K must be at least 1; got " + k);
        }
        requireOneEmbedder(inputs);
        requireUniqueKeys(inputs);
        requireEnoughConcepts(inputs, k);
    }

    /** Vectors of different embedders live in different spaces; clustering them together is meaningless. */
    private static void requireOneEmbedder(List<ClusterInput> inputs) {
        Map<String, List<ClusterInput>> bySpace = inputs.stream().collect(Collectors.groupingBy(
                i -> i.embedding().embedderId() + " (dim " + i.embedding().dimension() + ")",
                LinkedHashMap::new, Collectors.toList()));
        if (bySpace.size() > 1) {
            String spaces = bySpace.entrySet().stream()
                    .map(e -> e.getKey() + ": " + describe(e.getValue()))
                    .collect(Collectors.joining("; "));
            throw new IllegalArgumentException(
                    "all concepts must be embedded by one embedder with one dimension; found " + spaces);
        }
    }

    private static String describe(List<ClusterInput> group) {
        String named = group.stream().limit(NAMED_PER_EMBEDDER).map(ClusterInput::conceptKey)
                .collect(Collectors.joining(", "));
        int more = group.size() - NAMED_PER_EMBEDDER;
        return plural(group.size(), "concept") + " (" + named + (more > 0 ? ", and " + more + " more" : "") + ")";
    }

    /** A concept counted twice would pull its cluster's centroid towards itself. */
    private static void requireUniqueKeys(List<ClusterInput> inputs) {
        Set<String> seen = new HashSet<>();
        for (ClusterInput input : inputs) {
            if (!seen.add(input.conceptKey())) {
                throw new IllegalArgumentException("concept " + input.conceptKey() + " is listed twice");
            }
        }
    }

    /** K-means cannot form K non-empty clusters from fewer than K distinct points. */
    private static void requireEnoughConcepts(List<ClusterInput> inputs, int k) {
        if (inputs.size() < k) {
            throw new IllegalArgumentException("K=" + k + " needs at least " + plural(k, "concept")
                    + "; there " + (inputs.size() == 1 ? "is " : "are ") + inputs.size());
        }
        Set<Embedding> distinct = new HashSet<>();
        inputs.forEach(i -> distinct.add(i.embedding()));
        if (distinct.size() < k) {
            throw new IllegalArgumentException("K=" + k + " needs at least " + plural(k, "concept")
                    + " with distinct embeddings; there are " + inputs.size() + " concepts but only "
                    + distinct.size() + " distinct embeddings");
        }
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

package ai.seed.inference.dictionary;

import ai.seed.domain.embedding.Embedding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Clusters concept embeddings into K meta-concepts (paper §3.3.1 and App. C.1: K-means, K=10, on
 * the concept-level mean CLIP embeddings; each meta-concept is represented by the concrete concept
 * closest to its cluster's centroid).
 *
 * <p>Geometry: the inputs are unit vectors and the dictionary is queried by cosine (Eq. 1). This
 * runs Commons Math's Euclidean K-means++ on them, which approximates spherical (cosine) K-means:
 * for unit vectors {@code |x - y|^2 = 2 - 2 cos(x, y)}, so the assignment to a centroid differs
 * from the cosine assignment only through the centroids' lengths, which are close to 1 for tight
 * clusters. The centroid reported is the normalised mean of the members, the vector a cosine
 * lookup needs.
 *
 * <p>Reproducibility: the same inputs in the same order, K, seed and settings give the same
 * result; the seed drives one {@link JDKRandomGenerator} shared by the trials. Of the trials, the
 * one with the lowest inertia is kept (the first on ties), which guards against a poor K-means++
 * start.
 *
 * <p>Progress is reported at the start (0), after each trial, after clustering (90) and after
 * picking the representatives (100); cancellation is checked between these steps and, every few
 * thousand distance computations, inside a trial.
 *
 * <p>Thread safety: instances are immutable and may be shared.
 */
public final class MetaConceptClustering {

    public static final int DEFAULT_MAX_ITERATIONS = 300;
    public static final int DEFAULT_TRIALS = 3;

    private static final int TRIALS_START_PERCENT = 5;
    private static final int CLUSTERED_PERCENT = 90;

    private final int maxIterations;
    private final int trials;

    public MetaConceptClustering() {
        this(DEFAULT_MAX_ITERATIONS, DEFAULT_TRIALS);
    }

    /**
     * @param maxIterations Lloyd iterations per trial at most
     * @param trials        K-means++ runs, of which the lowest-inertia one is kept
     */
    public MetaConceptClustering(int maxIterations, int trials) {
        if (maxIterations < 1 || trials < 1) {
            throw new IllegalArgumentException("max iterations and trials must be at least 1; got "
                    + maxIterations + " and " + trials);
        }
        this.maxIterations = maxIterations;
        this.trials = trials;
    }

    /**
     * @throws IllegalArgumentException     for inputs of several embedders or dimensions, duplicate
     *                                      concept keys, {@code K < 1} or fewer distinct concepts than K
     * @throws ClusteringCancelledException when {@code cancelled} turns true before the end
     */
    public ClusteringResult cluster(List<ClusterInput> inputs, int k, long seed, ProgressListener progress,
                                    BooleanSupplier cancelled) {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        ClusterInputs.validate(inputs, k);
        progress.progress(0, "clustering " + inputs.size() + " concepts into " + k + " meta-concepts");
        checkCancelled(cancelled, "before clustering");

        Trial best = bestTrial(inputs, k, seed, progress, cancelled);
        progress.progress(CLUSTERED_PERCENT, "clustered (inertia " + String.format(Locale.ROOT, "%.4f", best.inertia())
                + ", " + best.iterations() + " iterations); picking representatives");
        checkCancelled(cancelled, "after clustering");

        List<ClusterResult> clusters = withRepresentatives(best.clusters());
        checkCancelled(cancelled, "after picking representatives");
        progress.progress(100, "picked " + clusters.size() + " representatives");
        return new ClusteringResult(clusters, best.inertia(), best.iterations());
    }

    private Trial bestTrial(List<ClusterInput> inputs, int k, long seed, ProgressListener progress,
                            BooleanSupplier cancelled) {
        List<ConceptPoint> points = inputs.stream().map(ConceptPoint::new).toList();
        RandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        Trial best = null;
        for (int t = 0; t < trials; t++) {
            CountingKMeansClusterer clusterer = new CountingKMeansClusterer(k, maxIterations, random, cancelled);
            Trial trial = Trial.of(clusterer.cluster(points), clusterer.iterations());
            if (best == null || trial.inertia() < best.inertia()) {
                best = trial;
            }
            int percent = TRIALS_START_PERCENT + (CLUSTERED_PERCENT - TRIALS_START_PERCENT) * (t + 1) / (trials + 1);
            progress.progress(percent, "K-means trial " + (t + 1) + " of " + trials + " done");
            checkCancelled(cancelled, "after K-means trial " + (t + 1));
        }
        if (best.clusters().isEmpty()) {
            throw new IllegalStateException("K-means left a cluster empty in every trial within " + maxIterations
                    + " iterations; allow more iterations or choose a smaller K");
        }
        return best;
    }

    /** Paper App. C.1: the meta-concept is the member whose embedding is closest to the centroid. */
    private static List<ClusterResult> withRepresentatives(List<List<ClusterInput>> clusters) {
        List<ClusterResult> results = new ArrayList<>();
        for (int index = 0; index < clusters.size(); index++) {
            List<ClusterInput> members = clusters.get(index);
            Embedding centroid = Embedding.mean(members.stream().map(ClusterInput::embedding).toList());
            results.add(new ClusterResult(index, centroid, closestTo(centroid, members), members));
        }
        results.sort(Comparator.comparingInt(ClusterResult::size).reversed()
                .thenComparingInt(ClusterResult::index));
        return results;
    }

    /** The highest cosine wins; on a tie the member listed first (input order) does. */
    private static ClusterInput closestTo(Embedding centroid, List<ClusterInput> members) {
        ClusterInput best = members.get(0);
        double bestCosine = centroid.cosine(best.embedding());
        for (ClusterInput member : members.subList(1, members.size())) {
            double cosine = centroid.cosine(member.embedding());
            if (cosine > bestCosine) {
                best = member;
                bestCosine = cosine;
            }
        }
        return best;
    }

    private static void checkCancelled(BooleanSupplier cancelled, String when) {
        if (cancelled.getAsBoolean()) {
            throw new ClusteringCancelledException("clustering cancelled " + when);
        }
    }

    /** One K-means++ run: its clusters (members in input order) and its objective. */
    private record Trial(List<List<ClusterInput>> clusters, double inertia, int iterations) {

        static Trial of(List<CentroidCluster<ConceptPoint>> found, int iterations) {
            List<List<ClusterInput>> clusters = new ArrayList<>();
            double inertia = 0;
            for (CentroidCluster<ConceptPoint> cluster : found) {
                List<ConceptPoint> points = cluster.getPoints();
                if (points.isEmpty()) {
                    // only possible when the iteration limit stops Lloyd right after a relocation
                    return new Trial(List.of(), Double.POSITIVE_INFINITY, iterations);
                }
                inertia += sumOfSquaredDeviations(points);
                clusters.add(points.stream().map(ConceptPoint::input).toList());
            }
            return new Trial(clusters, inertia, iterations);
        }

        /** Against the members' own mean, so the objective depends on the partition only. */
        private static double sumOfSquaredDeviations(List<ConceptPoint> points) {
            double[] mean = new double[points.get(0).getPoint().length];
            for (ConceptPoint p : points) {
                for (int d = 0; d < mean.length; d++) {
                    mean[d] += p.getPoint()[d] / points.size();
                }
            }
            double sum = 0;
            for (ConceptPoint p : points) {
                for (int d = 0; d < mean.length; d++) {
                    double diff = p.getPoint()[d] - mean[d];
                    sum += diff * diff;
                }
            }
            return sum;
        }
    }
}

package ai.seed.inference.dictionary;

import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Commons Math's K-means++ with two additions it lacks: the number of Lloyd iterations performed,
 * and cancellation in the middle of a run. Both observe the clusterer's one extension point, the
 * {@code distance} hook; the algorithm itself is untouched.
 *
 * <p>How iterations are counted: every assignment pass of Commons Math 3.6.1 measures the points in
 * collection order, each against all K centres in turn, so the first point opens every pass with K
 * consecutive measurements. The seeding and the initial assignment measure input points only; each
 * Lloyd iteration measures against at least one centroid that Commons Math computed (a cluster can
 * only be empty if another is not). So a run of consecutive measurements of the first point that
 * involves a computed centroid is exactly one iteration (runs are cut after K measurements, for
 * the case of a single input point, whose passes are not separated by other points). This holds because the empty-cluster
 * strategy is {@code LARGEST_POINTS_NUMBER}, which measures no distances itself (the variance and
 * farthest-point strategies do, and would be counted).
 *
 * <p>One instance per run: the counters are not reset.
 */
final class CountingKMeansClusterer extends KMeansPlusPlusClusterer<ConceptPoint> {

    /** Cancellation is checked every this many distance computations: cheap, yet well under a second. */
    private static final int CANCEL_CHECK_INTERVAL = 4096;

    private final BooleanSupplier cancelled;
    private Clusterable first;
    private long measurements;
    private int runLength;
    private boolean runCounted;
    private int iterations;

    CountingKMeansClusterer(int k, int maxIterations, RandomGenerator random, BooleanSupplier cancelled) {
        super(k, maxIterations, new EuclideanDistance(), random, EmptyClusterStrategy.LARGEST_POINTS_NUMBER);
        this.cancelled = cancelled;
    }

    @Override
    public List<CentroidCluster<ConceptPoint>> cluster(Collection<ConceptPoint> points) {
        first = points.isEmpty() ? null : points.iterator().next();
        return super.cluster(points);
    }

    @Override
    protected double distance(Clusterable p1, Clusterable p2) {
        if (++measurements % CANCEL_CHECK_INTERVAL == 0 && cancelled.getAsBoolean()) {
            throw new ClusteringCancelledException("clustering cancelled during K-means");
        }
        countIteration(p1, p2);
        return super.distance(p1, p2);
    }

    private void countIteration(Clusterable p1, Clusterable p2) {
        if (p1 != first) {
            runLength = 0;
            return;
        }
        if (runLength == getK()) {
            runLength = 0; // with a single input point the passes follow each other directly
        }
        if (runLength++ == 0) {
            runCounted = false;
        }
        if (!runCounted && !(p2 instanceof ConceptPoint)) {
            runCounted = true;
            iterations++;
        }
    }

    /** Lloyd iterations (centroid updates) of the last {@link #cluster} call. */
    int iterations() {
        return iterations;
    }
}

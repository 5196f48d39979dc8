package ai.seed.inference.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.domain.embedding.Embedding;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The iteration count read off the distance hook agrees with Commons Math's public behaviour: a
 * run limited to m iterations stops where the unlimited run was after m iterations, and the
 * unlimited run stops one iteration after the partition last changed.
 */
class CountingKMeansClustererTest {

    private static List<ConceptPoint> points(long seed, int n, int dim) {
        Random random = new Random(seed);
        List<ConceptPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[dim];
            for (int d = 0; d < dim; d++) {
                v[d] = (float) random.nextGaussian();
            }
            points.add(new ConceptPoint(new ClusterInput("p" + i, "p" + i, Embedding.normalized("e", v))));
        }
        return points;
    }

    private static List<List<ClusterInput>> partition(List<CentroidCluster<ConceptPoint>> clusters) {
        return clusters.stream().map(c -> c.getPoints().stream().map(ConceptPoint::input).toList()).toList();
    }

    private static CountingKMeansClusterer clusterer(int k, int maxIterations, long seed) {
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        return new CountingKMeansClusterer(k, maxIterations, random, () -> false);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void countsTheLloydIterationsCommonsMathPerforms(long seed) {
        // unstructured points: Lloyd needs several iterations to settle
        List<ConceptPoint> points = points(seed, 150, 6);
        CountingKMeansClusterer unlimited = clusterer(6, 1000, seed);
        List<List<ClusterInput>> converged = partition(unlimited.cluster(points));
        int iterations = unlimited.iterations();

        int firstStable = 1;
        while (!partition(clusterer(6, firstStable, seed).cluster(points)).equals(converged)) {
            firstStable++;
        }

        assertThat(iterations).isGreaterThan(1).isEqualTo(firstStable + 1);
        for (int m = 1; m < iterations; m++) {
            CountingKMeansClusterer limited = clusterer(6, m, seed);
            limited.cluster(points);
            assertThat(limited.iterations()).isEqualTo(m);
        }
    }
}

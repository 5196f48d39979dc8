package ai.seed.inference.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.seed.domain.embedding.Embedding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** K-means meta-concepts on synthetic embeddings whose true clusters are known. */
class MetaConceptClusteringTest {

    private static final String E = "clip-test";
    private static final BooleanSupplier NEVER = () -> false;

    private final MetaConceptClustering clustering = new MetaConceptClustering();

    /** {@code sizes.length} random directions in {@code dim}-D, each with noisy members "c<i>-<j>". */
    private static List<ClusterInput> syntheticClusters(long seed, int dim, double noise, int... sizes) {
        Random random = new Random(seed);
        List<ClusterInput> inputs = new ArrayList<>();
        for (int c = 0; c < sizes.length; c++) {
            double[] direction = gaussian(random, dim, 1.0);
            for (int m = 0; m < sizes[c]; m++) {
                double[] jitter = gaussian(random, dim, noise);
                float[] v = new float[dim];
                for (int d = 0; d < dim; d++) {
                    v[d] = (float) (direction[d] / Math.sqrt(dim) + jitter[d]);
                }
                inputs.add(new ClusterInput("c" + c + "-" + m, "concept " + c + "/" + m, Embedding.normalized(E, v)));
            }
        }
        return inputs;
    }

    private static double[] gaussian(Random random, int dim, double sigma) {
        double[] v = new double[dim];
        for (int d = 0; d < dim; d++) {
            v[d] = random.nextGaussian() * sigma;
        }
        return v;
    }

    private static Set<String> keys(List<ClusterInput> members) {
        return members.stream().map(ClusterInput::conceptKey).collect(Collectors.toSet());
    }

    private static Set<String> trueCluster(int c, int size) {
        Set<String> keys = new HashSet<>();
        for (int m = 0; m < size; m++) {
            keys.add("c" + c + "-" + m);
        }
        return keys;
    }

    /** Independent of the production code: double-precision normalised mean, then arg max of the dot product. */
    private static ClusterInput bruteForceRepresentative(List<ClusterInput> members) {
        double[] mean = normalisedMean(members);
        ClusterInput best = null;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (ClusterInput member : members) {
            float[] v = member.embedding().values();
            double dot = 0;
            for (int d = 0; d < v.length; d++) {
                dot += v[d] * mean[d];
            }
            if (dot > bestDot) {
                bestDot = dot;
                best = member;
            }
        }
        return best;
    }

    private static double[] normalisedMean(List<ClusterInput> members) {
        double[] mean = new double[members.get(0).embedding().dimension()];
        for (ClusterInput member : members) {
            float[] v = member.embedding().values();
            for (int d = 0; d < v.length; d++) {
                mean[d] += v[d];
            }
        }
        double norm = Math.sqrt(Arrays.stream(mean).map(x -> x * x).sum());
        for (int d = 0; d < mean.length; d++) {
            mean[d] /= norm;
        }
        return mean;
    }

    private static double bruteForceInertia(List<ClusterResult> clusters) {
        double sum = 0;
        for (ClusterResult cluster : clusters) {
            int dim = cluster.centroid().dimension();
            double[] mean = new double[dim];
            for (ClusterInput m : cluster.members()) {
                float[] v = m.embedding().values();
                for (int d = 0; d < dim; d++) {
                    mean[d] += v[d] / (double) cluster.size();
                }
            }
            for (ClusterInput m : cluster.members()) {
                float[] v = m.embedding().values();
                for (int d = 0; d < dim; d++) {
                    sum += (v[d] - mean[d]) * (v[d] - mean[d]);
                }
            }
        }
        return sum;
    }

    @Test
    void recoversWellSeparatedClustersExactly() {
        List<ClusterInput> inputs = syntheticClusters(42, 32, 0.05, 20, 20, 20, 20, 20);

        ClusteringResult result = clustering.cluster(inputs, 5, 7L, ProgressListener.NONE, NEVER);

        assertThat(result.k()).isEqualTo(5);
        Set<Set<String>> recovered = result.clusters().stream().map(c -> keys(c.members())).collect(Collectors.toSet());
        Set<Set<String>> truth = new HashSet<>();
        for (int c = 0; c < 5; c++) {
            truth.add(trueCluster(c, 20));
        }
        assertThat(recovered).isEqualTo(truth);
        assertThat(result.clusters()).flatMap(ClusterResult::members).hasSize(100).doesNotHaveDuplicates();
        assertThat(result.clusters()).extracting(ClusterResult::index).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(result.iterations()).isBetween(1, MetaConceptClustering.DEFAULT_MAX_ITERATIONS);
    }

    @Test
    void representativeIsTheMemberNearestTheNormalisedCentroid() {
        List<ClusterInput> inputs = syntheticClusters(3, 32, 0.08, 20, 20, 20, 20, 20);

        ClusteringResult result = clustering.cluster(inputs, 5, 11L, ProgressListener.NONE, NEVER);

        for (ClusterResult cluster : result.clusters()) {
            assertThat(cluster.representative()).isEqualTo(bruteForceRepresentative(cluster.members()));
            double[] expected = normalisedMean(cluster.members());
            float[] centroid = cluster.centroid().values();
            for (int d = 0; d < expected.length; d++) {
                assertThat((double) centroid[d]).isCloseTo(expected[d], offset(1e-5));
            }
            assertThat(cluster.centroid().embedderId()).isEqualTo(E);
        }
    }

    @Test
    void inertiaIsTheWithinClusterSumOfSquares() {
        List<ClusterInput> inputs = syntheticClusters(5, 16, 0.2, 15, 10, 12);

        ClusteringResult result = clustering.cluster(inputs, 3, 1L, ProgressListener.NONE, NEVER);

        assertThat(result.inertia()).isCloseTo(bruteForceInertia(result.clusters()),
                offset(1e-9));
    }

    @Test
    void sameSeedGivesTheSameResult() {
        List<ClusterInput> inputs = syntheticClusters(9, 32, 0.3, 12, 9, 7, 15, 5, 8);

        ClusteringResult first = clustering.cluster(inputs, 6, 1234L, ProgressListener.NONE, NEVER);
        ClusteringResult second = clustering.cluster(inputs, 6, 1234L, ProgressListener.NONE, NEVER);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void clustersAreSortedByMemberCountThenIndex() {
        List<ClusterInput> inputs = syntheticClusters(21, 32, 0.05, 5, 30, 12, 12);

        ClusteringResult result = clustering.cluster(inputs, 4, 2L, ProgressListener.NONE, NEVER);

        assertThat(result.clusters()).extracting(ClusterResult::size).containsExactly(30, 12, 12, 5);
        assertThat(result.clusters().get(1).index()).isLessThan(result.clusters().get(2).index());
    }

    @Test
    void oneClusterHoldsEverything() {
        List<ClusterInput> inputs = syntheticClusters(4, 8, 0.3, 6);

        ClusteringResult result = clustering.cluster(inputs, 1, 0L, ProgressListener.NONE, NEVER);

        assertThat(result.clusters()).singleElement().satisfies(c -> {
            assertThat(c.members()).containsExactlyElementsOf(inputs);
            assertThat(c.representative()).isEqualTo(bruteForceRepresentative(inputs));
        });
        assertThat(result.iterations()).isEqualTo(1);
    }

    @Test
    void iterationLimitIsHonouredAndCounted() {
        List<ClusterInput> inputs = syntheticClusters(8, 16, 0.6, 20, 20, 20);

        ClusteringResult result = new MetaConceptClustering(1, 1).cluster(inputs, 3, 5L, ProgressListener.NONE, NEVER);

        assertThat(result.iterations()).isEqualTo(1);
    }

    @Test
    void rejectsEmbeddingsOfSeveralEmbeddersNamingThem() {
        List<ClusterInput> inputs = new ArrayList<>(syntheticClusters(1, 4, 0.1, 3, 3));
        inputs.add(new ClusterInput("odd", "odd one", Embedding.normalized("siglip", new float[] {1, 0, 0, 0})));

        assertThatThrownBy(() -> clustering.cluster(inputs, 2, 0L, ProgressListener.NONE, NEVER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clip-test (dim 4)").hasMessageContaining("siglip (dim 4): 1 concept (odd)");
    }

    @Test
    void rejectsOneEmbedderWithTwoDimensions() {
        List<ClusterInput> inputs = List.of(
                new ClusterInput("a", "a", Embedding.normalized(E, new float[] {1, 0})),
                new ClusterInput("b", "b", Embedding.normalized(E, new float[] {1, 0, 0})));

        assertThatThrownBy(() -> clustering.cluster(inputs, 1, 0L, ProgressListener.NONE, NEVER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clip-test (dim 2)").hasMessageContaining("clip-test (dim 3)");
    }

    @Test
    void explainsThatKExceedsTheNumberOfConcepts() {
        List<ClusterInput> inputs = syntheticClusters(1, 8, 0.1, 7);

        assertThatThrownBy(() -> clustering.cluster(inputs, 10, 0L, ProgressListener.NONE, NEVER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("K=10 needs at least 10 concepts; there are 7");
    }

    @Test
    void countsOnlyDistinctEmbeddingsTowardsK() {
        Embedding same = Embedding.normalized(E, new float[] {1, 2, 3});
        List<ClusterInput> inputs = List.of(new ClusterInput("a", "a", same), new ClusterInput("b", "b", same),
                new ClusterInput("c", "c", Embedding.normalized(E, new float[] {3, 2, 1})));

        assertThatThrownBy(() -> clustering.cluster(inputs, 3, 0L, ProgressListener.NONE, NEVER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("K=3 needs at least 3 concepts with distinct embeddings")
                .hasMessageContaining("only 2 distinct");
    }

    @Test
    void rejectsKBelowOneAndDuplicateKeys() {
        List<ClusterInput> inputs = syntheticClusters(1, 8, 0.1, 4);
        assertThatThrownBy(() -> clustering.cluster(inputs, 0, 0L, ProgressListener.NONE, NEVER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("K must be at least 1");

        List<ClusterInput> twice = new ArrayList<>(inputs);
        twice.add(inputs.get(2));
        assertThatThrownBy(() -> clustering.cluster(twice, 2, 0L, ProgressListener.NONE, NEVER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c0-2 is listed twice");
    }

    @Test
    void progressRisesToOneHundred() {
        List<Integer> percents = new ArrayList<>();
        List<String> phases = new ArrayList<>();

        clustering.cluster(syntheticClusters(2, 16, 0.1, 10, 10), 2, 0L, (p, phase) -> {
            percents.add(p);
            phases.add(phase);
        }, NEVER);

        assertThat(percents).first().isEqualTo(0);
        assertThat(percents).last().isEqualTo(100);
        assertThat(percents).isSorted().hasSizeGreaterThanOrEqualTo(3);
        assertThat(phases).anyMatch(p -> p.startsWith("clustered")).allMatch(p -> !p.isBlank());
    }

    @Test
    void cancellationBeforeStartDoesNoWork() {
        List<Integer> percents = new ArrayList<>();

        assertThatThrownBy(() -> clustering.cluster(syntheticClusters(2, 16, 0.1, 10, 10), 2, 0L,
                (p, phase) -> percents.add(p), () -> true))
                .isInstanceOf(ClusteringCancelledException.class);
        assertThat(percents).containsExactly(0);
    }

    @Test
    void cancellationBetweenStepsStopsTheRun() {
        AtomicBoolean cancel = new AtomicBoolean();
        List<Integer> percents = new ArrayList<>();
        ProgressListener cancelAfterFirstTrial = (p, phase) -> {
            percents.add(p);
            if (phase.contains("trial 1")) {
                cancel.set(true);
            }
        };

        assertThatThrownBy(() -> clustering.cluster(syntheticClusters(2, 16, 0.1, 10, 10), 2, 0L,
                cancelAfterFirstTrial, cancel::get))
                .isInstanceOf(ClusteringCancelledException.class).hasMessageContaining("trial 1");
        assertThat(percents).hasSize(2).doesNotContain(100);
    }

    @Test
    void cancellationIsNoticedInsideAKMeansTrial() {
        // 2,000 points x 4 centres: one assignment pass alone makes 8,000 distance computations
        List<ClusterInput> inputs = syntheticClusters(6, 8, 0.5, 500, 500, 500, 500);
        AtomicInteger asked = new AtomicInteger();
        List<Integer> percents = new ArrayList<>();

        assertThatThrownBy(() -> clustering.cluster(inputs, 4, 0L, (p, phase) -> percents.add(p),
                () -> asked.incrementAndGet() > 1))
                .isInstanceOf(ClusteringCancelledException.class).hasMessageContaining("during K-means");
        assertThat(percents).containsExactly(0);
    }
}

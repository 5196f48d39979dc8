package ai.seed.inference.dictionary;

import org.apache.commons.math3.ml.clustering.Clusterable;

/**
 * A {@link ClusterInput} as Commons Math sees it: its embedding widened to doubles.
 *
 * <p>A dedicated type rather than {@code DoublePoint} so that the clusterer can tell the input
 * points from the centroids Commons Math computes (see {@link CountingKMeansClusterer}).
 */
final class ConceptPoint implements Clusterable {

    private final ClusterInput input;
    private final double[] coordinates;

    ConceptPoint(ClusterInput input) {
        this.input = input;
        float[] values = input.embedding().values();
        this.coordinates = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            coordinates[i] = values[i];
        }
    }

    ClusterInput input() {
        return input;
    }

    /** The array itself, not a copy: Commons Math only reads it, and it is called in the inner loop. */
    @Override
    public double[] getPoint() {
        return coordinates;
    }
}

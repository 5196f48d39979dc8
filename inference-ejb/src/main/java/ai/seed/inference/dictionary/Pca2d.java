package ai.seed.inference.dictionary;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Projects vectors onto their first two principal components (centred, SVD), for the console's
 * 2-D map of concept embeddings. Fewer than two points, or vectors that do not vary, project to
 * the origin.
 */
public final class Pca2d {

    private Pca2d() {
    }

    /** One row per input vector: {x, y}. */
    public static double[][] project(List<float[]> vectors) {
        int n = vectors.size();
        double[][] out = new double[n][2];
        if (n < 2) {
            return out;
        }
        int d = vectors.get(0).length;
        double[] mean = new double[d];
        for (float[] v : vectors) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[j] / n;
            }
        }
        double[][] centred = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centred[i][j] = vectors.get(i)[j] - mean[j];
            }
        }
        RealMatrix x = new Array2DRowRealMatrix(centred, false);
        SingularValueDecomposition svd = new SingularValueDecomposition(x);
        RealMatrix u = svd.getU();
        double[] s = svd.getSingularValues();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 2 && k < s.length; k++) {
                out[i][k] = u.getEntry(i, k) * s[k];
            }
        }
        return out;
    }
}

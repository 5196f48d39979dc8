package ai.seed.inference.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class Pca2dTest {

    @Test
    void theFirstComponentFollowsTheDirectionOfMostVariance() {
        // Points spread along (1,1,0) a lot and along (0,0,1) a little.
        List<float[]> points = List.of(new float[] {-2, -2, 0.1f}, new float[] {-1, -1, -0.1f},
                new float[] {1, 1, 0.1f}, new float[] {2, 2, -0.1f});
        double[][] xy = Pca2d.project(points);
        assertEquals(4, xy.length);
        // Order along the first axis is kept (up to sign) and distances match the spread.
        double span = Math.abs(xy[3][0] - xy[0][0]);
        assertEquals(4 * Math.sqrt(2), span, 1e-2);
        assertTrue(Math.abs(xy[0][1]) < 0.2, "the second axis carries only the small spread");
        assertEquals(0, xy[0][0] + xy[1][0] + xy[2][0] + xy[3][0], 1e-6, "centred");
    }

    @Test
    void fewerThanTwoPointsSitAtTheOrigin() {
        assertEquals(0, Pca2d.project(List.of()).length);
        double[][] one = Pca2d.project(List.of(new float[] {3, 4}));
        assertEquals(0, one[0][0]);
        assertEquals(0, one[0][1]);
    }
}

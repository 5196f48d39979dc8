package ai.seed.inference.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The eight EXIF orientations on a 3x2 image with a distinct value in every pixel. */
class OrientationTest {

    /**
     * Stored pixels, row by row:
     * <pre>
     *   1 2 3
     *   4 5 6
     * </pre>
     */
    private static BufferedImage stored() {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                img.setRGB(x, y, y * 3 + x + 1);
            }
        }
        return img;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1 | 3 | 1 2 3 4 5 6",
        "2 | 3 | 3 2 1 6 5 4",
        "3 | 3 | 6 5 4 3 2 1",
        "4 | 3 | 4 5 6 1 2 3",
        "5 | 2 | 1 4 2 5 3 6",
        "6 | 2 | 4 1 5 2 6 3",
        "7 | 2 | 6 3 5 2 4 1",
        "8 | 2 | 3 6 2 5 1 4",
    })
    void uprightPixels(int exif, int uprightWidth, String rowByRow) {
        BufferedImage upright = Orientation.fromExif(exif).apply(stored());
        assertThat(upright.getWidth()).isEqualTo(uprightWidth);
        assertThat(upright.getHeight()).isEqualTo(6 / uprightWidth);
        StringBuilder actual = new StringBuilder();
        for (int y = 0; y < upright.getHeight(); y++) {
            for (int x = 0; x < upright.getWidth(); x++) {
                actual.append(actual.length() == 0 ? "" : " ").append(upright.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertThat(actual.toString()).isEqualTo(rowByRow);
    }

    @Test
    void unknownValuesAreUpright() {
        assertThat(Orientation.fromExif(0)).isEqualTo(Orientation.NORMAL);
        assertThat(Orientation.fromExif(9)).isEqualTo(Orientation.NORMAL);
        assertThat(Orientation.fromExif(-1)).isEqualTo(Orientation.NORMAL);
    }

    @Test
    void onlyTheLastFourSwapSides() {
        for (Orientation o : Orientation.values()) {
            assertThat(o.swapsSides()).as(o.name()).isEqualTo(o.exifValue() >= 5);
        }
    }
}

package ai.seed.inference.model.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.seed.domain.embedding.Embedding;
import ai.seed.inference.model.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class BaselineEmbedderTest {

    private final BaselineEmbedder embedder = new BaselineEmbedder();

    private static BufferedImage redChecker() {
        BufferedImage img = TestImages.canvas(120, 120, Color.WHITE);
        TestImages.checker(img, 0, 0, 120, Color.RED, Color.YELLOW, 15);
        return img;
    }

    private static BufferedImage blueStripes() {
        BufferedImage img = TestImages.canvas(120, 120, Color.WHITE);
        TestImages.stripes(img, 0, 0, 120, Color.BLUE, Color.WHITE, 10);
        return img;
    }

    @Test
    void labelsItsVectorsAsTheBaselineEmbedder() {
        Embedding e = embedder.embed(redChecker());
        assertThat(e.embedderId()).isEqualTo(BaselineEmbedder.ID).contains("baseline");
        assertThat(e.dimension()).isEqualTo(BaselineEmbedder.DIMENSION);
    }

    @Test
    void isDeterministicAndSurvivesPngRoundTrip() {
        Embedding direct = embedder.embed(redChecker());
        Embedding viaPng = embedder.embed(TestImages.png(redChecker()));
        assertThat(direct.cosine(viaPng)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void aRescaledCopyIsCloserThanADifferentObject() {
        BufferedImage bigger = TestImages.canvas(240, 240, Color.WHITE);
        TestImages.checker(bigger, 0, 0, 240, Color.RED, Color.YELLOW, 30);
        Embedding red = embedder.embed(redChecker());
        double sameObject = red.cosine(embedder.embed(bigger));
        double otherObject = red.cosine(embedder.embed(blueStripes()));
        assertThat(sameObject).isGreaterThan(0.95);
        assertThat(otherObject).isLessThan(sameObject - 0.2);
    }
}

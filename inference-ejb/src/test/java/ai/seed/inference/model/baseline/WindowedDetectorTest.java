package ai.seed.inference.model.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.domain.embedding.Embedding;
import ai.seed.inference.model.ReferenceConcept;
import ai.seed.inference.model.SmallVlmRequest;
import ai.seed.inference.model.SmallVlmResponse;
import ai.seed.inference.model.TestImages;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowedDetectorTest {

    private final BaselineEmbedder embedder = new BaselineEmbedder();
    private final WindowedDetector detector = new WindowedDetector(embedder, 0.9, "baseline-detector");

    private Embedding reference(java.util.function.Consumer<BufferedImage> paint) {
        BufferedImage img = TestImages.canvas(100, 100, Color.WHITE);
        paint.accept(img);
        return embedder.embed(img);
    }

    @Test
    void findsConceptsWhereTheyAreAndSaysWhereTheyAreRelativeToEachOther() {
        BufferedImage scene = TestImages.canvas(300, 300, Color.WHITE);
        TestImages.checker(scene, 10, 10, 100, Color.RED, Color.YELLOW, 12);
        TestImages.stripes(scene, 190, 190, 100, Color.BLUE, Color.WHITE, 10);

        List<ReferenceConcept> concepts = List.of(
                new ReferenceConcept("<toy>", reference(i -> TestImages.checker(i, 0, 0, 100, Color.RED, Color.YELLOW, 12))),
                new ReferenceConcept("<mug>", reference(i -> TestImages.stripes(i, 0, 0, 100, Color.BLUE, Color.WHITE, 10))),
                new ReferenceConcept("<plant>", reference(i -> TestImages.checker(i, 0, 0, 100, Color.GREEN, Color.BLACK, 8))));

        SmallVlmResponse response = detector.detect(new SmallVlmRequest("sys", "user", TestImages.png(scene),
                null, 0.2, 1024, concepts));
        JsonObject report = Json.createReader(new StringReader(response.rawText())).readObject();

        assertThat(report.getJsonObject("<toy>").getBoolean("present")).isTrue();
        assertThat(report.getJsonObject("<toy>").getString("location-absolute")).isEqualTo("top-left quadrant");
        assertThat(report.getJsonObject("<toy>").getString("location-relative")).isEqualTo("to the left of <mug>");
        assertThat(report.getJsonObject("<mug>").getBoolean("present")).isTrue();
        assertThat(report.getJsonObject("<mug>").getString("location-absolute")).isEqualTo("bottom-right quadrant");
        assertThat(report.getJsonObject("<plant>").getBoolean("present")).isFalse();
        assertThat(report.getJsonObject("<plant>").keySet()).containsExactly("present");
        assertThat(response.model()).isEqualTo("baseline-detector");
    }

    @Test
    void neverComparesConceptsOfAnotherEmbedder() {
        BufferedImage scene = TestImages.canvas(200, 200, Color.WHITE);
        TestImages.checker(scene, 0, 0, 200, Color.RED, Color.YELLOW, 12);
        Embedding foreign = Embedding.normalized("clip-vit-b32", ones(BaselineEmbedder.DIMENSION));
        SmallVlmResponse response = detector.detect(new SmallVlmRequest("s", "u", TestImages.png(scene), null, 0.2,
                64, List.of(new ReferenceConcept("<toy>", foreign))));
        assertThat(response.rawText()).isEqualTo("{\"<toy>\":{\"present\":false}}");
    }

    private static float[] ones(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        return v;
    }

    @Test
    void gridVocabularyCoversTheNineCells() {
        assertThat(GridLocation.of(0.1, 0.1).phrase()).isEqualTo("top-left quadrant");
        assertThat(GridLocation.of(0.5, 0.5).phrase()).isEqualTo("center");
        assertThat(GridLocation.of(0.9, 0.5).phrase()).isEqualTo("center-right");
        assertThat(GridLocation.of(0.5, 0.9).phrase()).isEqualTo("bottom center");
        assertThat(GridLocation.of(0.9, 0.9).phrase()).isEqualTo("bottom-right quadrant");
    }
}

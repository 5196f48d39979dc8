package ai.seed.inference.model.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.seed.domain.embedding.Embedding;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads the committed tiny TorchScript fixture (scripts/models/make-tiny-clip-fixture.py) through
 * DJL's PyTorch engine, offline, and checks it computes what PyTorch computed when it was made.
 */
class DjlImageEncoderTest {

    private static final int SIZE = 32;
    private static Path dir;
    private static DjlImageEncoder encoder;
    private static float[] expected;

    @BeforeAll
    static void load() throws Exception {
        dir = Paths.get(DjlImageEncoderTest.class.getResource("/models/tiny-clip").toURI());
        encoder = DjlImageEncoder.load(dir, "cpu");
        String[] parts = Files.readString(dir.resolve("expected.txt")).trim().split(" ");
        expected = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            expected[i] = Float.parseFloat(parts[i]);
        }
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    /** The fixture script's synthetic image: red ramp, green ramp, blue 4-pixel checker. */
    private static float[][][] fixedImage() {
        float[][][] img = new float[3][SIZE][SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                img[0][y][x] = x / (float) (SIZE - 1);
                img[1][y][x] = y / (float) (SIZE - 1);
                img[2][y][x] = ((x / 4) + (y / 4)) % 2 == 0 ? 1f : 0f;
            }
        }
        return img;
    }

    @Test
    void readsTheSpecWrittenBesideTheModel() {
        EmbedderSpec spec = encoder.spec();
        assertThat(spec.embedderId()).isEqualTo("tiny-clip-fixture-v1");
        assertThat(spec.imageSize()).isEqualTo(SIZE);
        assertThat(spec.dimension()).isEqualTo(16);
        assertThat(spec.modelName()).isEqualTo("tiny-clip");
    }

    @Test
    void computesWhatPyTorchComputedForTheSameInput() throws TranslateException {
        float[][][] img = fixedImage();
        float[] mean = encoder.spec().mean();
        float[] std = encoder.spec().std();
        float[] flat = new float[3 * SIZE * SIZE];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    flat[(c * SIZE + y) * SIZE + x] = (img[c][y][x] - mean[c]) / std[c];
                }
            }
        }
        try (NDManager manager = NDManager.newBaseManager();
             Predictor<NDList, NDList> raw = encoder.model().getWrappedModel().newPredictor(new NoopTranslator())) {
            NDArray input = manager.create(flat, new Shape(1, 3, SIZE, SIZE));
            float[] out = raw.predict(new NDList(input)).singletonOrThrow().toFloatArray();
            assertThat(out).containsExactly(expected, within(1e-4f));
        }
    }

    @Test
    void theTranslatorPathAgreesWithinEightBitQuantisation() throws TranslateException {
        try (Predictor<Image, float[]> predictor = encoder.newPredictor()) {
            float[] out = predictor.predict(ImageFactory.getInstance().fromImage(asRgb(fixedImage())));
            Embedding java = Embedding.normalized("x", out);
            Embedding python = Embedding.normalized("x", expected);
            assertThat(java.cosine(python)).isGreaterThan(0.999);
        }
    }

    @Test
    void predictorsOnSixThreadsGiveIdenticalResults() throws Exception {
        BufferedImage image = asRgb(fixedImage());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<float[]>>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                futures.add(pool.submit(() -> {
                    List<float[]> results = new ArrayList<>();
                    try (Predictor<Image, float[]> predictor = encoder.newPredictor()) {
                        for (int i = 0; i < 10; i++) {
                            results.add(predictor.predict(ImageFactory.getInstance().fromImage(image)));
                        }
                    }
                    return results;
                }));
            }
            float[] first = futures.get(0).get().get(0);
            for (Future<List<float[]>> f : futures) {
                for (float[] r : f.get()) {
                    assertThat(r).containsExactly(first);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void explainsAMissingModelDirectory() {
        assertThatThrownBy(() -> DjlImageEncoder.load(dir.resolve("nope"), "cpu"))
                .hasMessageContaining("embedder model directory not found");
    }

    @Test
    void parsesDevices() {
        assertThat(DjlImageEncoder.device("cpu").isGpu()).isFalse();
        assertThat(DjlImageEncoder.device("gpu1").getDeviceId()).isEqualTo(1);
        assertThatThrownBy(() -> DjlImageEncoder.device("tpu")).isInstanceOf(IllegalArgumentException.class);
    }

    private static BufferedImage asRgb(float[][][] img) {
        BufferedImage out = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int r = Math.round(img[0][y][x] * 255);
                int g = Math.round(img[1][y][x] * 255);
                int b = Math.round(img[2][y][x] * 255);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }
}

package ai.seed.inference.model.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A TorchScript image encoder loaded by DJL's PyTorch engine from an operator's model directory.
 * The model is shared; each thread needs its own {@link Predictor} (not thread-safe), which is
 * why the server holds predictors in an EJB pool.
 */
public final class DjlImageEncoder implements AutoCloseable {

    private final EmbedderSpec spec;
    private final ZooModel<Image, float[]> model;

    private DjlImageEncoder(EmbedderSpec spec, ZooModel<Image, float[]> model) {
        this.spec = spec;
        this.model = model;
    }

    /**
     * @param device "cpu" or "gpu0", "gpu1", ...
     */
    public static DjlImageEncoder load(Path modelDir, String device) {
        if (!Files.isDirectory(modelDir)) {
            throw new IllegalStateException("embedder model directory not found: " + modelDir);
        }
        EmbedderSpec spec = EmbedderSpec.read(modelDir);
        Criteria<Image, float[]> criteria = Criteria.builder()
                .setTypes(Image.class, float[].class)
                .optEngine("PyTorch")
                .optModelPath(modelDir)
                .optModelName(spec.modelName())
                .optDevice(device(device))
                .optTranslator(new ClipImageTranslator(spec))
                .build();
        try {
            return new DjlImageEncoder(spec, criteria.loadModel());
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("cannot load embedder from " + modelDir + ": " + e.getMessage(), e);
        }
    }

    static Device device(String device) {
        if (device == null || device.isBlank() || "cpu".equalsIgnoreCase(device)) {
            return Device.cpu();
        }
        if (device.toLowerCase().startsWith("gpu")) {
            String index = device.substring(3);
            return Device.gpu(index.isEmpty() ? 0 : Integer.parseInt(index));
        }
        throw new IllegalArgumentException("device must be cpu or gpuN, got " + device);
    }

    public EmbedderSpec spec() {
        return spec;
    }

    public Predictor<Image, float[]> newPredictor() {
        return model.newPredictor();
    }

    /** For tests and diagnostics: the loaded model itself. */
    public ZooModel<Image, float[]> model() {
        return model;
    }

    @Override
    public void close() {
        model.close();
    }
}

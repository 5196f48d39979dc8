package ai.seed.inference.model.djl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;

/**
 * What a model directory says about its image encoder ({@code seed-embedder.properties}, written
 * by scripts/models/export-clip-vision.py): embedder id, TorchScript file, input size, output
 * dimension and the normalisation it was trained with.
 */
public record EmbedderSpec(String embedderId, String modelFile, int imageSize, int dimension, float[] mean,
                           float[] std) {

    public static final String FILE = "seed-embedder.properties";

    public static EmbedderSpec read(Path modelDir) {
        Path file = modelDir.resolve(FILE);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new EmbedderSpec(required(p, "embedder.id"), required(p, "model.file"),
                Integer.parseInt(required(p, "image.size")), Integer.parseInt(required(p, "embedding.dimension")),
                floats(required(p, "normalize.mean")), floats(required(p, "normalize.std")));
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(FILE + " lacks " + key);
        }
        return v.trim();
    }

    private static float[] floats(String csv) {
        String[] parts = csv.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i].trim());
        }
        if (out.length != 3) {
            throw new IllegalStateException("normalisation needs 3 values (RGB), got " + Arrays.toString(out));
        }
        return out;
    }

    /** The TorchScript file's name without ".pt": DJL's model name. */
    public String modelName() {
        return modelFile.endsWith(".pt") ? modelFile.substring(0, modelFile.length() - 3) : modelFile;
    }
}

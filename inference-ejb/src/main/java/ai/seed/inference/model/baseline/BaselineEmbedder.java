package ai.seed.inference.model.baseline;

import ai.seed.domain.embedding.Embedding;
import ai.seed.inference.model.InProcessEmbedder;
import ai.seed.inference.model.Images;
import java.awt.image.BufferedImage;

/**
 * BASELINE, weight-free image embedder: hand-made colour, texture and layout descriptors in plain
 * Java. It is no CLIP: it recognises the same object under similar colours and framing and little
 * else. It exists so the product runs (and its tests pass) where no model weights are available;
 * operators configure a real encoder (DJL TorchScript) for production.
 *
 * <p>Vector (dimension {@value #DIMENSION}): 72 HSV colour bins (8 hue x 3 saturation x 3 value,
 * Hellinger-normalised), 32 gradient-orientation bins (8 orientations x 2x2 cells) and 48 layout
 * values (4x4 cells x mean RGB, centred). Each block is weighted so none dominates.
 */
public class BaselineEmbedder implements InProcessEmbedder {

    public static final String ID = "baseline-colour-texture-layout-v1";
    public static final int DIMENSION = 72 + 32 + 48;
    private static final int SIZE = 64;

    @Override
    public String embedderId() {
        return ID;
    }

    @Override
    public Embedding embed(BufferedImage image) {
        BufferedImage small = Images.resize(image, SIZE, SIZE);
        float[] v = new float[DIMENSION];
        colour(small, v, 0);
        texture(small, v, 72);
        layout(small, v, 104);
        return Embedding.normalized(ID, v);
    }

    private static void colour(BufferedImage img, float[] v, int offset) {
        float[] hsv = new float[3];
        int n = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int rgb = img.getRGB(x, y);
                java.awt.Color.RGBtoHSB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, hsv);
                int h = Math.min(7, (int) (hsv[0] * 8));
                int s = Math.min(2, (int) (hsv[1] * 3));
                int b = Math.min(2, (int) (hsv[2] * 3));
                v[offset + (h * 9) + (s * 3) + b]++;
                n++;
            }
        }
        for (int i = 0; i < 72; i++) {
            v[offset + i] = (float) Math.sqrt(v[offset + i] / n); // Hellinger: tames dominant colours
        }
    }

    private static void texture(BufferedImage img, float[] v, int offset) {
        float total = 0;
        for (int y = 1; y < SIZE - 1; y++) {
            for (int x = 1; x < SIZE - 1; x++) {
                float gx = luma(img.getRGB(x + 1, y)) - luma(img.getRGB(x - 1, y));
                float gy = luma(img.getRGB(x, y + 1)) - luma(img.getRGB(x, y - 1));
                float magnitude = (float) Math.hypot(gx, gy);
                double angle = Math.atan2(gy, gx) + Math.PI; // 0..2pi
                int bin = Math.min(7, (int) (angle / (2 * Math.PI) * 8));
                int cell = (y < SIZE / 2 ? 0 : 2) + (x < SIZE / 2 ? 0 : 1);
                v[offset + cell * 8 + bin] += magnitude;
                total += magnitude;
            }
        }
        if (total > 0) {
            for (int i = 0; i < 32; i++) {
                v[offset + i] = (float) Math.sqrt(v[offset + i] / total) * 0.8f;
            }
        }
    }

    private static void layout(BufferedImage img, float[] v, int offset) {
        int cell = SIZE / 4;
        float mean = 0;
        for (int cy = 0; cy < 4; cy++) {
            for (int cx = 0; cx < 4; cx++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int y = cy * cell; y < (cy + 1) * cell; y++) {
                    for (int x = cx * cell; x < (cx + 1) * cell; x++) {
                        int rgb = img.getRGB(x, y);
                        r += (rgb >> 16) & 0xff;
                        g += (rgb >> 8) & 0xff;
                        b += rgb & 0xff;
                    }
                }
                float area = cell * cell * 255f;
                int i = offset + (cy * 4 + cx) * 3;
                v[i] = r / area;
                v[i + 1] = g / area;
                v[i + 2] = b / area;
                mean += (r + g + b) / area;
            }
        }
        mean /= 48;
        for (int i = 0; i < 48; i++) {
            v[offset + i] = (v[offset + i] - mean) * 0.5f; // centred: layout differences, not brightness
        }
    }

    private static float luma(int rgb) {
        return (0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff)) / 255f;
    }
}

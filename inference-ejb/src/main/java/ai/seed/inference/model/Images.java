package ai.seed.inference.model;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Decoding and resizing for in-process models (java.awt, headless). */
public final class Images {

    private Images() {
    }

    public static BufferedImage decode(ImageData image) {
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
            if (decoded == null) {
                throw new NonRetriableModelException("image could not be decoded (" + image.mimeType() + ")", 0, null);
            }
            return decoded;
        } catch (IOException e) {
            throw new NonRetriableModelException("image could not be decoded: " + e.getMessage(), 0, e);
        }
    }

    /** Bilinear resize into an RGB image of exactly width x height (aspect ratio not kept). */
    public static BufferedImage resize(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}

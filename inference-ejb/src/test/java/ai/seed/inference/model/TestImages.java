package ai.seed.inference.model;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Synthetic images for tests: patterned patches on a plain background. */
public final class TestImages {

    private TestImages() {
    }

    public static BufferedImage canvas(int w, int h, Color background) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /** A checkerboard of two colours: texture plus colour, like a toy or a patterned mug. */
    public static void checker(BufferedImage img, int x, int y, int size, Color a, Color b, int cell) {
        Graphics2D g = img.createGraphics();
        for (int yy = 0; yy < size; yy += cell) {
            for (int xx = 0; xx < size; xx += cell) {
                g.setColor(((xx / cell) + (yy / cell)) % 2 == 0 ? a : b);
                g.fillRect(x + xx, y + yy, Math.min(cell, size - xx), Math.min(cell, size - yy));
            }
        }
        g.dispose();
    }

    /** Horizontal stripes of two colours. */
    public static void stripes(BufferedImage img, int x, int y, int size, Color a, Color b, int width) {
        Graphics2D g = img.createGraphics();
        for (int yy = 0; yy < size; yy += width) {
            g.setColor((yy / width) % 2 == 0 ? a : b);
            g.fillRect(x, y + yy, size, Math.min(width, size - yy));
        }
        g.dispose();
    }

    public static ImageData png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return new ImageData(out.toByteArray(), "image/png");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

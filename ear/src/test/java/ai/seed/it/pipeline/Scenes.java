package ai.seed.it.pipeline;

import ai.seed.inference.model.ImageData;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Synthetic photos for pipeline tests: a "toy" (checker) and a "mug" (stripes) on white. */
public final class Scenes {

    private Scenes() {
    }

    static BufferedImage toy(int size) {
        BufferedImage img = canvas(size, size);
        checker(img, 0, 0, size);
        return img;
    }

    static BufferedImage mug(int size) {
        BufferedImage img = canvas(size, size);
        stripes(img, 0, 0, size);
        return img;
    }

    /** The toy at the top left, the mug at the bottom right. */
    public static ImageData scene() {
        BufferedImage img = canvas(300, 300);
        checker(img, 10, 10, 100);
        stripes(img, 190, 190, 100);
        return png(img);
    }

    static ImageData png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return new ImageData(out.toByteArray(), "image/png");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage canvas(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    private static void checker(BufferedImage img, int x, int y, int size) {
        Graphics2D g = img.createGraphics();
        for (int yy = 0; yy < size; yy += 12) {
            for (int xx = 0; xx < size; xx += 12) {
                g.setColor(((xx / 12) + (yy / 12)) % 2 == 0 ? Color.RED : Color.YELLOW);
                g.fillRect(x + xx, y + yy, Math.min(12, size - xx), Math.min(12, size - yy));
            }
        }
        g.dispose();
    }

    private static void stripes(BufferedImage img, int x, int y, int size) {
        Graphics2D g = img.createGraphics();
        for (int yy = 0; yy < size; yy += 10) {
            g.setColor((yy / 10) % 2 == 0 ? Color.BLUE : Color.WHITE);
            g.fillRect(x, y + yy, size, Math.min(10, size - yy));
        }
        g.dispose();
    }
}

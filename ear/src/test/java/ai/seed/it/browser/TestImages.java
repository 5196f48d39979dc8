package ai.seed.it.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reference images for browser tests: small PNGs drawn with java.awt, written into a temp dir. */
final class TestImages {

    private TestImages() {
    }

    /** A 256x256 PNG: a {@code background} square with a {@code shape} circle, so images differ. */
    static Path png(Path dir, String name, Color background, Color shape) {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(background);
            g.fillRect(0, 0, 256, 256);
            g.setColor(shape);
            g.fillOval(48, 48, 160, 160);
        } finally {
            g.dispose();
        }
        Path file = dir.resolve(name + ".png");
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}

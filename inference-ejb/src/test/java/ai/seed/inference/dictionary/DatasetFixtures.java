package ai.seed.inference.dictionary;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Builds small dataset folders with real (tiny, generated) images. */
final class DatasetFixtures {

    private DatasetFixtures() {
    }

    /** Writes an 8x8 image in the format its extension names ({@code png}, {@code jpg}, {@code jpeg}). */
    static Path image(Path file) {
        String fileName = file.getFileName().toString();
        String format = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase();
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, new Color(fileName.hashCode() & 0xFFFFFF).getRGB());
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(image, format.equals("png") ? "png" : "jpg", file.toFile())) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path text(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path folder(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

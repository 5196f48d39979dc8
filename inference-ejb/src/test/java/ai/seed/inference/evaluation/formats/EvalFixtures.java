package ai.seed.inference.evaluation.formats;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The committed fixture folders under {@code src/test/resources/evaluation/<format>/} (images made
 * by {@code scripts/evaluation/MakeEvalFixtureImages.java}) and helpers to vary them in a temp dir.
 */
final class EvalFixtures {

    private EvalFixtures() {
    }

    static Path resource(String name) {
        URL url = EvalFixtures.class.getResource("/evaluation/" + name);
        if (url == null) {
            throw new IllegalStateException("missing fixture folder evaluation/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A writable copy of a fixture folder, for tests that break one file. */
    static Path copy(String name, Path target) {
        Path source = resource(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** A real 2x2 PNG. */
    static Path png(Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces one exact piece of a fixture file, failing when the piece is not there. */
    static void replace(Path file, String from, String to) {
        String text = read(file);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " does not contain " + from);
        }
        write(file, text.replace(from, to));
    }
}

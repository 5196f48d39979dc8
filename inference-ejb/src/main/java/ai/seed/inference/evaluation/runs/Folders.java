package ai.seed.inference.evaluation.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing temp folders of unpacked uploads. */
final class Folders {

    private Folders() {
    }

    static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // A leftover temp file is harmless; the OS temp cleaner removes it.
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}

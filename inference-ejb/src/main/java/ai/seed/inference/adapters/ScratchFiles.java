package ai.seed.inference.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Bounded copies into scratch folders, and their removal. */
final class ScratchFiles {

    private ScratchFiles() {
    }

    /**
     * Copies {@code in} to a new file, counting the bytes actually read: past {@code maxBytes} the
     * copy stops (having written at most {@code maxBytes}), the file is deleted and {@code tooLarge}
     * is thrown. Sizes announced by the sender are never trusted.
     */
    static long copyBounded(InputStream in, Path target, long maxBytes, Supplier<AdapterRejectedException> tooLarge)
            throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (total + n > maxBytes) {
                    out.close();
                    Files.deleteIfExists(target);
                    throw tooLarge.get();
                }
                out.write(buffer, 0, n);
                total += n;
            }
        }
        return total;
    }

    /** Deletes a folder and everything in it; best effort, never follows links out of it. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(ScratchFiles::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover scratch file holds no served name; the next clean-up of the parent gets it
        }
    }

    static Path newScratchDir(Path parent, String prefix) throws IOException {
        return parent == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(parent, prefix);
    }
}

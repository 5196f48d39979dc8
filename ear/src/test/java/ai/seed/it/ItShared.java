package ai.seed.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Values handed from in-container test code (which can create tenants, users and keys through the
 * services) to client-side test code (browsers, SDK clients) in another JVM: small files under
 * {@code target/it-shared}, named by the test.
 */
public final class ItShared {

    private ItShared() {
    }

    private static Path dir() {
        String dir = System.getProperty("seed.it.shared.dir");
        if (dir == null) {
            throw new IllegalStateException("seed.it.shared.dir is not set (failsafe passes it)");
        }
        return Path.of(dir);
    }

    public static void put(String name, String value) {
        try {
            Files.createDirectories(dir());
            Files.writeString(dir().resolve(name), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String get(String name) {
        try {
            return Files.readString(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("nothing shared as " + name + " (did the in-container setup run first?)", e);
        }
    }
}

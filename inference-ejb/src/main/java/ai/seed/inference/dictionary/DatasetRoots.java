package ai.seed.inference.dictionary;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a dataset really starts. Most people archive a dataset with its folder
 * ({@code zip -r yollava-data.zip yollava-data}), so the data sits one folder down; zip tools and
 * macOS add {@code __MACOSX/}, {@code .DS_Store} and {@code ._*} beside it.
 */
public final class DatasetRoots {

    /** How many single folders are looked through before giving up. */
    private static final int MAX_DESCENTS = 2;

    private DatasetRoots() {
    }

    /** Names a zip tool or an OS leaves beside the data. */
    public static boolean isLitter(String name) {
        return name.startsWith(".") || name.equals("__MACOSX");
    }

    /** The one folder {@code dir} holds when it holds nothing else (litter aside). */
    public static Optional<Path> onlyFolder(Path dir) {
        List<Path> visible = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (!isLitter(entry.getFileName().toString())) {
                    visible.add(entry);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        Path only = visible.size() == 1 ? visible.get(0) : null;
        return only != null && Files.isDirectory(only) && !Files.isSymbolicLink(only) ? Optional.of(only) : Optional.empty();
    }

    /** Reads the dataset at {@code root}, or inside its only folder when the root itself has no concepts. */
    public static DatasetReadResult read(Path root, Function<Path, DatasetReadResult> reader) {
        Path at = root;
        DatasetReadResult read = reader.apply(at);
        for (int i = 0; i < MAX_DESCENTS && read.concepts().isEmpty(); i++) {
            Optional<Path> inside = onlyFolder(at);
            if (inside.isEmpty()) {
                break;
            }
            at = inside.get();
            read = reader.apply(at);
        }
        return read;
    }
}

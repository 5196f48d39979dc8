package ai.seed.inference.evaluation.formats;

import ai.seed.inference.dictionary.DatasetRoots;
import ai.seed.inference.evaluation.DatasetFormatException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Resolves the image paths that dataset files declare, never leaving the dataset root: no
 * absolute paths, no {@code ..}, and no symbolic link that leads outside the root.
 */
final class DatasetPaths {

    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "webp");

    private final Path root;
    private final Path realRoot;

    private DatasetPaths(Path root, Path realRoot) {
        this.root = root;
        this.realRoot = realRoot;
    }

    static DatasetPaths of(Path root) throws DatasetFormatException {
        if (root == null || !Files.isDirectory(root)) {
            throw new DatasetFormatException(String.valueOf(root), "the dataset root does not exist or is not a directory");
        }
        try {
            return new DatasetPaths(root.toAbsolutePath().normalize(), root.toRealPath());
        } catch (IOException e) {
            throw new DatasetFormatException(String.valueOf(root), "the dataset root cannot be read (" + e.getMessage() + ")");
        }
    }

    Path root() {
        return root;
    }

    /** Forward-slash path relative to the root, for keys and messages. */
    String relative(Path path) {
        String rel = root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }

    /**
     * A tenant-authored path: relative, inside the root, an existing image file.
     *
     * @param entry names the JSON entry in messages
     */
    Path declared(String declared, String entry) throws DatasetFormatException {
        String p = declared.strip().replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || p.startsWith("~")) {
            throw new DatasetFormatException(entry, "'" + declared + "' is absolute; image paths are relative to the dataset folder");
        }
        if (Arrays.asList(p.split("/")).contains("..")) {
            throw new DatasetFormatException(entry, "'" + declared + "' leaves the dataset folder (..)");
        }
        Path file = root.resolve(p).normalize();
        requireImageInside(file, declared, entry);
        return file;
    }

    /**
     * A path as the public datasets write it, usually relative to wherever their authors ran the
     * scripts ({@code ./yollava-data/test/bo/3.png}, {@code ../mcdataset/two_concept/...},
     * {@code /mnt/.../test/bo/3.png}): the longest tail of it that names an existing file under
     * the root wins, then the longest tail under {@code jsonFolder} (the folder of the file that
     * declares it). Tails never contain {@code ..}, and the file found must lie inside the root.
     */
    Path published(String declared, String entry, Path jsonFolder) throws DatasetFormatException {
        List<String> segments = new ArrayList<>();
        for (String s : declared.strip().replace('\\', '/').split("/")) {
            if (s.equals("..")) {
                segments.clear(); // only what follows the last ".." can name a file inside the root
            } else if (!s.isEmpty() && !s.equals(".")) {
                segments.add(s);
            }
        }
        for (Path base : jsonFolder == null ? List.of(root) : List.of(root, jsonFolder.toAbsolutePath().normalize())) {
            for (int i = 0; i < segments.size(); i++) {
                Path candidate = base.resolve(String.join("/", segments.subList(i, segments.size()))).normalize();
                if (candidate.startsWith(root) && Files.isRegularFile(candidate)) {
                    requireImageInside(candidate, declared, entry);
                    return candidate;
                }
            }
        }
        throw new DatasetFormatException(entry, "image '" + declared + "' not found under the dataset folder");
    }

    private void requireImageInside(Path file, String declared, String entry) throws DatasetFormatException {
        if (!file.startsWith(root)) {
            throw new DatasetFormatException(entry, "'" + declared + "' leaves the dataset folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(entry, "image '" + declared + "' does not exist");
        }
        if (!isImageName(file)) {
            throw new DatasetFormatException(entry, "'" + declared + "' is not a .png, .jpg, .jpeg or .webp file");
        }
        try {
            if (!file.toRealPath().startsWith(realRoot)) {
                throw new DatasetFormatException(entry, "'" + declared + "' is a link that leads outside the dataset folder");
            }
            if (Files.size(file) == 0) {
                throw new DatasetFormatException(entry, "image '" + declared + "' is empty");
            }
        } catch (IOException e) {
            throw new DatasetFormatException(entry, "image '" + declared + "' cannot be read (" + e.getMessage() + ")");
        }
    }

    static boolean isImageName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && !name.startsWith(".") && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The non-empty images directly in {@code folder}, inside the root, in file-name order. */
    List<Path> images(Path folder) throws DatasetFormatException {
        List<Path> images = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (isImageName(entry) && Files.isRegularFile(entry) && Files.size(entry) > 0
                        && entry.toRealPath().startsWith(realRoot)) {
                    images.add(entry.toAbsolutePath().normalize());
                }
            }
        } catch (IOException e) {
            throw new DatasetFormatException(relative(folder), "cannot be listed (" + e.getMessage() + ")");
        }
        images.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return images;
    }

    /** Visible sub-folders in name order (ignoring case), as the concept importers order them. */
    List<Path> folders(Path dir) throws DatasetFormatException {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry) && !isLitter(name)) {
                    folders.add(entry.toAbsolutePath().normalize());
                }
            }
        } catch (IOException e) {
            throw new DatasetFormatException(relative(dir), "cannot be listed (" + e.getMessage() + ")");
        }
        folders.sort(Comparator.comparing((Path p) -> p.getFileName().toString().toLowerCase(Locale.ROOT))
                .thenComparing(p -> p.getFileName().toString()));
        return folders;
    }

    static boolean isLitter(String name) {
        return DatasetRoots.isLitter(name);
    }

    /** What {@code dir} does hold, for a message that says why nothing was found: "found a/, b/, x.json". */
    static String found(Path dir) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!isLitter(name)) {
                    names.add(Files.isDirectory(entry) ? name + "/" : name);
                }
            }
        } catch (IOException e) {
            return "the folder cannot be listed";
        }
        if (names.isEmpty()) {
            return "the archive or folder is empty";
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        String shown = String.join(", ", names.subList(0, Math.min(10, names.size())));
        return "found " + shown + (names.size() > 10 ? " and " + (names.size() - 10) + " more" : "");
    }
}

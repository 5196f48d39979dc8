package ai.seed.inference.dictionary;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The part the dataset importers share: one folder of reference images per concept.
 *
 * <p>Rules: a concept folder's name, lower-cased, is the concept name and must match
 * {@link DatasetConcept#NAME}; its images are the {@code .png}, {@code .jpg} and {@code .jpeg}
 * files directly inside it (any case), non-empty and not hidden; sub-folders and other files are
 * not reference images. A folder that breaks a rule is skipped with a reason, never fails the
 * import; only a missing or unreadable root does. Hidden entries ({@code .*}) and the
 * {@code __MACOSX} folders that zip archives of these datasets often carry are not concepts and
 * are passed over silently. Folders are visited in name order (ignoring case), images are listed
 * in file-name order, so results are deterministic.
 *
 * <p>Not thread-safe: one instance per import.
 */
final class ConceptFolderReader {

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg");
    /** Concept names are lower-cased, so folders are ordered as their names will be. */
    private static final Comparator<Path> BY_NAME_IGNORING_CASE = Comparator
            .comparing((Path p) -> p.getFileName().toString().toLowerCase(Locale.ROOT))
            .thenComparing(p -> p.getFileName().toString());

    private final Path root;
    private final Map<String, String> descriptions;
    private final Map<String, Path> readFrom = new HashMap<>();
    private final List<DatasetConcept> concepts = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    private ConceptFolderReader(Path root) {
        this.root = root;
        this.descriptions = DatasetDescriptions.read(root, skipped::add);
    }

    /** @throws IllegalArgumentException when the root is missing or not a directory */
    static ConceptFolderReader open(Path root, String dataset) {
        if (root == null || !Files.exists(root)) {
            throw new IllegalArgumentException(dataset + " dataset root " + root + " does not exist");
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(dataset + " dataset root " + root + " is not a directory");
        }
        return new ConceptFolderReader(root);
    }

    /** The visible sub-folders of {@code dir} in name order; an unreadable folder is reported and empty. */
    List<Path> subfolders(Path dir) {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry) && !isHidden(entry)) {
                    folders.add(entry);
                }
            }
        } catch (IOException e) {
            skip(dir, "cannot be listed (" + e.getMessage() + ")");
        }
        folders.sort(BY_NAME_IGNORING_CASE);
        return folders;
    }

    /** Reads one concept folder, or records why it was skipped. */
    void readConcept(Path folder) {
        String name = folder.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!DatasetConcept.NAME.matcher(name).matches()) {
            skip(folder, "'" + name + "' is not a valid concept name (1-64 characters of a-z, 0-9, _ and -)");
            return;
        }
        Path earlier = readFrom.get(name);
        if (earlier != null) {
            skip(folder, "concept '" + name + "' was already read from " + relative(earlier));
            return;
        }
        List<Path> images = images(folder);
        if (images.isEmpty()) {
            skip(folder, "no images (.png, .jpg or .jpeg) in the concept folder");
            return;
        }
        readFrom.put(name, folder);
        String description = descriptions.getOrDefault(name, "<" + name + ">");
        concepts.add(new DatasetConcept(name, images, description));
    }

    private List<Path> images(Path folder) {
        List<Path> images = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (isImageFile(entry)) {
                    if (Files.size(entry) == 0) {
                        skip(entry, "empty image file");
                    } else {
                        images.add(entry);
                    }
                }
            }
        } catch (IOException e) {
            skip(folder, "cannot be read (" + e.getMessage() + ")");
            return List.of();
        }
        images.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return images;
    }

    private static boolean isImageFile(Path entry) {
        String fileName = entry.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && !isHidden(entry) && Files.isRegularFile(entry)
                && IMAGE_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static boolean isHidden(Path entry) {
        String fileName = entry.getFileName().toString();
        return fileName.startsWith(".") || fileName.equals("__MACOSX");
    }

    void skip(Path path, String reason) {
        skipped.add(relative(path) + ": " + reason);
    }

    /** Forward slashes whatever the platform, so reports and tests read the same everywhere. */
    private String relative(Path path) {
        String rel = root.relativize(path).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }

    DatasetReadResult result() {
        return new DatasetReadResult(concepts, skipped);
    }
}

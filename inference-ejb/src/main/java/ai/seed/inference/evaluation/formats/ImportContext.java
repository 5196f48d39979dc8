package ai.seed.inference.evaluation.formats;

import ai.seed.inference.dictionary.DatasetConcept;
import ai.seed.inference.dictionary.DatasetRoots;
import ai.seed.inference.dictionary.DatasetReadResult;
import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalDataset;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.EvalTask;
import ai.seed.inference.evaluation.LeakageGuard;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** What the readers of one import share: the root, the concepts, the collected items and the limits. */
final class ImportContext {

    final DatasetPaths paths;
    final List<DatasetConcept> concepts;
    final ConceptMentions mentions;
    final ItemCollector items;
    final ImportLimits limits;

    private ImportContext(DatasetPaths paths, List<DatasetConcept> concepts, ImportLimits limits) {
        this.paths = paths;
        this.concepts = concepts;
        this.mentions = new ConceptMentions(concepts);
        this.items = new ItemCollector(limits, ".");
        this.limits = limits;
    }

    /**
     * Opens an import whose concepts one of the dictionary's dataset readers finds (their skipped
     * folders are reported with the import's). A root that holds nothing but one folder, as
     * {@code zip -r yollava-data.zip yollava-data} makes it, is read from inside that folder.
     */
    static ImportContext open(Path root, ImportLimits limits, Function<Path, DatasetReadResult> conceptReader,
                              String expected) throws DatasetFormatException {
        return open(root, limits, conceptReader, expected, 2);
    }

    private static ImportContext open(Path root, ImportLimits limits, Function<Path, DatasetReadResult> conceptReader,
                                      String expected, int descents) throws DatasetFormatException {
        DatasetPaths paths = DatasetPaths.of(root);
        DatasetReadResult read;
        try {
            read = conceptReader.apply(paths.root());
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(String.valueOf(root), e.getMessage());
        }
        if (read.concepts().isEmpty()) {
            Optional<Path> inside = DatasetRoots.onlyFolder(paths.root());
            if (inside.isPresent() && descents > 0) {
                return open(inside.get(), limits, conceptReader, expected, descents - 1);
            }
            throw new DatasetFormatException(".", "no concepts found; expected " + expected + "; "
                    + DatasetPaths.found(paths.root()));
        }
        ImportContext context = new ImportContext(paths, read.concepts(), limits);
        context.items.skipAll(read.skipped());
        return context;
    }

    static ImportContext withConcepts(DatasetPaths paths, List<DatasetConcept> concepts, ImportLimits limits) {
        return new ImportContext(paths, concepts, limits);
    }

    JsonValue json(Path file) throws DatasetFormatException {
        return JsonInput.read(file, paths.relative(file), limits);
    }

    boolean exists(String fileName) {
        return Files.isRegularFile(paths.root().resolve(fileName));
    }

    EvalDataset dataset(String format) {
        String name = paths.root().getFileName() == null ? format : paths.root().getFileName().toString();
        return new EvalDataset(name, format, concepts, items.items(), items.skipped());
    }

    /** The concepts of an item: its owner first, then those the question names. */
    static List<String> conceptsOf(String owner, List<String> mentioned) {
        Set<String> all = new LinkedHashSet<>();
        if (owner != null) {
            all.add(owner);
        }
        all.addAll(mentioned);
        return List.copyOf(all);
    }

    /** Lower-cased folder name, the way the concept readers name concepts. */
    static String conceptName(Path folder) {
        return folder.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /** A recognition item "is {@code asked} in this image?" over an image showing {@code shown}. */
    EvalItem recognition(String asked, Path image, String question, boolean present, Set<String> shown,
                         String group) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(present ? "positive" : "negative");
        if (group != null) {
            tags.add(group);
        }
        for (String s : shown) {
            tags.add(LeakageGuard.showsTag(s));
        }
        String key = "recognition/" + paths.relative(image) + "?" + asked;
        List<String> askedConcepts = List.of(asked.split("\\+"));
        return new EvalItem(key, EvalTask.RECOGNITION, askedConcepts, image, question, Map.of(),
                present ? "Yes" : "No", tags);
    }
}

package ai.seed.inference.evaluation.formats;

import ai.seed.inference.dictionary.DatasetConcept;
import ai.seed.inference.dictionary.DatasetRoots;
import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalDataset;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Format {@code seed-json}, the tenant-authored evaluation set: a folder holding
 * {@code dataset.json} and the images it names.
 *
 * <pre>{@code
 * {"name": "office pets",
 *  "concepts": [{"name": "bo", "description": "a golden retriever puppy", "images": ["train/bo/0.png"]}],
 *  "items": [{"key": "q1", "task": "multiple_choice", "concepts": ["bo"], "image": "test/bo/3.png",
 *             "question": "Is <bo> wearing a collar here?", "options": {"A": "Yes", "B": "No"},
 *             "correct": "B", "tags": ["sqa"]}]}
 * }</pre>
 *
 * <p>{@code task} is {@code recognition} (no options, {@code correct} "Yes" or "No"),
 * {@code multiple_choice} (image and options, {@code correct} a letter) or {@code text_only}
 * (options, no image). Tag {@code sqa} marks a multiple-choice question whose answer contradicts
 * the training images (the paper's SQA set, scored apart). Image paths are relative to the folder;
 * absolute paths, {@code ..} and links leading out of the folder are refused. A missing
 * {@code key} is derived from the item's content, so that it stays the same when items are
 * reordered. Everything is validated; the first problem fails the import with its JSON path.
 */
public final class SeedJsonImporter {

    public static final String FORMAT = "seed-json";
    public static final String FILE = "dataset.json";

    private SeedJsonImporter() {
    }

    public static EvalDataset read(Path root) throws DatasetFormatException {
        return read(root, ImportLimits.DEFAULT);
    }

    public static EvalDataset read(Path root, ImportLimits limits) throws DatasetFormatException {
        DatasetPaths paths = DatasetPaths.of(root);
        Path file = paths.root().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            Optional<Path> inside = DatasetRoots.onlyFolder(paths.root());
            if (inside.isPresent() && Files.isRegularFile(inside.get().resolve(FILE))) {
                return read(inside.get(), limits); // zipped with its folder: read from inside it
            }
            throw new DatasetFormatException(FILE, "missing in the dataset folder; " + DatasetPaths.found(paths.root()));
        }
        JsonObject top = JsonInput.object(JsonInput.read(file, FILE, limits), FILE, "$");
        String name = JsonInput.string(top, "name", FILE, "$").strip();
        List<DatasetConcept> concepts = concepts(paths, JsonInput.array(requireMember(top, "concepts"), FILE, "$.concepts"));
        ImportContext context = ImportContext.withConcepts(paths, concepts, limits);
        JsonArray items = JsonInput.array(requireMember(top, "items"), FILE, "$.items");
        if (items.isEmpty()) {
            throw new DatasetFormatException(FILE + " $.items", "no items");
        }
        for (int i = 0; i < items.size(); i++) {
            String path = JsonInput.index("$.items", i);
            SeedJsonItems.add(context, JsonInput.object(items.get(i), FILE, path), path);
        }
        EvalDataset read = context.dataset(FORMAT);
        return new EvalDataset(name, FORMAT, read.concepts(), read.items(), read.skipped());
    }

    private static jakarta.json.JsonValue requireMember(JsonObject top, String member) throws DatasetFormatException {
        if (!top.containsKey(member)) {
            throw new DatasetFormatException(FILE + " $." + member, "missing");
        }
        return top.get(member);
    }

    private static List<DatasetConcept> concepts(DatasetPaths paths, JsonArray array) throws DatasetFormatException {
        if (array.isEmpty()) {
            throw new DatasetFormatException(FILE + " $.concepts", "no concepts");
        }
        List<DatasetConcept> concepts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String path = JsonInput.index("$.concepts", i);
            JsonObject c = JsonInput.object(array.get(i), FILE, path);
            String name = JsonInput.string(c, "name", FILE, path).strip();
            if (!DatasetConcept.NAME.matcher(name).matches()) {
                throw new DatasetFormatException(FILE + " " + JsonInput.key(path, "name"),
                        "'" + name + "' is not a concept name (1-64 characters of a-z, 0-9, _ and -)");
            }
            if (!names.add(name)) {
                throw new DatasetFormatException(FILE + " " + JsonInput.key(path, "name"), "concept '" + name + "' is listed twice");
            }
            String description = JsonInput.string(c, "description", FILE, path).strip();
            String imagesPath = JsonInput.key(path, "images");
            if (!c.containsKey("images")) {
                throw new DatasetFormatException(FILE + " " + imagesPath, "missing");
            }
            JsonArray declared = JsonInput.array(c.get("images"), FILE, imagesPath);
            if (declared.isEmpty()) {
                throw new DatasetFormatException(FILE + " " + imagesPath, "a concept needs at least one reference image");
            }
            List<Path> images = new ArrayList<>();
            for (int j = 0; j < declared.size(); j++) {
                String at = JsonInput.index(imagesPath, j);
                if (!(declared.get(j) instanceof jakarta.json.JsonString s)) {
                    throw new DatasetFormatException(FILE + " " + at, "expected a string, found " + JsonInput.kind(declared.get(j)));
                }
                images.add(paths.declared(s.getString(), FILE + " " + at));
            }
            images.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
            concepts.add(new DatasetConcept(name, images, description));
        }
        return concepts;
    }
}

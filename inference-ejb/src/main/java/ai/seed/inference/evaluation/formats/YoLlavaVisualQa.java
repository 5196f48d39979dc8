package ai.seed.inference.evaluation.formats;

import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.EvalTask;
import ai.seed.inference.evaluation.LeakageGuard;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Yo'LLaVA's visual multiple choice, {@code yollava-visual-qa.json}:
 * {@code {"<concept>": {"<image path>": {"question": "... <sks> ...", "options": {"A": .., "B": ..},
 * "correct_answer": "B"}}}}. The flat form of the README ({@code {"<image path>": {...}}}) is
 * read too; the concept is then the image's folder name. Image paths are resolved under the
 * dataset root by their longest existing tail ({@code ./yollava-data/test/bo/3.png} finds
 * {@code test/bo/3.png}).
 */
final class YoLlavaVisualQa {

    static final String FILE = "yollava-visual-qa.json";

    private YoLlavaVisualQa() {
    }

    static void read(ImportContext context, Path file) throws DatasetFormatException {
        String name = context.paths.relative(file);
        JsonObject top = JsonInput.object(context.json(file), name, "$");
        for (Map.Entry<String, JsonValue> e : top.entrySet()) {
            String path = JsonInput.key("$", e.getKey());
            JsonObject value = JsonInput.object(e.getValue(), name, path);
            if (value.containsKey("question")) {
                String folder = Path.of(e.getKey().replace('\\', '/')).getParent() == null ? ""
                        : Path.of(e.getKey().replace('\\', '/')).getParent().getFileName().toString();
                item(context, name, path, concept(context, folder, name, path), e.getKey(), value);
            } else {
                String concept = concept(context, e.getKey(), name, path);
                for (Map.Entry<String, JsonValue> q : value.entrySet()) {
                    String at = JsonInput.key(path, q.getKey());
                    item(context, name, at, concept, q.getKey(), JsonInput.object(q.getValue(), name, at));
                }
            }
        }
    }

    private static String concept(ImportContext context, String key, String file, String path)
            throws DatasetFormatException {
        String concept = key.strip().toLowerCase(Locale.ROOT);
        if (!context.mentions.isKnown(concept)) {
            throw new DatasetFormatException(file + " " + path, "unknown concept '" + key
                    + "' (no train/" + concept + "/ folder)");
        }
        return concept;
    }

    private static void item(ImportContext context, String file, String path, String concept, String imageKey,
                             JsonObject entry) throws DatasetFormatException {
        String where = file + " " + path;
        Path image = context.paths.published(imageKey, where, null);
        String question = context.mentions.translate(JsonInput.string(entry, "question", file, path), concept);
        String optionsMember = entry.containsKey("options") ? "options" : "option";
        if (!entry.containsKey(optionsMember)) {
            throw new DatasetFormatException(JsonInput.key(where, "options"), "missing");
        }
        Map<String, String> options = ChoiceOptions.fromJson(entry.get(optionsMember), file,
                JsonInput.key(path, optionsMember));
        String correct = ChoiceOptions.correctLetter(JsonInput.string(entry, "correct_answer", file, path), options,
                file + " " + JsonInput.key(path, "correct_answer"));
        var concepts = ImportContext.conceptsOf(concept, context.mentions.mentioned(question, where));
        String key = "multiple-choice/" + concept + "/" + context.paths.relative(image);
        context.items.add(new EvalItem(key, EvalTask.MULTIPLE_CHOICE, concepts, image, question, options, correct,
                Set.of(LeakageGuard.showsTag(concept))), where);
    }
}

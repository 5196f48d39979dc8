package ai.seed.inference.evaluation.formats;

import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.EvalTask;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * RAP's text-only set for the Yo'LLaVA concepts, {@code yollava-text-only-qa.json}:
 * {@code {"bo": {"0": {"question": "Is sks a dog or a cat?", "option": {"A": "Dog", "B": "Cat"},
 * "correct_answer": "A"}}}} (key {@code option}; {@code options} is accepted too; the bare word
 * {@code sks} stands for the concept).
 */
final class RapTextOnlyQa {

    static final String FILE = "yollava-text-only-qa.json";

    private RapTextOnlyQa() {
    }

    static void read(ImportContext context, Path file) throws DatasetFormatException {
        ConceptKeyedFile.read(context, file, (name, path, concept, value) -> {
            JsonObject questions = JsonInput.object(value, name, path);
            for (Map.Entry<String, JsonValue> q : questions.entrySet()) {
                String at = JsonInput.key(path, q.getKey());
                item(context, name, at, concept, q.getKey(), JsonInput.object(q.getValue(), name, at));
            }
        });
    }

    private static void item(ImportContext context, String file, String path, String concept, String id,
                             JsonObject entry) throws DatasetFormatException {
        String where = file + " " + path;
        String question = context.mentions.translate(JsonInput.string(entry, "question", file, path), concept);
        String member = entry.containsKey("option") ? "option" : "options";
        if (!entry.containsKey(member)) {
            throw new DatasetFormatException(JsonInput.key(where, "option"), "missing");
        }
        Map<String, String> options = ChoiceOptions.fromJson(entry.get(member), file, JsonInput.key(path, member));
        String correct = ChoiceOptions.correctLetter(JsonInput.string(entry, "correct_answer", file, path), options,
                file + " " + JsonInput.key(path, "correct_answer"));
        var concepts = ImportContext.conceptsOf(concept, context.mentions.mentioned(question, where));
        context.items.add(new EvalItem("text-only/" + concept + "/" + id, EvalTask.TEXT_ONLY, concepts, null,
                question, options, correct, Set.of()), where);
    }
}

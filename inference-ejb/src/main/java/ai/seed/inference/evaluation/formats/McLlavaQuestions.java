package ai.seed.inference.evaluation.formats;

import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.EvalTask;
import ai.seed.inference.evaluation.LeakageGuard;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MC-LLaVA's question files, as its code reads them ({@code llava/dataset.py}):
 * <ul>
 *   <li>{@code choice.json}, visual multiple choice: {@code {"<image path>": {"Human": "...", "AI": "B"}}}
 *       in a concept's test folder, {@code {"<image path>": [{"Human", "AI"}, ...]}} in a scene (either
 *       shape is accepted in both places);</li>
 *   <li>{@code qa.json}, text-only: {@code [{"question": "...", "answer": "A"}, ...]}.</li>
 * </ul>
 * The options are written into the question ("... A. Casual wear; B. School uniform;") and are
 * split out of it ({@link ChoiceOptions#embedded}); an {@code options} object, where present,
 * wins. Image paths are resolved under the dataset root, or by file name next to the JSON file.
 * An item is about the concepts its question names; a question naming none is about the folder's
 * concepts.
 */
final class McLlavaQuestions {

    static final String CHOICE = "choice.json";
    static final String QA = "qa.json";

    private McLlavaQuestions() {
    }

    static void read(ImportContext context, Path folder, List<String> folderConcepts) throws DatasetFormatException {
        Path choice = folder.resolve(CHOICE);
        if (Files.isRegularFile(choice)) {
            readChoice(context, choice, folderConcepts);
        }
        Path qa = folder.resolve(QA);
        if (Files.isRegularFile(qa)) {
            readQa(context, qa, folderConcepts);
        }
    }

    private static void readChoice(ImportContext context, Path file, List<String> folderConcepts)
            throws DatasetFormatException {
        String name = context.paths.relative(file);
        JsonObject top = JsonInput.object(context.json(file), name, "$");
        for (Map.Entry<String, JsonValue> e : top.entrySet()) {
            String path = JsonInput.key("$", e.getKey());
            Path image = context.paths.published(e.getKey(), name + " " + path, file.getParent());
            if (e.getValue() instanceof JsonArray list) {
                for (int i = 0; i < list.size(); i++) {
                    String at = JsonInput.index(path, i);
                    add(context, name, at, JsonInput.object(list.get(i), name, at), image, folderConcepts,
                            "multiple-choice/" + name + "#" + e.getKey() + "/" + i);
                }
            } else {
                add(context, name, path, JsonInput.object(e.getValue(), name, path), image, folderConcepts,
                        "multiple-choice/" + name + "#" + e.getKey());
            }
        }
    }

    private static void readQa(ImportContext context, Path file, List<String> folderConcepts)
            throws DatasetFormatException {
        String name = context.paths.relative(file);
        JsonArray list = JsonInput.array(context.json(file), name, "$");
        for (int i = 0; i < list.size(); i++) {
            String path = JsonInput.index("$", i);
            add(context, name, path, JsonInput.object(list.get(i), name, path), null, folderConcepts,
                    "text-only/" + name + "#" + i);
        }
    }

    private static void add(ImportContext context, String file, String path, JsonObject entry, Path image,
                            List<String> folderConcepts, String key) throws DatasetFormatException {
        String where = file + " " + path;
        String questionMember = entry.containsKey("Human") ? "Human" : "question";
        String answerMember = entry.containsKey("AI") ? "AI" : entry.containsKey("answer") ? "answer" : "correct_answer";
        String raw = JsonInput.string(entry, questionMember, file, path);
        String answer = JsonInput.string(entry, answerMember, file, path);
        String sks = folderConcepts.size() == 1 ? folderConcepts.get(0) : null;
        String question = context.mentions.translate(raw, sks);
        Map<String, String> options;
        if (entry.containsKey("options")) {
            options = ChoiceOptions.fromJson(entry.get("options"), file, JsonInput.key(path, "options"));
        } else {
            ChoiceOptions.Embedded embedded = ChoiceOptions.embedded(question);
            if (embedded == null) {
                throw new DatasetFormatException(JsonInput.key(where, questionMember),
                        "no lettered options (\"A. ... B. ...\") in the question");
            }
            question = embedded.stem();
            options = embedded.options();
        }
        String correct = ChoiceOptions.correctLetter(answer, options, JsonInput.key(where, answerMember));
        List<String> mentioned = context.mentions.mentioned(question, JsonInput.key(where, questionMember));
        List<String> concepts = mentioned.isEmpty() ? folderConcepts : mentioned;
        Set<String> tags = new LinkedHashSet<>();
        if (concepts.size() > 1) {
            tags.add(McLlavaRecognition.MULTI);
        }
        if (image != null) {
            folderConcepts.forEach(c -> tags.add(LeakageGuard.showsTag(c)));
        }
        EvalTask task = image == null ? EvalTask.TEXT_ONLY : EvalTask.MULTIPLE_CHOICE;
        context.items.add(new EvalItem(key, task, concepts, image, question, options, correct, tags), where);
    }
}

package ai.seed.inference.evaluation.formats;

import ai.seed.inference.dictionary.DatasetConcept;
import ai.seed.inference.evaluation.DatasetFormatException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * RAP's recognition list for Yo'LLaVA, {@code recognition_test.json}: an array of
 * {@code {"image", "question", "concept", "type": "positive"|"negative", "correct_answer": true|false}}.
 *
 * <p>The published file repeats every positive as an entry with type "negative" and
 * {@code correct_answer} true (333 of them); those duplicates are left out and counted in one
 * {@code skipped} line, as is any other repeated (image, concept) pair. Any other disagreement
 * between type and answer is an error. {@code correct_answer} may also be "Yes"/"No".
 */
final class RapRecognitionList {

    static final String FILE = "recognition_test.json";

    private RapRecognitionList() {
    }

    static void read(ImportContext context, Path file) throws DatasetFormatException {
        String name = context.paths.relative(file);
        JsonArray entries = JsonInput.array(context.json(file), name, "$");
        int duplicatedPositives = 0;
        int repeated = 0;
        for (int i = 0; i < entries.size(); i++) {
            String path = JsonInput.index("$", i);
            String where = name + " " + path;
            JsonObject entry = JsonInput.object(entries.get(i), name, path);
            String concept = JsonInput.string(entry, "concept", name, path).strip().toLowerCase(Locale.ROOT);
            if (!context.mentions.isKnown(concept)) {
                throw new DatasetFormatException(JsonInput.key(where, "concept"), "unknown concept '" + concept + "'");
            }
            String type = JsonInput.string(entry, "type", name, path).strip().toLowerCase(Locale.ROOT);
            boolean present = answer(entry.get("correct_answer"), JsonInput.key(where, "correct_answer"));
            if (type.equals("negative") && present) {
                duplicatedPositives++;
                continue;
            }
            if (!type.equals("positive") && !type.equals("negative")) {
                throw new DatasetFormatException(JsonInput.key(where, "type"), "expected 'positive' or 'negative', found '" + type + "'");
            }
            if (type.equals("positive") && !present) {
                throw new DatasetFormatException(where, "type 'positive' but correct_answer is false");
            }
            Path image = context.paths.published(JsonInput.string(entry, "image", name, path), JsonInput.key(where, "image"), null);
            String question = context.mentions.translate(JsonInput.string(entry, "question", name, path), concept);
            context.mentions.mentioned(question, JsonInput.key(where, "question"));
            String key = "recognition/" + context.paths.relative(image) + "?" + concept;
            if (context.items.hasKey(key)) {
                repeated++;
                continue;
            }
            String folder = ImportContext.conceptName(image.getParent());
            Set<String> shown = DatasetConcept.NAME.matcher(folder).matches() ? Set.of(folder) : Set.of();
            context.items.add(context.recognition(concept, image, question, present, shown, null), where);
        }
        if (duplicatedPositives > 0) {
            context.items.skip(name + ": " + duplicatedPositives + " entries of type 'negative' answered true"
                    + " (duplicates of positives in the published file); left out");
        }
        if (repeated > 0) {
            context.items.skip(name + ": " + repeated + " entries repeat an (image, concept) pair; left out");
        }
    }

    private static boolean answer(JsonValue value, String where) throws DatasetFormatException {
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        if (value instanceof JsonString s) {
            String v = s.getString().strip().toLowerCase(Locale.ROOT);
            if (v.equals("yes") || v.equals("true")) {
                return true;
            }
            if (v.equals("no") || v.equals("false")) {
                return false;
            }
        }
        throw new DatasetFormatException(where, value == null ? "missing"
                : "expected true/false or \"Yes\"/\"No\", found " + JsonInput.kind(value));
    }
}

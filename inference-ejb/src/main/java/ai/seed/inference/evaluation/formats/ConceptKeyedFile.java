package ai.seed.inference.evaluation.formats;

import ai.seed.inference.evaluation.DatasetFormatException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON file whose top level is keyed by concept folder name ({@code {"bo": ..., "mam": ...}}),
 * as RAP's text-only set and the paper's SQA set are. The keys are checked here once, so both
 * readers refuse an unknown concept with the same message.
 */
final class ConceptKeyedFile {

    /** Reads the questions listed under one concept. */
    @FunctionalInterface
    interface ConceptEntries {
        void read(String file, String path, String concept, JsonValue entries) throws DatasetFormatException;
    }

    private ConceptKeyedFile() {
    }

    static void read(ImportContext context, Path file, ConceptEntries reader) throws DatasetFormatException {
        String name = context.paths.relative(file);
        JsonObject top = JsonInput.object(context.json(file), name, "$");
        for (Map.Entry<String, JsonValue> byConcept : top.entrySet()) {
            String path = JsonInput.key("$", byConcept.getKey());
            String concept = byConcept.getKey().strip().toLowerCase(Locale.ROOT);
            if (!context.mentions.isKnown(concept)) {
                throw new DatasetFormatException(name + " " + path, "unknown concept '" + byConcept.getKey()
                        + "' (no training folder of that name)");
            }
            reader.read(name, path, concept, byConcept.getValue());
        }
    }
}

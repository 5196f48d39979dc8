package ai.seed.inference.evaluation.runs;

import ai.seed.domain.evaluation.StoredItem;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.EvalTask;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Converts between the contract's {@link EvalItem} and the stored row. A stored item's image
 * lives in the database, so the item handed to the metrics carries a symbolic path
 * ({@code stored/<position>}) that nothing reads: scoring needs the task, concepts, options and
 * the correct answer only.
 */
final class StoredItems {

    private StoredItems() {
    }

    static StoredItem toStored(int position, EvalItem item, String imageSha256) {
        JsonObjectBuilder options = Json.createObjectBuilder();
        item.options().forEach(options::add);
        return new StoredItem(position, item.key(), item.task().name(), item.concepts(), item.question(),
                options.build().toString(), item.correct(), List.copyOf(item.tags()), imageSha256);
    }

    static EvalItem toEval(StoredItem stored) {
        EvalTask task = EvalTask.valueOf(stored.task());
        Map<String, String> options = new LinkedHashMap<>();
        JsonObject json = Json.createReader(new StringReader(stored.optionsJson())).readObject();
        json.forEach((letter, text) -> options.put(letter, ((JsonString) text).getString()));
        Path image = task == EvalTask.TEXT_ONLY ? null : Path.of("stored", Integer.toString(stored.position()));
        return new EvalItem(stored.key(), task, stored.concepts(), image, stored.question(), options,
                stored.correct(), new LinkedHashSet<>(stored.tags()));
    }
}

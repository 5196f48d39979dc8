package ai.seed.inference.evaluation.formats;

import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.EvalTask;
import ai.seed.inference.evaluation.LeakageGuard;
import ai.seed.inference.evaluation.scoring.EvalScoring;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The paper's SQA set for Yo'LLaVA as its reference code publishes it ({@code Hhankyangg/SLC},
 * {@code data/eval/yollava_eval/sqa.json}, 2 questions per concept), read when {@code sqa.json}
 * lies at the Yo'LLaVA root:
 * {@code {"bo": [{"conversations": [{"from": "system", ...}, {"from": "human", "value": "<image>\nDoes
 * <bo> have its tongue out in this image? A. Yes. B. No.\nRULE: ..."}, ...], "images": ["yollava-data/test/bo/3.png"],
 * "gt": "B"}]}}. The options are split out of the human turn; the system turn (the reference
 * code's own concept description prompt) is not used, since the run supplies the product's.
 * Items are visual multiple choice tagged {@code sqa}.
 *
 * <p>Every question sits under the concept it is about, and the published file misspells some
 * ids inside them ({@code <chua-thein-mu>}, {@code <tokyo-keybroad>}, {@code <williYesetnam>}):
 * here, and only here, a mention of an unknown concept is read as the entry's concept and the
 * reading is listed in {@code skipped}; mentions of other known concepts stay as written.
 */
final class SlcSqaSet {

    static final String FILE = "sqa.json";

    private SlcSqaSet() {
    }

    static void read(ImportContext context, Path file) throws DatasetFormatException {
        ConceptKeyedFile.read(context, file, (name, path, concept, value) -> {
            JsonArray entries = JsonInput.array(value, name, path);
            for (int i = 0; i < entries.size(); i++) {
                String at = JsonInput.index(path, i);
                item(context, name, at, concept, i, JsonInput.object(entries.get(i), name, at));
            }
        });
    }

    private static void item(ImportContext context, String file, String path, String concept, int index,
                             JsonObject entry) throws DatasetFormatException {
        String where = file + " " + path;
        String humanAt = JsonInput.key(path, "conversations");
        String raw = humanTurn(JsonInput.array(entry.get("conversations"), file, humanAt), file, humanAt);
        List<String> corrected = new ArrayList<>();
        String question = context.mentions.ownerForUnknown(context.mentions.translate(raw, concept), concept, corrected);
        for (String misspelt : corrected) {
            context.items.note(where + ": " + misspelt + " names no concept; read as <" + concept
                    + ">, the concept the entry is listed under");
        }
        ChoiceOptions.Embedded embedded = ChoiceOptions.embedded(question);
        if (embedded == null) {
            throw new DatasetFormatException(where + " human turn", "no lettered options (\"A. ... B. ...\") in the question");
        }
        String imagesAt = JsonInput.key(path, "images");
        JsonArray images = JsonInput.array(entry.get("images"), file, imagesAt);
        if (images.size() != 1 || images.get(0).getValueType() != JsonValue.ValueType.STRING) {
            throw new DatasetFormatException(file + " " + imagesAt, "expected exactly one image path");
        }
        Path image = context.paths.published(images.getString(0), file + " " + JsonInput.index(imagesAt, 0), null);
        String correct = ChoiceOptions.correctLetter(JsonInput.string(entry, "gt", file, path), embedded.options(),
                file + " " + JsonInput.key(path, "gt"));
        var concepts = ImportContext.conceptsOf(concept, context.mentions.mentioned(embedded.stem(), where));
        context.items.add(new EvalItem("sqa/" + concept + "/" + index, EvalTask.MULTIPLE_CHOICE, concepts, image,
                embedded.stem(), embedded.options(), correct, Set.of(EvalScoring.SQA_TAG, LeakageGuard.showsTag(concept))),
                where);
    }

    private static String humanTurn(JsonArray turns, String file, String path) throws DatasetFormatException {
        for (int i = 0; i < turns.size(); i++) {
            JsonObject turn = JsonInput.object(turns.get(i), file, JsonInput.index(path, i));
            if ("human".equals(turn.getString("from", ""))) {
                return JsonInput.string(turn, "value", file, JsonInput.index(path, i));
            }
        }
        throw new DatasetFormatException(file + " " + path, "no turn from \"human\"");
    }
}

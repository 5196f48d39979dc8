package ai.seed.inference.evaluation.formats;

import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.EvalTask;
import ai.seed.inference.evaluation.scoring.EvalScoring;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates and converts one {@code items[i]} entry of a {@code seed-json} dataset. */
final class SeedJsonItems {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:/#?+=-]{1,200}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9:_-]{1,64}");

    private SeedJsonItems() {
    }

    static void add(ImportContext context, JsonObject entry, String path) throws DatasetFormatException {
        String file = SeedJsonImporter.FILE;
        String where = file + " " + path;
        EvalTask task = task(JsonInput.string(entry, "task", file, path), file + " " + JsonInput.key(path, "task"));
        List<String> concepts = concepts(context, entry, path);
        String question = JsonInput.string(entry, "question", file, path).strip();
        List<String> mentioned = context.mentions.mentioned(question, file + " " + JsonInput.key(path, "question"));
        for (String m : mentioned) {
            if (!concepts.contains(m)) {
                throw new DatasetFormatException(file + " " + JsonInput.key(path, "question"), "the question names <" + m
                        + "> but the item's concepts are " + concepts);
            }
        }
        String declaredImage = JsonInput.optionalString(entry, "image", file, path);
        if ((task == EvalTask.TEXT_ONLY) != (declaredImage == null)) {
            throw new DatasetFormatException(file + " " + JsonInput.key(path, "image"), task == EvalTask.TEXT_ONLY
                    ? "text_only items have no image" : "recognition and multiple_choice items need an image");
        }
        Path image = declaredImage == null ? null
                : context.paths.declared(declaredImage, file + " " + JsonInput.key(path, "image"));
        Map<String, String> options = Map.of();
        boolean hasOptions = entry.containsKey("options") && entry.get("options") != JsonValue.NULL;
        if (task == EvalTask.RECOGNITION && hasOptions) {
            throw new DatasetFormatException(file + " " + JsonInput.key(path, "options"), "recognition items have no options");
        }
        if (task != EvalTask.RECOGNITION) {
            if (!hasOptions) {
                throw new DatasetFormatException(file + " " + JsonInput.key(path, "options"), "missing");
            }
            options = ChoiceOptions.fromJson(entry.get("options"), file, JsonInput.key(path, "options"));
        }
        String correctAt = file + " " + JsonInput.key(path, "correct");
        String rawCorrect = JsonInput.string(entry, "correct", file, path).strip();
        String correct = task == EvalTask.RECOGNITION ? yesNo(rawCorrect, correctAt)
                : ChoiceOptions.correctLetter(rawCorrect, options, correctAt);
        Set<String> tags = tags(entry, path, task);
        String key = key(entry, path, task, concepts, declaredImage, question, options);
        try {
            context.items.add(new EvalItem(key, task, concepts, image, question, options, correct, tags), where);
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(where, e.getMessage());
        }
    }

    private static EvalTask task(String raw, String where) throws DatasetFormatException {
        String t = raw.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (t) {
            case "recognition" -> EvalTask.RECOGNITION;
            case "multiple_choice" -> EvalTask.MULTIPLE_CHOICE;
            case "text_only" -> EvalTask.TEXT_ONLY;
            default -> throw new DatasetFormatException(where, "unknown task '" + raw
                    + "'; expected recognition, multiple_choice or text_only");
        };
    }

    private static List<String> concepts(ImportContext context, JsonObject entry, String path) throws DatasetFormatException {
        String file = SeedJsonImporter.FILE;
        String at = JsonInput.key(path, "concepts");
        if (!entry.containsKey("concepts")) {
            throw new DatasetFormatException(file + " " + at, "missing");
        }
        JsonArray array = JsonInput.array(entry.get("concepts"), file, at);
        if (array.isEmpty()) {
            throw new DatasetFormatException(file + " " + at, "an item needs at least one concept");
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String name = array.get(i) instanceof JsonString s ? s.getString().strip() : null;
            if (name != null && name.startsWith("<") && name.endsWith(">")) {
                name = name.substring(1, name.length() - 1);
            }
            if (name == null || !context.mentions.isKnown(name)) {
                throw new DatasetFormatException(file + " " + JsonInput.index(at, i), "unknown concept "
                        + (name == null ? JsonInput.kind(array.get(i)) : "'" + name + "'") + "; concepts are declared in $.concepts");
            }
            names.add(name);
        }
        return new ArrayList<>(names);
    }

    private static String yesNo(String raw, String where) throws DatasetFormatException {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "yes" -> "Yes";
            case "no" -> "No";
            default -> throw new DatasetFormatException(where, "recognition answers are \"Yes\" or \"No\", found '" + raw + "'");
        };
    }

    private static Set<String> tags(JsonObject entry, String path, EvalTask task) throws DatasetFormatException {
        String file = SeedJsonImporter.FILE;
        Set<String> tags = new LinkedHashSet<>();
        if (!entry.containsKey("tags")) {
            return tags;
        }
        String at = JsonInput.key(path, "tags");
        JsonArray array = JsonInput.array(entry.get("tags"), file, at);
        for (int i = 0; i < array.size(); i++) {
            String tag = array.get(i) instanceof JsonString s ? s.getString().strip() : null;
            if (tag == null || !TAG.matcher(tag).matches()) {
                throw new DatasetFormatException(file + " " + JsonInput.index(at, i),
                        "tags are 1-64 characters of a-z, 0-9, ':', '_' and '-'");
            }
            if (tag.equals(EvalScoring.SQA_TAG) && task != EvalTask.MULTIPLE_CHOICE) {
                throw new DatasetFormatException(file + " " + JsonInput.index(at, i),
                        "the sqa tag marks visual multiple_choice questions only");
            }
            tags.add(tag);
        }
        return tags;
    }

    private static String key(JsonObject entry, String path, EvalTask task, List<String> concepts, String image,
                              String question, Map<String, String> options) throws DatasetFormatException {
        String file = SeedJsonImporter.FILE;
        String explicit = JsonInput.optionalString(entry, "key", file, path);
        if (explicit != null) {
            if (!KEY.matcher(explicit).matches()) {
                throw new DatasetFormatException(file + " " + JsonInput.key(path, "key"),
                        "keys are 1-200 characters of letters, digits and . _ : / # ? + = -");
            }
            return explicit;
        }
        String content = task + "\n" + concepts + "\n" + image + "\n" + question + "\n" + options;
        return "seed/" + task.name().toLowerCase(Locale.ROOT) + "/" + sha256(content).substring(0, 16);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}

package ai.seed.inference.dictionary;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The optional concept descriptions of a dataset: a JSON object at the dataset root mapping
 * concept name to text, in {@code descriptions.json} or else {@code info.json}.
 *
 * <p>Keys are matched like folder names (case-insensitively) and may carry the paper's brackets
 * ({@code "<bo>"}). A malformed file never fails the import: it is reported and the concepts fall
 * back to their id as description.
 */
final class DatasetDescriptions {

    static final List<String> FILE_NAMES = List.of("descriptions.json", "info.json");

    private DatasetDescriptions() {
    }

    /** Reads the first description file present; problems go to {@code report}. */
    static Map<String, String> read(Path root, Consumer<String> report) {
        for (String fileName : FILE_NAMES) {
            Path file = root.resolve(fileName);
            if (Files.isRegularFile(file)) {
                return parse(file, fileName, report);
            }
        }
        return Map.of();
    }

    private static Map<String, String> parse(Path file, String fileName, Consumer<String> report) {
        JsonValue json;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonReader reader = Json.createReader(in)) {
            json = reader.readValue();
        } catch (IOException | JsonException e) {
            report.accept(fileName + ": not readable as JSON (" + e.getMessage() + "); descriptions default to the concept id");
            return Map.of();
        }
        if (!(json instanceof JsonObject object)) {
            report.accept(fileName + ": expected a JSON object of concept name to text; descriptions default to the concept id");
            return Map.of();
        }
        Map<String, String> descriptions = new HashMap<>();
        object.forEach((key, value) -> {
            if (value instanceof JsonString text && !text.getString().isBlank()) {
                descriptions.put(normalise(key), text.getString().strip());
            } else {
                report.accept(fileName + ": the entry for '" + key + "' is not a non-blank string; ignored");
            }
        });
        return descriptions;
    }

    /** {@code "<Bo>"} and {@code "bo"} both name the concept {@code bo}. */
    static String normalise(String key) {
        String k = key.strip();
        if (k.length() >= 2 && k.startsWith("<") && k.endsWith(">")) {
            k = k.substring(1, k.length() - 1);
        }
        return k.strip().toLowerCase(Locale.ROOT);
    }
}

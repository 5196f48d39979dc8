package ai.seed.inference.evaluation.formats;

import ai.seed.inference.evaluation.DatasetFormatException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads dataset JSON files with a size guard and typed access that names the failing entry as
 * {@code <file> $.path.to["entry"]} in every {@link DatasetFormatException}.
 */
final class JsonInput {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonInput() {
    }

    /** Parses {@code file} (named {@code name} in messages), refusing files over the byte limit. */
    static JsonValue read(Path file, String name, ImportLimits limits) throws DatasetFormatException {
        try {
            long size = Files.size(file);
            if (size > limits.maxJsonBytes()) {
                throw new DatasetFormatException(name, "file is " + size + " bytes, more than the limit of "
                        + limits.maxJsonBytes() + " bytes");
            }
        } catch (IOException e) {
            throw new DatasetFormatException(name, "cannot be read (" + e.getMessage() + ")");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonReader reader = Json.createReader(in)) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            throw new DatasetFormatException(name + " line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber(), "not valid JSON (" + firstLine(e.getMessage()) + ")");
        } catch (IOException | JsonException e) {
            throw new DatasetFormatException(name, "not readable as UTF-8 JSON (" + firstLine(e.getMessage()) + ")");
        }
    }

    /** {@code $.bo["3.png"]}: keys that are not plain identifiers are quoted. */
    static String key(String path, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return path + "." + key;
        }
        return path + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    static JsonObject object(JsonValue value, String file, String path) throws DatasetFormatException {
        if (value instanceof JsonObject o) {
            return o;
        }
        throw new DatasetFormatException(file + " " + path, "expected a JSON object, found " + kind(value));
    }

    static JsonArray array(JsonValue value, String file, String path) throws DatasetFormatException {
        if (value instanceof JsonArray a) {
            return a;
        }
        throw new DatasetFormatException(file + " " + path, "expected a JSON array, found " + kind(value));
    }

    /** A required non-blank string member. */
    static String string(JsonObject o, String member, String file, String path) throws DatasetFormatException {
        JsonValue v = o.get(member);
        String at = key(path, member);
        if (v == null) {
            throw new DatasetFormatException(file + " " + at, "missing");
        }
        if (!(v instanceof JsonString s)) {
            throw new DatasetFormatException(file + " " + at, "expected a string, found " + kind(v));
        }
        if (s.getString().isBlank()) {
            throw new DatasetFormatException(file + " " + at, "blank");
        }
        return s.getString();
    }

    /** An optional string member, null when absent. */
    static String optionalString(JsonObject o, String member, String file, String path) throws DatasetFormatException {
        return o.containsKey(member) && o.get(member) != JsonValue.NULL ? string(o, member, file, path) : null;
    }

    static String kind(JsonValue v) {
        if (v == null) {
            return "nothing";
        }
        return switch (v.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

package ai.seed.web.openai;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Typed reads of optional and required request fields. A field that is absent or JSON null reads
 * as absent (OpenAI clients send explicit nulls for unset options); a field of the wrong type is a
 * 400 naming the field, so a client learns exactly what to fix.
 */
final class JsonFields {

    private JsonFields() {
    }

    static boolean present(JsonObject o, String name) {
        return o.containsKey(name) && o.get(name).getValueType() != JsonValue.ValueType.NULL;
    }

    static String string(JsonObject o, String name, String param) {
        if (!present(o, name)) {
            return null;
        }
        if (o.get(name) instanceof JsonString s) {
            return s.getString();
        }
        throw wrongType(param, "a string");
    }

    static String requiredString(JsonObject o, String name, String param) {
        String value = string(o, name, param);
        if (value == null || value.isBlank()) {
            throw OpenAiException.invalid("Missing required parameter: '" + param + "'.", param,
                    "missing_required_parameter");
        }
        return value;
    }

    static boolean bool(JsonObject o, String name, boolean fallback, String param) {
        if (!present(o, name)) {
            return fallback;
        }
        JsonValue v = o.get(name);
        if (v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE) {
            return v.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw wrongType(param, "a boolean");
    }

    static JsonObject object(JsonObject o, String name, String param) {
        return typed(o, name, JsonObject.class, param, "an object");
    }

    static JsonArray array(JsonObject o, String name, String param) {
        return typed(o, name, JsonArray.class, param, "an array");
    }

    static JsonNumber number(JsonObject o, String name, String param) {
        return typed(o, name, JsonNumber.class, param, "a number");
    }

    /** The member as {@code type}, null when absent or JSON null, else a 400 naming the field. */
    private static <T extends JsonValue> T typed(JsonObject o, String name, Class<T> type, String param,
                                                 String expected) {
        if (!present(o, name)) {
            return null;
        }
        if (type.isInstance(o.get(name))) {
            return type.cast(o.get(name));
        }
        throw wrongType(param, expected);
    }

    static JsonObject asObject(JsonValue v, String param) {
        if (v instanceof JsonObject obj) {
            return obj;
        }
        throw wrongType(param, "an object");
    }

    static OpenAiException wrongType(String param, String expected) {
        return OpenAiException.invalid("Invalid type for '" + param + "': expected " + expected + ".", param,
                "invalid_type");
    }
}

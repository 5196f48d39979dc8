package ai.seed.inference.adapters;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads an untrusted JSON object with JSON-P, stricter than the defaults: the bytes must be valid
 * UTF-8 (no silent replacement characters) and a key may appear only once, since two readers that
 * keep different duplicates would see two different adapters.
 */
final class StrictJson {

    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private StrictJson() {
    }

    /** The object, or an {@link AdapterRejectedException} with {@code code} that names {@code what}. */
    static JsonObject readObject(byte[] utf8, String what, String code) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new AdapterRejectedException(code, what + " is not valid UTF-8");
        }
        if (!text.stripLeading().startsWith("{")) {
            throw new AdapterRejectedException(code, what + " is not a JSON object");
        }
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new AdapterRejectedException(code, what + " is not valid JSON: " + e.getMessage());
        }
    }
}

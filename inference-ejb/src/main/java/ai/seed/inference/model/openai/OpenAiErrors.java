package ai.seed.inference.model.openai;

import ai.seed.inference.model.ModelCallException;
import ai.seed.inference.model.NonRetriableModelException;
import ai.seed.inference.model.RetriableModelException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;

/**
 * Maps an OpenAI-compatible error response to Seed's retriable / non-retriable exceptions.
 * Retriable: 408, 409, 429 and 5xx (the server or its capacity may recover). Everything else in
 * 4xx means the request itself is wrong and repeating it cannot help.
 */
public final class OpenAiErrors {

    private static final int EXCERPT = 200;

    private OpenAiErrors() {
    }

    public static ModelCallException fromStatus(int status, String retryAfterHeader, String body) {
        String message = "model server answered HTTP " + status + ": " + errorMessage(body);
        if (status == 408 || status == 409 || status == 429 || status >= 500) {
            return new RetriableModelException(message, status, parseRetryAfter(retryAfterHeader), null);
        }
        return new NonRetriableModelException(message, status, null);
    }

    /** The {@code error.message} of an OpenAI error body, else the start of the body. */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonObject json = reader.readObject();
            JsonValue error = json.get("error");
            if (error != null && error.getValueType() == JsonValue.ValueType.OBJECT) {
                return excerpt(((JsonObject) error).getString("message", body));
            }
            if (error != null && error.getValueType() == JsonValue.ValueType.STRING) {
                return excerpt(json.getString("error")); // llama.cpp and some proxies
            }
        } catch (RuntimeException notJson) {
            // fall through: show the raw start of the body
        }
        return excerpt(body);
    }

    /** Retry-After as delta-seconds (HTTP dates are rare from model servers and treated as absent). */
    static Duration parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT) + "...";
    }
}

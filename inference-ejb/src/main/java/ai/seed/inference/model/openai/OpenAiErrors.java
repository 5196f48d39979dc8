package ai.seed.inference.model.openai;

import ai.seed.inference.model.ModelCallException;
import ai.seed.inference.model.NonRetriableModelException;
import ai.seed.inference.model.RateLimitedException;
import ai.seed.inference.model.RetriableModelException;
import ai.seed.inference.model.UnknownModelException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;

/**
 * Maps an OpenAI-compatible error response to Seed's retriable / non-retriable exceptions.
 * Retriable: 408, 409, 425, 429 and 5xx (the server or its capacity may recover); 429 is a
 * {@link RateLimitedException}, which the circuit breaker does not count as ill health. Every other
 * 4xx means the request itself is wrong and repeating it cannot help; vLLM's and OpenAI's 404 for
 * a model it does not serve is an {@link UnknownModelException}.
 */
public final class OpenAiErrors {

    private static final int EXCERPT = 200;

    private OpenAiErrors() {
    }

    /** vLLM's and OpenAI's words for a model (or LoRA adapter) the server does not serve. */
    private static final java.util.regex.Pattern MODEL_DOES_NOT_EXIST =
            java.util.regex.Pattern.compile("[Tt]he model [`'\"]?([^`'\"\\s]+)[`'\"]? does not exist");

    public static ModelCallException fromStatus(int status, String retryAfterHeader, String body) {
        return fromStatus(status, retryAfterHeader, body, null);
    }

    /** As {@link #fromStatus(int, String, String)}; {@code requestedModel} names the model the call asked for. */
    public static ModelCallException fromStatus(int status, String retryAfterHeader, String body, String requestedModel) {
        String message = "model server answered HTTP " + status + ": " + errorMessage(body);
        if (status == 404) {
            java.util.regex.Matcher unknown = MODEL_DOES_NOT_EXIST.matcher(errorMessage(body));
            if (unknown.find() || body != null && body.contains("model_not_found")) {
                return new UnknownModelException(message, unknown.find(0) ? unknown.group(1) : requestedModel);
            }
        }
        if (status == 429) {
            return new RateLimitedException(message, status, parseRetryAfter(retryAfterHeader));
        }
        if (status == 408 || status == 409 || status == 425 || status >= 500) {
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
            if (json.get("message") instanceof jakarta.json.JsonString message) {
                return excerpt(message.getString()); // vLLM before 0.9: {"object": "error", "message": ...}
            }
            if (json.get("detail") instanceof jakarta.json.JsonString detail) {
                return excerpt(detail.getString()); // FastAPI: {"detail": "Not Found"} for a route it lacks
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

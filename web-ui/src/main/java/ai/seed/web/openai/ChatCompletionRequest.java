package ai.seed.web.openai;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.Set;

/**
 * A {@code POST /v1/chat/completions} body, read with JSON-P so that the OpenAI schema's many
 * optional fields never break a request. Read: {@code model} (required, see {@link SeedModel}),
 * {@code messages} (see {@link Conversation}), {@code stream}, {@code stream_options.include_usage}
 * and {@code n} (1 only: a turn has one answer). Refused with a 400 because Seed cannot honour
 * them: {@code tools}/{@code functions} (non-empty) and a {@code response_format} other than
 * text. Accepted and ignored, since the tenant's model settings decide sampling: {@link #IGNORED}.
 */
public record ChatCompletionRequest(String model, boolean stream, boolean includeUsage, Conversation conversation) {

    /** Fields clients commonly send that do not change a Seed turn. Unknown fields are ignored too. */
    public static final Set<String> IGNORED = Set.of("temperature", "top_p", "max_tokens", "max_completion_tokens",
            "presence_penalty", "frequency_penalty", "stop", "seed", "user", "logit_bias", "logprobs", "top_logprobs",
            "metadata", "store", "parallel_tool_calls", "tool_choice", "service_tier", "reasoning_effort", "modalities");

    public static ChatCompletionRequest parse(byte[] body) {
        JsonObject json = read(body);
        String model = JsonFields.requiredString(json, "model", "model");
        requireSingleChoice(json);
        refuseTools(json, "tools");
        refuseTools(json, "functions");
        refuseResponseFormat(json);
        boolean stream = JsonFields.bool(json, "stream", false, "stream");
        JsonObject options = JsonFields.object(json, "stream_options", "stream_options");
        boolean includeUsage = stream && options != null
                && JsonFields.bool(options, "include_usage", false, "stream_options.include_usage");
        JsonArray messages = JsonFields.array(json, "messages", "messages");
        return new ChatCompletionRequest(model, stream, includeUsage, Conversation.of(messages));
    }

    private static JsonObject read(byte[] body) {
        if (body == null || body.length == 0) {
            throw OpenAiException.invalid("The request body is empty: send a JSON object.", null, "invalid_json");
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject o) {
                return o;
            }
        } catch (JsonException e) {
            throw OpenAiException.invalid("We could not parse the JSON body of your request. (HINT: This likely means"
                    + " you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)",
                    null, "invalid_json");
        }
        throw OpenAiException.invalid("The request body must be a JSON object.", null, "invalid_json");
    }

    private static void requireSingleChoice(JsonObject json) {
        JsonNumber n = JsonFields.number(json, "n", "n");
        if (n != null && !(n.isIntegral() && n.longValue() == 1)) {
            throw OpenAiException.invalid("Invalid 'n': only n = 1 is supported.", "n", "unsupported_value");
        }
    }

    private static void refuseTools(JsonObject json, String name) {
        JsonArray tools = JsonFields.array(json, name, name);
        if (tools != null && !tools.isEmpty()) {
            throw OpenAiException.invalid("'" + name + "' is not supported: Seed answers in text and calls no tools.",
                    name, "unsupported_parameter");
        }
    }

    private static void refuseResponseFormat(JsonObject json) {
        JsonObject format = JsonFields.object(json, "response_format", "response_format");
        if (format != null && !"text".equals(JsonFields.string(format, "type", "response_format.type"))) {
            throw OpenAiException.invalid("Only response_format {\"type\": \"text\"} is supported.",
                    "response_format", "unsupported_value");
        }
    }
}

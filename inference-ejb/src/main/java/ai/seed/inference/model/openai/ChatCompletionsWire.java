package ai.seed.inference.model.openai;

import ai.seed.inference.model.ChatMessage;
import ai.seed.inference.model.ChatRequest;
import ai.seed.inference.model.ChatResponse;
import ai.seed.inference.model.ImageData;
import ai.seed.inference.model.NonRetriableModelException;
import ai.seed.inference.model.TokenUsage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/**
 * The OpenAI Chat Completions JSON format, both directions: request bodies (text parts and
 * images as data URLs; the LoRA selection of vLLM or llama.cpp) and response bodies.
 */
public final class ChatCompletionsWire {

    private ChatCompletionsWire() {
    }

    public static String requestBody(OpenAiEndpoint endpoint, ChatRequest request) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("model", modelName(endpoint, request.adapter()))
                .add("messages", messages(request))
                .add("temperature", request.temperature())
                .add("max_tokens", request.maxTokens())
                .add("stream", false);
        if (endpoint.dialect() == OpenAiEndpoint.Dialect.LLAMA_CPP && request.adapter() != null) {
            Integer id = endpoint.loraIds().get(request.adapter());
            if (id == null) {
                throw new NonRetriableModelException("adapter '" + request.adapter()
                        + "' is not among the llama.cpp server's adapters " + endpoint.loraIds().keySet(), 0, null);
            }
            body.add("lora", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", id).add("scale", 1.0)));
        }
        return body.build().toString();
    }

    /** vLLM selects a LoRA adapter by the request's model name; other servers by their own means. */
    static String modelName(OpenAiEndpoint endpoint, String adapter) {
        return endpoint.dialect() == OpenAiEndpoint.Dialect.VLLM && adapter != null ? adapter : endpoint.model();
    }

    private static JsonArrayBuilder messages(ChatRequest request) {
        JsonArrayBuilder messages = Json.createArrayBuilder();
        for (ChatMessage m : request.messages()) {
            JsonObjectBuilder msg = Json.createObjectBuilder().add("role", m.role());
            if (m.images().isEmpty()) {
                msg.add("content", m.text());
            } else {
                JsonArrayBuilder parts = Json.createArrayBuilder();
                for (ImageData image : m.images()) {
                    parts.add(Json.createObjectBuilder().add("type", "image_url")
                            .add("image_url", Json.createObjectBuilder().add("url", image.toDataUrl())));
                }
                parts.add(Json.createObjectBuilder().add("type", "text").add("text", m.text()));
                msg.add("content", parts);
            }
            messages.add(msg);
        }
        return messages;
    }

    /**
     * Parses a 200 response. Anything that is not a chat completion with at least one choice
     * whose message has text content is garbage: non-retriable, with a short reason.
     */
    public static ChatResponse parseResponse(String body) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            json = reader.readObject();
        } catch (JsonParsingException | IllegalStateException e) {
            throw garbage("the body is not a JSON object", body);
        } catch (JsonException e) {
            throw garbage("the body is not JSON", body);
        }
        JsonArray choices = json.containsKey("choices") && json.get("choices").getValueType() == JsonValue.ValueType.ARRAY
                ? json.getJsonArray("choices") : null;
        if (choices == null || choices.isEmpty() || choices.get(0).getValueType() != JsonValue.ValueType.OBJECT) {
            throw garbage("no choices in the response", body);
        }
        JsonObject choice = choices.getJsonObject(0);
        JsonObject message = choice.containsKey("message") && choice.get("message").getValueType() == JsonValue.ValueType.OBJECT
                ? choice.getJsonObject("message") : null;
        if (message == null || !message.containsKey("content")
                || message.get("content").getValueType() != JsonValue.ValueType.STRING) {
            throw garbage("the first choice has no text content", body);
        }
        return new ChatResponse(message.getString("content"), json.getString("model", ""), usage(json),
                choice.getString("finish_reason", ""));
    }

    private static TokenUsage usage(JsonObject json) {
        if (!json.containsKey("usage") || json.get("usage").getValueType() != JsonValue.ValueType.OBJECT) {
            return TokenUsage.NONE;
        }
        JsonObject usage = json.getJsonObject("usage");
        return new TokenUsage(usage.getInt("prompt_tokens", 0), usage.getInt("completion_tokens", 0));
    }

    private static NonRetriableModelException garbage(String reason, String body) {
        return new NonRetriableModelException("model server returned an invalid response: " + reason
                + " (body starts: " + OpenAiErrors.excerpt(body) + ")", 200, null);
    }
}

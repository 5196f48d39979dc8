package ai.seed.inference.model.openai;

import ai.seed.inference.model.ChatMessage;
import ai.seed.inference.model.ChatRequest;
import ai.seed.inference.model.ChatResponse;
import ai.seed.inference.model.ImageData;
import ai.seed.inference.model.NonRetriableModelException;
import ai.seed.inference.model.RetriableModelException;
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
import java.util.List;

/**
 * The OpenAI Chat Completions JSON format, both directions: request bodies (text parts and
 * images as data URLs; the LoRA selection of vLLM or llama.cpp) and response bodies.
 */
public final class ChatCompletionsWire {

    private ChatCompletionsWire() {
    }

    public static String requestBody(OpenAiEndpoint endpoint, ChatRequest request) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("model", modelName(endpoint, request))
                .add("messages", messages(request))
                .add("temperature", request.temperature())
                .add("max_tokens", request.maxTokens())
                .add("stream", request.streamed());
        if (request.streamed()) {
            // vLLM and OpenAI then send the usage in a last chunk of their own
            body.add("stream_options", Json.createObjectBuilder().add("include_usage", true));
        }
        if (endpoint.dialect() == OpenAiEndpoint.Dialect.LLAMA_CPP && request.adapter() != null) {
            body.add("lora", loraMix(endpoint, request));
        }
        return body.build().toString();
    }

    /**
     * llama.cpp mixes the adapters per request: one adapter at scale 1, or the Top-K adapters at
     * equal scales summing to 1 (the paper's fusion averages the adapters).
     */
    private static JsonArrayBuilder loraMix(OpenAiEndpoint endpoint, ChatRequest request) {
        List<String> adapters = request.fusion().isEmpty() ? List.of(request.adapter()) : request.fusion();
        JsonArrayBuilder lora = Json.createArrayBuilder();
        for (String adapter : adapters) {
            Integer id = endpoint.loraIds().get(adapter);
            if (id == null) {
                throw new NonRetriableModelException("adapter '" + adapter
                        + "' is not among the llama.cpp server's adapters " + endpoint.loraIds().keySet(), 0, null);
            }
            lora.add(Json.createObjectBuilder().add("id", id).add("scale", 1.0 / adapters.size()));
        }
        return lora;
    }

    /**
     * vLLM selects a LoRA adapter by the request's model name. A Top-K fusion must be registered
     * on the server as an adapter of its own, named by {@link #fusedAdapterName}.
     */
    static String modelName(OpenAiEndpoint endpoint, ChatRequest request) {
        if (endpoint.dialect() != OpenAiEndpoint.Dialect.VLLM || request.adapter() == null) {
            return endpoint.model();
        }
        return request.fusion().isEmpty() ? request.adapter() : fusedAdapterName(request.fusion());
    }

    /** "fused--meta-1--meta-3": the name under which an operator registers a fused adapter. */
    public static String fusedAdapterName(List<String> adapters) {
        return "fused--" + String.join("--", adapters.stream().sorted().toList());
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
     * whose message has text content is not the API's answer: a proxy's error page, a body cut off
     * mid-way, a server restarting. Retriable (once, like a 500), with a short reason.
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

    static TokenUsage usage(JsonObject json) {
        if (!json.containsKey("usage") || json.get("usage").getValueType() != JsonValue.ValueType.OBJECT) {
            return TokenUsage.NONE;
        }
        JsonObject usage = json.getJsonObject("usage");
        return new TokenUsage(usage.getInt("prompt_tokens", 0), usage.getInt("completion_tokens", 0));
    }

    static RetriableModelException garbage(String reason, String body) {
        return new RetriableModelException("model server returned an invalid response: " + reason
                + " (body starts: " + OpenAiErrors.excerpt(body) + ")", 200, null, null);
    }
}

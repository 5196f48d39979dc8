package ai.seed.inference.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.seed.inference.model.ChatMessage;
import ai.seed.inference.model.ChatRequest;
import ai.seed.inference.model.ChatResponse;
import ai.seed.inference.model.ImageData;
import ai.seed.inference.model.NonRetriableModelException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatCompletionsWireTest {

    private static final ImageData PNG = new ImageData(new byte[] {1, 2, 3}, "image/png");

    static OpenAiEndpoint endpoint(OpenAiEndpoint.Dialect dialect) {
        return new OpenAiEndpoint(URI.create("http://127.0.0.1:8000/v1"), "qwen2.5-vl-3b", "sk-secret",
                Duration.ofSeconds(1), Duration.ofSeconds(5), dialect, Map.of("meta-3", 3));
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    static ChatRequest request(String adapter) {
        return new ChatRequest(List.of(ChatMessage.system("You are a high-precision concept detector."),
                ChatMessage.user("Concept List", List.of(PNG))), 0.2, 1024, adapter);
    }

    @Test
    void vllmSelectsTheAdapterByModelName() {
        JsonObject body = json(ChatCompletionsWire.requestBody(endpoint(OpenAiEndpoint.Dialect.VLLM), request("meta-3")));
        assertThat(body.getString("model")).isEqualTo("meta-3");
        assertThat(body.containsKey("lora")).isFalse();
        assertThat(body.getJsonNumber("temperature").doubleValue()).isEqualTo(0.2);
        assertThat(body.getInt("max_tokens")).isEqualTo(1024);
    }

    @Test
    void vllmWithoutAdapterUsesTheBaseModel() {
        JsonObject body = json(ChatCompletionsWire.requestBody(endpoint(OpenAiEndpoint.Dialect.VLLM), request(null)));
        assertThat(body.getString("model")).isEqualTo("qwen2.5-vl-3b");
    }

    @Test
    void llamaCppSelectsTheAdapterByLoraIndex() {
        JsonObject body = json(ChatCompletionsWire.requestBody(endpoint(OpenAiEndpoint.Dialect.LLAMA_CPP), request("meta-3")));
        assertThat(body.getString("model")).isEqualTo("qwen2.5-vl-3b");
        assertThat(body.getJsonArray("lora").getJsonObject(0).getInt("id")).isEqualTo(3);
        assertThat(body.getJsonArray("lora").getJsonObject(0).getJsonNumber("scale").doubleValue()).isEqualTo(1.0);
    }

    @Test
    void llamaCppRefusesAnAdapterItDoesNotHave() {
        assertThatThrownBy(() -> ChatCompletionsWire.requestBody(endpoint(OpenAiEndpoint.Dialect.LLAMA_CPP), request("meta-9")))
                .isInstanceOf(NonRetriableModelException.class).hasMessageContaining("meta-9");
    }

    @Test
    void imagesTravelAsDataUrlPartsBeforeTheText() {
        JsonObject body = json(ChatCompletionsWire.requestBody(endpoint(OpenAiEndpoint.Dialect.OPENAI), request(null)));
        JsonObject system = body.getJsonArray("messages").getJsonObject(0);
        JsonObject user = body.getJsonArray("messages").getJsonObject(1);
        assertThat(system.getString("content")).isEqualTo("You are a high-precision concept detector.");
        assertThat(user.getJsonArray("content").getJsonObject(0).getString("type")).isEqualTo("image_url");
        assertThat(user.getJsonArray("content").getJsonObject(0).getJsonObject("image_url").getString("url"))
                .isEqualTo("data:image/png;base64,AQID");
        assertThat(user.getJsonArray("content").getJsonObject(1).getString("text")).isEqualTo("Concept List");
    }

    @Test
    void theApiKeyIsNeverInTheBodyOrTheEndpointsText() {
        OpenAiEndpoint e = endpoint(OpenAiEndpoint.Dialect.OPENAI);
        assertThat(ChatCompletionsWire.requestBody(e, request(null))).doesNotContain("sk-secret");
        assertThat(e.toString()).doesNotContain("sk-secret").contains("****");
    }

    @Test
    void parsesAChatCompletion() {
        ChatResponse r = ChatCompletionsWire.parseResponse("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"yes no"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":812,"completion_tokens":2,"total_tokens":814}}""");
        assertThat(r.text()).isEqualTo("yes no");
        assertThat(r.model()).isEqualTo("gpt-4o");
        assertThat(r.usage().promptTokens()).isEqualTo(812);
        assertThat(r.usage().completionTokens()).isEqualTo(2);
        assertThat(r.finishReason()).isEqualTo("stop");
    }

    @Test
    void usageIsOptional() {
        ChatResponse r = ChatCompletionsWire.parseResponse(
                "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"ok\"}}]}");
        assertThat(r.usage().total()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html>502 Bad Gateway</html>", "[]", "{}", "{\"choices\":[]}",
        "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null}}]}",
        "{\"choices\":[{\"text\":\"legacy completion\"}]}", "{\"choices\":[\"x\"]}", "{\"choices\":\"x\"}",
        "{\"choices\":[{\"message\":{\"content\":\"cut"})
    void aBodyThatIsNotTheApisAnswerIsTransientAndSaysWhy(String body) {
        // A proxy's error page, a body cut off, a restarting server: retried once, like a 500.
        assertThatThrownBy(() -> ChatCompletionsWire.parseResponse(body))
                .isInstanceOf(ai.seed.inference.model.RetriableModelException.class)
                .hasMessageStartingWith("model server returned an invalid response");
    }

    @Test
    void llamaCppMixesTopKAdaptersWithEqualScales() {
        ChatRequest fused = new ChatRequest(request("meta-3").messages(), 0.2, 1024, "meta-3", List.of("meta-3", "meta-5"));
        OpenAiEndpoint e = new OpenAiEndpoint(URI.create("http://127.0.0.1:8000/v1"), "qwen2.5-vl-3b", null,
                Duration.ofSeconds(1), Duration.ofSeconds(5), OpenAiEndpoint.Dialect.LLAMA_CPP, Map.of("meta-3", 3, "meta-5", 5));
        JsonObject body = json(ChatCompletionsWire.requestBody(e, fused));
        assertThat(body.getJsonArray("lora")).hasSize(2);
        assertThat(body.getJsonArray("lora").getJsonObject(1).getInt("id")).isEqualTo(5);
        assertThat(body.getJsonArray("lora").getJsonObject(1).getJsonNumber("scale").doubleValue()).isEqualTo(0.5);
    }

    @Test
    void vllmNamesAFusionByItsRegisteredFusedAdapter() {
        ChatRequest fused = new ChatRequest(request("meta-5").messages(), 0.2, 1024, "meta-5", List.of("meta-5", "meta-3"));
        JsonObject body = json(ChatCompletionsWire.requestBody(endpoint(OpenAiEndpoint.Dialect.VLLM), fused));
        assertThat(body.getString("model")).isEqualTo("fused--meta-3--meta-5");
    }
}

package ai.seed.inference.model.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to reach one OpenAI-compatible server.
 *
 * @param baseUri   the API root, ending in {@code /v1} (e.g. {@code http://gpu-1:8000/v1})
 * @param model     the model name sent in every request (vLLM: the base model's served name)
 * @param apiKey    bearer token, or null for servers without authentication; never logged
 * @param dialect   how a LoRA adapter is selected
 * @param loraIds   llama.cpp only: adapter reference -> adapter index loaded with {@code --lora}
 */
public record OpenAiEndpoint(URI baseUri, String model, String apiKey, Duration connectTimeout,
                             Duration readTimeout, Dialect dialect, Map<String, Integer> loraIds) {

    /** How the server picks a LoRA adapter per request. */
    public enum Dialect {
        /** OpenAI, Azure, Ollama: no adapters. */
        OPENAI,
        /** vLLM with {@code --enable-lora}: the adapter's name goes into {@code model}. */
        VLLM,
        /** llama.cpp server: {@code "lora": [{"id": n, "scale": 1.0}]}; adapters loaded at start. */
        LLAMA_CPP
    }

    public OpenAiEndpoint {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(dialect, "dialect");
        loraIds = loraIds == null ? Map.of() : Map.copyOf(loraIds);
        String scheme = baseUri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("model endpoint must be http(s): " + baseUri);
        }
    }

    @Override
    public String toString() {
        // The API key stays out of every log line and error message.
        return "OpenAiEndpoint[" + baseUri + ", model=" + model + ", dialect=" + dialect
                + ", apiKey=" + (apiKey == null || apiKey.isEmpty() ? "none" : "****") + "]";
    }
}

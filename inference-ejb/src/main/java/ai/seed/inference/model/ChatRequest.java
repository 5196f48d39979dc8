package ai.seed.inference.model;

import java.time.Duration;
import java.util.List;

/**
 * A chat completion request to a model port.
 *
 * @param adapter LoRA adapter reference for multi-LoRA servers (null: the base model)
 * @param fusion  Top-K fusion: the K adapters to mix with equal weight (the paper's reference code
 *                averages their A and B matrices); empty for a single adapter
 * @param timeout how long this call may take (the pipeline's stage budget); null: the endpoint's
 *                own read timeout
 */
public record ChatRequest(List<ChatMessage> messages, double temperature, int maxTokens, String adapter,
                          List<String> fusion, Duration timeout) {

    public ChatRequest(List<ChatMessage> messages, double temperature, int maxTokens, String adapter) {
        this(messages, temperature, maxTokens, adapter, List.of(), null);
    }

    public ChatRequest(List<ChatMessage> messages, double temperature, int maxTokens, String adapter,
                       List<String> fusion) {
        this(messages, temperature, maxTokens, adapter, fusion, null);
    }

    /** The same request with its own time limit. */
    public ChatRequest withTimeout(Duration limit) {
        return new ChatRequest(messages, temperature, maxTokens, adapter, fusion, limit);
    }

    public ChatRequest {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        messages = List.copyOf(messages);
        fusion = fusion == null ? List.of() : List.copyOf(fusion);
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }
}

package ai.seed.inference.model;

import java.util.List;

/**
 * A chat completion request to a model port.
 *
 * @param adapter LoRA adapter reference for multi-LoRA servers (null: the base model)
 * @param fusion  Top-K fusion: the K adapters to mix with equal weight (the paper's reference code
 *                averages their A and B matrices); empty for a single adapter
 */
public record ChatRequest(List<ChatMessage> messages, double temperature, int maxTokens, String adapter,
                          List<String> fusion) {

    public ChatRequest(List<ChatMessage> messages, double temperature, int maxTokens, String adapter) {
        this(messages, temperature, maxTokens, adapter, List.of());
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

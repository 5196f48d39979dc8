package ai.seed.inference.model;

import java.util.List;

/**
 * A chat completion request to a model port.
 *
 * @param adapter LoRA adapter reference for multi-LoRA servers (null: the base model)
 */
public record ChatRequest(List<ChatMessage> messages, double temperature, int maxTokens, String adapter) {

    public ChatRequest {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        messages = List.copyOf(messages);
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }
}

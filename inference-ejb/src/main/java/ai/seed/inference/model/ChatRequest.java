package ai.seed.inference.model;

import java.time.Duration;
import java.util.List;

/**
 * A chat completion request to a model port.
 *
 * @param adapter           LoRA adapter reference for multi-LoRA servers (null: the base model)
 * @param fusion            Top-K fusion: the K adapters to mix with equal weight (the paper's reference
 *                          code averages their A and B matrices); empty for a single adapter
 * @param timeout           how long this call may take (the pipeline's stage budget); null: the
 *                          endpoint's own read timeout
 * @param tokens            null: answer in one piece; else the answer is streamed and each piece of
 *                          text goes here as it arrives
 * @param firstTokenTimeout for a streamed call, how long the first piece may take (a stalled server
 *                          is caught early); null: only {@code timeout} applies
 */
public record ChatRequest(List<ChatMessage> messages, double temperature, int maxTokens, String adapter,
                          List<String> fusion, Duration timeout, TokenSink tokens, Duration firstTokenTimeout) {

    public ChatRequest(List<ChatMessage> messages, double temperature, int maxTokens, String adapter) {
        this(messages, temperature, maxTokens, adapter, List.of(), null, null, null);
    }

    public ChatRequest(List<ChatMessage> messages, double temperature, int maxTokens, String adapter,
                       List<String> fusion) {
        this(messages, temperature, maxTokens, adapter, fusion, null, null, null);
    }

    /** The same request with its own time limit. */
    public ChatRequest withTimeout(Duration limit) {
        return new ChatRequest(messages, temperature, maxTokens, adapter, fusion, limit, tokens, firstTokenTimeout);
    }

    /** The same request with both time limits: the whole call, and its first streamed piece. */
    public ChatRequest withTimeouts(Duration limit, Duration firstToken) {
        return new ChatRequest(messages, temperature, maxTokens, adapter, fusion, limit, tokens, firstToken);
    }

    /** The same request, streamed into {@code sink} (null: not streamed). */
    public ChatRequest streamingTo(TokenSink sink) {
        return new ChatRequest(messages, temperature, maxTokens, adapter, fusion, timeout, sink, firstTokenTimeout);
    }

    public boolean streamed() {
        return tokens != null;
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

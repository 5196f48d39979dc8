package ai.seed.inference.model;

/**
 * What a chat model answered, with the model name it reported and its token usage.
 *
 * @param firstTokenMs for a streamed answer, how long its first piece of text took; else null
 */
public record ChatResponse(String text, String model, TokenUsage usage, String finishReason, Long firstTokenMs) {

    public ChatResponse(String text, String model, TokenUsage usage, String finishReason) {
        this(text, model, usage, finishReason, null);
    }
}

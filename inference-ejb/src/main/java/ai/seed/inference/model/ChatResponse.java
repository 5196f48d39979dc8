package ai.seed.inference.model;

/** What a chat model answered, with the model name it reported and its token usage. */
public record ChatResponse(String text, String model, TokenUsage usage, String finishReason) {
}

package ai.seed.inference.model;

/** The small model's raw output, with the model/adapter that produced it and token usage. */
public record SmallVlmResponse(String rawText, String model, TokenUsage usage) {
}

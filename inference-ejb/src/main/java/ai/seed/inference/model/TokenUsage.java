package ai.seed.inference.model;

/** Token counts as the model server reported them (zero when it reported none). */
public record TokenUsage(int promptTokens, int completionTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public int total() {
        return promptTokens + completionTokens;
    }
}

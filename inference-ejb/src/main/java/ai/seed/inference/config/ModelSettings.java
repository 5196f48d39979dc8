package ai.seed.inference.config;

import java.time.Duration;
import java.util.Map;

/**
 * Model endpoints and pipeline knobs, from MicroProfile Config (keys {@code seed.*}; each has an
 * environment-variable form, e.g. {@code seed.large-vlm.url} = {@code SEED_LARGE_VLM_URL}).
 * README "Model configuration" lists them all.
 */
public record ModelSettings(
        String embedderKind, String embedderModelDir, String embedderDevice, double detectorThreshold,
        Endpoint smallVlm, double smallTemperature, int smallMaxTokens,
        Endpoint largeVlm, double largeTemperature, int largeMaxTokens,
        int topK, String defaultMode, int maxConceptsPerPrompt, Endpoint largeVlmFallback) {

    /** Settings without a fallback large VLM. */
    public ModelSettings(String embedderKind, String embedderModelDir, String embedderDevice, double detectorThreshold,
                         Endpoint smallVlm, double smallTemperature, int smallMaxTokens,
                         Endpoint largeVlm, double largeTemperature, int largeMaxTokens,
                         int topK, String defaultMode, int maxConceptsPerPrompt) {
        this(embedderKind, embedderModelDir, embedderDevice, detectorThreshold, smallVlm, smallTemperature,
                smallMaxTokens, largeVlm, largeTemperature, largeMaxTokens, topK, defaultMode, maxConceptsPerPrompt,
                null);
    }

    /** These settings with {@code fallback} as the second large-VLM endpoint (null: none). */
    public ModelSettings withLargeVlmFallback(Endpoint fallback) {
        return new ModelSettings(embedderKind, embedderModelDir, embedderDevice, detectorThreshold, smallVlm,
                smallTemperature, smallMaxTokens, largeVlm, largeTemperature, largeMaxTokens, topK, defaultMode,
                maxConceptsPerPrompt, fallback);
    }

    /** An OpenAI-compatible endpoint; {@code url} empty means "not configured". */
    public record Endpoint(String url, String model, String apiKey, String dialect, Map<String, Integer> loraIds,
                           Duration connectTimeout, Duration readTimeout) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }

        @Override
        public String toString() {
            return "Endpoint[" + url + ", model=" + model + ", dialect=" + dialect + ", apiKey="
                    + (apiKey == null || apiKey.isBlank() ? "none" : "****") + "]";
        }
    }
}

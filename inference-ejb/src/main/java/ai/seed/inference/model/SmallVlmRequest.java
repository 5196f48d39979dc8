package ai.seed.inference.model;

import java.time.Duration;
import java.util.List;

/**
 * A detection request: the Table 6 prompts, the query image, the chosen adapter, and the
 * concepts' reference images (used by in-process detectors; remote VLMs carry the concepts in
 * their adapter and prompt).
 */
public record SmallVlmRequest(String systemPrompt, String userPrompt, ImageData image, String adapter,
                              double temperature, int maxTokens, List<ReferenceConcept> concepts,
                              List<String> fusion, Duration timeout) {

    public SmallVlmRequest(String systemPrompt, String userPrompt, ImageData image, String adapter,
                           double temperature, int maxTokens, List<ReferenceConcept> concepts, List<String> fusion) {
        this(systemPrompt, userPrompt, image, adapter, temperature, maxTokens, concepts, fusion, null);
    }

    /** The same request with its own time limit (the pipeline's detection budget); null: the endpoint's. */
    public SmallVlmRequest withTimeout(Duration limit) {
        return new SmallVlmRequest(systemPrompt, userPrompt, image, adapter, temperature, maxTokens, concepts, fusion,
                limit);
    }

    public SmallVlmRequest(String systemPrompt, String userPrompt, ImageData image, String adapter,
                           double temperature, int maxTokens, List<ReferenceConcept> concepts) {
        this(systemPrompt, userPrompt, image, adapter, temperature, maxTokens, concepts, List.of(), null);
    }

    public SmallVlmRequest {
        concepts = concepts == null ? List.of() : List.copyOf(concepts);
        fusion = fusion == null ? List.of() : List.copyOf(fusion);
    }
}

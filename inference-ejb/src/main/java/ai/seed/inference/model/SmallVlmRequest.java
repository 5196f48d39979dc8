package ai.seed.inference.model;

import java.util.List;

/**
 * A detection request: the Table 6 prompts, the query image, the chosen adapter, and the
 * concepts' reference images (used by in-process detectors; remote VLMs carry the concepts in
 * their adapter and prompt).
 */
public record SmallVlmRequest(String systemPrompt, String userPrompt, ImageData image, String adapter,
                              double temperature, int maxTokens, List<ReferenceConcept> concepts,
                              List<String> fusion) {

    public SmallVlmRequest(String systemPrompt, String userPrompt, ImageData image, String adapter,
                           double temperature, int maxTokens, List<ReferenceConcept> concepts) {
        this(systemPrompt, userPrompt, image, adapter, temperature, maxTokens, concepts, List.of());
    }

    public SmallVlmRequest {
        concepts = concepts == null ? List.of() : List.copyOf(concepts);
        fusion = fusion == null ? List.of() : List.copyOf(fusion);
    }
}

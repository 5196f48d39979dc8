package ai.seed.inference.pipeline;

import ai.seed.inference.model.ChatMessage;
import ai.seed.inference.model.ChatRequest;
import ai.seed.inference.model.NonRetriableModelException;
import ai.seed.inference.trace.Phase;
import ai.seed.inference.trace.TurnTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Identity extraction (paper Table 7): the large VLM turns each concept's description into a
 * permanent category and mutable attributes. Run when a concept is created or its description
 * changes, and stored with it; turns read the stored identity (the paper recomputes it per turn).
 * An unparseable answer is asked once more, then the caller gets a clear error.
 */
@ApplicationScoped
public class IdentityExtractor {

    @Inject
    LargeVlmCalls large;

    public Map<String, ConceptIdentity> extract(TurnTrace trace, List<ConceptCue> concepts) {
        ChatRequest request = new ChatRequest(List.of(ChatMessage.system(Prompts.identitySystem()),
                ChatMessage.user(Prompts.identityUser(concepts), List.of())), 0.0, 512, null);
        UnparseableModelOutputException last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            String raw = large.chat(trace, Phase.IDENTITY, request).text();
            try {
                return IdentityParser.parse(raw, concepts);
            } catch (UnparseableModelOutputException e) {
                last = e;
                trace.event("identity answer unparseable (attempt " + attempt + "): " + e.reason());
            }
        }
        throw new NonRetriableModelException("the large VLM's identity answer could not be read: " + last.reason(),
                200, last);
    }
}

package ai.seed.inference.pipeline;

import ai.seed.inference.model.ImageData;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One chat turn to run: an optional image (null: a text-only question), the question, the
 * concepts in scope and the requested mode.
 *
 * @param history earlier messages of the conversation (oldest first), for multi-turn chat
 * @param routing optional adapter-routing override (evaluation runs); null: the active dictionary
 *                and the configured Top-K
 */
public record TurnRequest(UUID tenantId, String requestId, String userRef, TurnMode mode, ImageData image,
                          String question, List<TurnConcept> concepts, List<HistoryMessage> history,
                          Routing routing) {

    /**
     * Which dictionary version and Top-K route the adapter of this turn, instead of the tenant's
     * active version and the configured K; either may be null (keep the default).
     */
    public record Routing(Long dictionaryVersionId, Integer topK) {
    }

    /** A turn routed as configured (chat, API). */
    public TurnRequest(UUID tenantId, String requestId, String userRef, TurnMode mode, ImageData image,
                       String question, List<TurnConcept> concepts, List<HistoryMessage> history) {
        this(tenantId, requestId, userRef, mode, image, question, concepts, history, null);
    }

    /** An earlier message of the same conversation. */
    public record HistoryMessage(String role, String text) {
    }

    public TurnRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(mode, "mode");
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("a turn needs a question");
        }
        concepts = concepts == null ? List.of() : List.copyOf(concepts);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public boolean hasImage() {
        return image != null;
    }
}

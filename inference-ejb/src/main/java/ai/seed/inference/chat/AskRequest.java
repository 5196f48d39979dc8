package ai.seed.inference.chat;

import ai.seed.inference.concepts.UploadedImage;
import ai.seed.inference.pipeline.TurnRequest;
import java.util.List;
import java.util.UUID;

/**
 * A chat question from staff or a partner system.
 *
 * @param scenarioId null: all of the tenant's concepts
 * @param mode       null: the tenant's default mode
 * @param image      null: a text-only question
 * @param requestId  optional client-chosen id (shared by retries), else generated
 */
public record AskRequest(UUID scenarioId, String mode, UploadedImage image, String question,
                         List<TurnRequest.HistoryMessage> history, String requestId) {

    public AskRequest {
        history = history == null ? List.of() : List.copyOf(history);
    }
}

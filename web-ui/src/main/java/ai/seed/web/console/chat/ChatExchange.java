package ai.seed.web.console.chat;

import ai.seed.inference.pipeline.TurnResult;
import java.util.List;

/**
 * One question of a chat conversation and how it ended: a turn result (answered or failed) or,
 * when the request was refused before any model ran, only an error message.
 *
 * @param imageDataUrl a small preview of the photo asked about, or null for a text-only question
 * @param baselines    the weight-free baselines that served the turn (labels), empty when real models did
 */
public record ChatExchange(String question, String scenario, String imageDataUrl, TurnResult result, String error,
                           List<String> baselines) {

    public ChatExchange {
        baselines = baselines == null ? List.of() : List.copyOf(baselines);
    }

    /** An exchange served by real models, or refused before any model ran. */
    public ChatExchange(String question, String scenario, String imageDataUrl, TurnResult result, String error) {
        this(question, scenario, imageDataUrl, result, error, List.of());
    }

    /** The text shown as the reply: the answer, else the clearest error there is. */
    public String reply() {
        if (result != null && result.answer() != null && !result.answer().isBlank()) {
            return result.answer();
        }
        if (result != null && result.errorMessage() != null && result.retryAfter() != null) {
            return "The large VLM is busy (" + result.errorMessage() + "). Try again in "
                    + Math.max(1, result.retryAfter().toSeconds()) + " s.";
        }
        if (result != null && result.errorMessage() != null) {
            return "The turn failed: " + result.errorMessage();
        }
        return error == null ? "No answer." : error;
    }

    /** A note shown under the answer when reflection could not verify the report, else null. */
    public String verificationNote() {
        return result == null || failed() ? null : result.verificationNote();
    }

    public boolean failed() {
        return result == null || result.answer() == null || result.answer().isBlank();
    }
}

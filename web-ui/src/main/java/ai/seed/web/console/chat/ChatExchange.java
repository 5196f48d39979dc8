package ai.seed.web.console.chat;

import ai.seed.inference.pipeline.TurnResult;

/**
 * One question of a chat conversation and how it ended: a turn result (answered or failed) or,
 * when the request was refused before any model ran, only an error message.
 *
 * @param imageDataUrl a small preview of the photo asked about, or null for a text-only question
 */
public record ChatExchange(String question, String scenario, String imageDataUrl, TurnResult result, String error) {

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

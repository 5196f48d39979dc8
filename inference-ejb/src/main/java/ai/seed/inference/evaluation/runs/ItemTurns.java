package ai.seed.inference.evaluation.runs;

import ai.seed.domain.evaluation.StoredImage;
import ai.seed.domain.evaluation.StoredItem;
import ai.seed.domain.evaluation.StoredResult;
import ai.seed.domain.turn.TurnStatus;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.EvalTask;
import ai.seed.inference.model.ImageData;
import ai.seed.inference.pipeline.DetectionReport;
import ai.seed.inference.pipeline.TurnConcept;
import ai.seed.inference.pipeline.TurnMode;
import ai.seed.inference.pipeline.TurnRequest;
import ai.seed.inference.pipeline.TurnResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One evaluation item as one pipeline turn, and the turn's result as the item's outcome.
 *
 * <p>Concepts in scope: the item's concepts (a recognition item has exactly the asked one, so
 * the detector and reflection judge that concept only, as in the paper's recognition protocol;
 * multiple-choice and text-only items bring all the concepts they are about). The question sent
 * is the item's question, followed for lettered items by one line per option and the request to
 * answer with the letter.
 */
final class ItemTurns {

    private ItemTurns() {
    }

    static String question(EvalItem item) {
        if (item.task() == EvalTask.RECOGNITION) {
            return item.question();
        }
        StringBuilder q = new StringBuilder(item.question().strip());
        item.options().forEach((letter, text) -> q.append('\n').append(letter).append(". ").append(text));
        return q.append("\nAnswer with the option's letter from the given choices directly.").toString();
    }

    /** The item's concepts that the tenant has, in the item's order; missing ones are left out. */
    static List<TurnConcept> scope(EvalItem item, Map<String, TurnConcept> tenantConcepts) {
        List<TurnConcept> scope = new ArrayList<>();
        item.concepts().forEach(name -> {
            TurnConcept c = tenantConcepts.get(name);
            if (c != null) {
                scope.add(c);
            }
        });
        return scope;
    }

    static TurnRequest request(UUID tenant, UUID runId, TurnMode mode, StoredItem stored, StoredImage storedImage,
                               EvalItem item, List<TurnConcept> scope, TurnRequest.Routing routing) {
        ImageData image = storedImage == null ? null : new ImageData(storedImage.bytes(), storedImage.mimeType());
        // request_id is unique per turn: a resumed item gets a fresh turn, the old one stays as traced.
        String requestId = "eval-" + runId + "-" + stored.position() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new TurnRequest(tenant, requestId, "eval:" + runId, mode, image, question(item), scope, List.of(),
                routing);
    }

    /**
     * detected / afterReflection: whether the asked concept (a recognition item's only concept) is
     * present in the detection report and in the final report, or null where the turn had no such
     * stage (no detector, no reflection, a fallback, a failure) or the item is not a recognition.
     */
    static StoredResult outcome(EvalItem item, TurnResult result) {
        boolean failed = result.status() != TurnStatus.ANSWERED;
        Boolean detected = null;
        Boolean afterReflection = null;
        if (!failed && item.task() == EvalTask.RECOGNITION) {
            String asked = "<" + item.concepts().get(0) + ">";
            TurnMode ran = result.effectiveMode();
            detected = ran.usesDetector() ? present(result.detection(), asked) : null;
            afterReflection = ran.usesReflection() ? present(result.finalReport(), asked) : null;
        }
        return new StoredResult(item.key(), failed ? null : result.answer(), failed, detected, afterReflection,
                result.turnId());
    }

    private static Boolean present(DetectionReport report, String conceptId) {
        return report == null || !report.contains(conceptId) ? null : report.get(conceptId).present();
    }

    /** An item that could not be turned into a turn at all (its concepts were deleted). */
    static StoredResult notRun(EvalItem item) {
        return new StoredResult(item.key(), null, true, null, null, null);
    }
}

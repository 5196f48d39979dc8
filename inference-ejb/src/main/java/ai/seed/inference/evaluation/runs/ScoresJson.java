package ai.seed.inference.evaluation.runs;

import ai.seed.domain.evaluation.StoredItem;
import ai.seed.domain.evaluation.StoredResult;
import ai.seed.inference.evaluation.ItemOutcome;
import ai.seed.inference.evaluation.scoring.EvalScores;
import ai.seed.inference.evaluation.scoring.EvalScoring;
import ai.seed.inference.evaluation.report.EvalJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stored results joined with their items, scored by the metrics, written as JSON. */
final class ScoresJson {

    private ScoresJson() {
    }

    /** The outcomes of the results whose item is among {@code items}, in item order. */
    static List<ItemOutcome> outcomes(List<StoredItem> items, List<StoredResult> results) {
        Map<String, StoredResult> byKey = new HashMap<>();
        results.forEach(r -> byKey.put(r.itemKey(), r));
        List<ItemOutcome> out = new ArrayList<>();
        for (StoredItem item : items) {
            StoredResult r = byKey.get(item.key());
            if (r != null) {
                out.add(new ItemOutcome(StoredItems.toEval(item), r.answer(), r.failed(), r.detected(),
                        r.afterReflection(), r.turnId()));
            }
        }
        return out;
    }

    static EvalScores score(List<StoredItem> items, List<StoredResult> results) {
        return EvalScoring.score(outcomes(items, results));
    }

    static String json(EvalScores scores) {
        return EvalJson.write(EvalJson.scores(scores));
    }
}

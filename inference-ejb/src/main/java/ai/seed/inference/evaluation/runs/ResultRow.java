package ai.seed.inference.evaluation.runs;

import java.util.List;
import java.util.UUID;

/**
 * One item's result in a run, judged under both answer rules (for export and drill-down).
 *
 * @param strictAnswer what the strict rule read from the answer ("Yes"/"No" or a letter); null if nothing
 * @param turnId       the stored turn with its full trace (null when no turn ran)
 */
public record ResultRow(String itemKey, String task, List<String> concepts, String question, String correct,
                        String answer, String strictAnswer, boolean strictCorrect, boolean lenientCorrect,
                        boolean failed, Boolean detected, Boolean afterReflection, UUID turnId) {

    public ResultRow {
        concepts = List.copyOf(concepts);
    }
}

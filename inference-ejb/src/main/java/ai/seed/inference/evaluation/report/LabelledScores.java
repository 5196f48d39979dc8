package ai.seed.inference.evaluation.report;

import ai.seed.inference.evaluation.scoring.EvalScores;
import java.util.Objects;

/**
 * The scores of one run under the label it is compared by, e.g. {@code "SLC top-1, dict v3"} or
 * {@code "small only"} (mode, top-K, dictionary version).
 */
public record LabelledScores(String label, EvalScores scores) {

    public LabelledScores {
        Objects.requireNonNull(scores, "scores");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a compared run needs a label");
        }
    }
}

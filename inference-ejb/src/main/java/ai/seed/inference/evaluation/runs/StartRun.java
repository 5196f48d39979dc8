package ai.seed.inference.evaluation.runs;

import jakarta.json.bind.annotation.JsonbCreator;
import java.util.UUID;

/**
 * A request to evaluate one dataset. Nulls take defaults: label "&lt;mode&gt; K=&lt;k&gt;", mode FULL,
 * Top-K as configured for chat, the dictionary version active now (pinned for the whole run),
 * leakage guard on, concurrency 2, every item (no sample).
 */
public record StartRun(UUID datasetId, String label, String mode, Integer topK, Long dictionaryVersionId,
                       Boolean leakageGuard, Integer concurrency, Sample sample) {

    /** The constructor JSON-B reads a request body with (the record has a second one). */
    @JsonbCreator
    public StartRun {
    }

    /** A run over every item. */
    public StartRun(UUID datasetId, String label, String mode, Integer topK, Long dictionaryVersionId,
                    Boolean leakageGuard, Integer concurrency) {
        this(datasetId, label, mode, topK, dictionaryVersionId, leakageGuard, concurrency, null);
    }

    /**
     * A stratified sample ({@link StratifiedSample}): {@code perConcept} items per concept and task,
     * drawn with {@code seed} (null: 42, so that runs compare the same items unless asked otherwise);
     * {@code balanced}: recognition positives and negatives half and half instead of in the
     * dataset's proportions.
     */
    public record Sample(Integer perConcept, Long seed, Boolean balanced) {

        public static final long DEFAULT_SEED = 42;
    }
}

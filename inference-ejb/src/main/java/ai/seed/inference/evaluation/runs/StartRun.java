package ai.seed.inference.evaluation.runs;

import java.util.UUID;

/**
 * A request to evaluate one dataset. Nulls take defaults: label "&lt;mode&gt; K=&lt;k&gt;", mode FULL,
 * Top-K as configured for chat, the dictionary version active now (pinned for the whole run),
 * leakage guard on, concurrency 2.
 */
public record StartRun(UUID datasetId, String label, String mode, Integer topK, Long dictionaryVersionId,
                       Boolean leakageGuard, Integer concurrency) {
}

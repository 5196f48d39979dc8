package ai.seed.inference.evaluation.runs;

import ai.seed.domain.evaluation.EvaluationRun;
import ai.seed.inference.evaluation.report.EvalJson;
import ai.seed.inference.evaluation.scoring.EvalScores;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A run with its settings, progress ({@code done} of {@code total}; {@code excluded} items were
 * removed by the leakage guard) and, when asked for one run, its scores so far.
 *
 * @param scores null in lists; for one run the scores of the items answered so far (final once
 *               the run SUCCEEDED), in the evaluation core's JSON form ({@link EvalJson#scores})
 * @param baselines the weight-free baselines (labels) that served the run; empty when real models did
 * @param sample    the stratified sample the run scores, or null for every item
 */
public record RunView(UUID id, UUID datasetId, String label, String mode, int topK, Long dictionaryVersionId,
                      boolean leakageGuard, int concurrency, String status, int done, int total, int excluded,
                      String message, boolean cancelRequested, String createdBy, Instant createdAt, Instant startedAt,
                      Instant finishedAt, JsonObject scores, List<String> baselines, SampleView sample) {

    /** {@code perConcept} items per concept and task, drawn with {@code seed}. */
    public record SampleView(int perConcept, long seed, boolean balanced) {

        static SampleView of(EvaluationRun r) {
            return r.samplePerConcept() == null ? null
                    : new SampleView(r.samplePerConcept(), r.sampleSeed(), r.sampleBalanced());
        }

        /** E.g. "sample: 20 per concept, balanced, seed 42". */
        public String describe() {
            return "sample: " + perConcept + " per concept" + (balanced ? ", balanced" : "") + ", seed " + seed;
        }
    }

    public boolean finished() {
        return "SUCCEEDED".equals(status) || "FAILED".equals(status) || "CANCELLED".equals(status);
    }

    static RunView of(EvaluationRun r, EvalScores scores) {
        return new RunView(r.id(), r.datasetId(), r.label(), r.mode(), r.topK(), r.dictionaryVersionId(),
                r.leakageGuard(), r.concurrency(), r.status().name(), r.done(), r.total(), r.excluded(), r.message(),
                r.cancelRequested(), r.createdBy(), r.createdAt(), r.startedAt(), r.finishedAt(),
                scores == null ? null : EvalJson.scores(scores), r.baselines(), SampleView.of(r));
    }
}

package ai.seed.inference.evaluation.runs;

import ai.seed.domain.evaluation.EvaluationDataset;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An evaluation set as the API and console show it.
 *
 * @param registeredConcepts on import only: dataset concepts newly registered in the tenant
 * @param reusedConcepts     on import only: dataset concepts the tenant already had (kept unchanged)
 */
public record DatasetView(UUID id, String name, String format, int itemCount, List<String> concepts,
                          List<String> skipped, String createdBy, Instant createdAt, List<String> registeredConcepts,
                          List<String> reusedConcepts) {

    public DatasetView {
        concepts = List.copyOf(concepts);
        skipped = List.copyOf(skipped);
        registeredConcepts = List.copyOf(registeredConcepts);
        reusedConcepts = List.copyOf(reusedConcepts);
    }

    static DatasetView of(EvaluationDataset d) {
        return of(d, List.of(), List.of());
    }

    static DatasetView of(EvaluationDataset d, List<String> registered, List<String> reused) {
        return new DatasetView(d.id(), d.name(), d.format(), d.itemCount(), d.conceptNames(), d.skipped(),
                d.createdBy(), d.createdAt(), registered, reused);
    }
}

package ai.seed.inference.dictionary;

import ai.seed.domain.dictionary.DictionaryJob;
import ai.seed.domain.job.JobStatus;
import java.time.Instant;
import java.util.UUID;

/** A retrain job as the console and API show it. */
public record JobView(UUID id, String status, int k, String source, String embedderId, int progress, String phase,
                      String message, boolean cancelRequested, Long resultVersionId, String createdBy,
                      Instant createdAt, Instant startedAt, Instant finishedAt) {

    static JobView of(DictionaryJob j) {
        return new JobView(j.id(), j.status().name(), j.k(), j.source(), j.embedderId(), j.progress(), j.phase(),
                j.message(), j.cancelRequested(), j.resultVersionId(), j.createdBy(), j.createdAt(), j.startedAt(),
                j.finishedAt());
    }

    public boolean finished() {
        return JobStatus.valueOf(status).finished();
    }
}

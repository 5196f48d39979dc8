package ai.seed.domain.dictionary;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Port for retrain jobs. Each method runs in its own short transaction. */
public interface DictionaryJobRepository {

    /** @throws IllegalStateException when a job of the same scope is already queued or running */
    DictionaryJob create(DictionaryJob job);

    Optional<DictionaryJob> find(UUID scopeTenantId, UUID id);

    /** The job whatever its scope: for the worker that drives it. */
    Optional<DictionaryJob> find(UUID id);

    /** Applies a change to the job and commits it; returns the job as stored. */
    DictionaryJob update(UUID id, Consumer<DictionaryJob> change);

    List<DictionaryJob> recent(UUID scopeTenantId, int limit);

    /** Fails RUNNING or QUEUED jobs whose heartbeat is older than {@code silence}; returns how many. */
    int failStale(Duration silence);

    /**
     * Fails every RUNNING job and every QUEUED job older than {@code queuedGrace}: for callers that
     * know no job can be running (they hold the retrain lock). Returns how many.
     */
    int failInterrupted(Duration queuedGrace, String reason);
}

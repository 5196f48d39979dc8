package ai.seed.domain.evaluation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Port for evaluation sets, runs and results. Every method takes the tenant and touches only its
 * rows (the first isolation layer) and sets the row-level-security context (the second); each
 * runs in its own short transaction.
 */
public interface EvaluationRepository {

    /** The set with all its images and items in one transaction: all or nothing. */
    EvaluationDataset saveDataset(EvaluationDataset dataset, List<StoredImage> images, List<StoredItem> items);

    List<EvaluationDataset> datasets(UUID tenantId);

    Optional<EvaluationDataset> dataset(UUID tenantId, UUID id);

    /** Deletes the set with its items, runs and results; false when the tenant has no such set. */
    boolean deleteDataset(UUID tenantId, UUID id);

    /** All items of a set in position order. */
    List<StoredItem> items(UUID tenantId, UUID datasetId);

    Optional<StoredImage> image(UUID tenantId, UUID datasetId, String sha256);

    EvaluationRun createRun(EvaluationRun run);

    Optional<EvaluationRun> run(UUID tenantId, UUID id);

    List<EvaluationRun> runs(UUID tenantId, int limit);

    /** Applies a change to the run under a row lock and commits it; returns the run as stored. */
    EvaluationRun updateRun(UUID tenantId, UUID id, Consumer<EvaluationRun> change);

    /**
     * Stores one result unless the item already has one in this run (a resumed run never counts
     * an item twice) and moves the run's progress to the number of stored results, in one
     * transaction. Returns that number.
     */
    int saveResult(UUID tenantId, UUID runId, StoredResult result);

    List<StoredResult> results(UUID tenantId, UUID runId);

    Set<String> resultKeys(UUID tenantId, UUID runId);

    /** QUEUED or RUNNING runs of every tenant (start-up recovery; platform scope). */
    List<EvaluationRun> unfinishedRuns();

    /**
     * The names (without brackets) of the tenant's concepts that represent a meta-concept of the
     * dictionary version (see docs/EVALUATION.md, leakage guard).
     */
    Set<String> representativeNames(UUID tenantId, long dictionaryVersionId);

    /** Whether the tenant may use the dictionary version (its own or the platform's). */
    boolean versionVisible(UUID tenantId, long dictionaryVersionId);
}

package ai.seed.domain.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One evaluation run: a dataset answered item by item through the SLC pipeline in one mode, with
 * a Top-K and a (pinned) dictionary version, in the background. Progress is the number of stored
 * results; a RUNNING run found at start-up (its node stopped) is resumed with the items that have
 * no result yet.
 */
@Entity
@Table(name = "eval_run")
public class EvaluationRun {

    /** Life cycle of a run. */
    public enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    /** What a run is asked to do. */
    public record Settings(String label, String mode, int topK, Long dictionaryVersionId, boolean leakageGuard,
                           int concurrency) {
    }

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;
    @Column(name = "dataset_id", nullable = false)
    private UUID datasetId;
    @Column(nullable = false)
    private String label;
    @Column(nullable = false)
    private String mode;
    @Column(name = "top_k", nullable = false)
    private int topK;
    @Column(name = "dictionary_version_id")
    private Long dictionaryVersionId;
    @Column(name = "leakage_guard", nullable = false)
    private boolean leakageGuard;
    @Column(nullable = false)
    private int concurrency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false)
    private int done;
    @Column(nullable = false)
    private int total;
    @Column(nullable = false)
    private int excluded;
    private String message;
    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;
    @ColumnTransformer(write = "?::jsonb")
    private String scores;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    protected EvaluationRun() {
        // for JPA
    }

    public EvaluationRun(UUID tenantId, UUID datasetId, Settings settings, String createdBy) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.datasetId = datasetId;
        this.label = settings.label();
        this.mode = settings.mode();
        this.topK = settings.topK();
        this.dictionaryVersionId = settings.dictionaryVersionId();
        this.leakageGuard = settings.leakageGuard();
        this.concurrency = settings.concurrency();
        this.status = Status.QUEUED;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    /** Starts (or, after a restart, resumes) the run over {@code totalItems} items. */
    public void start(int totalItems, int excludedItems) {
        status = Status.RUNNING;
        total = totalItems;
        excluded = excludedItems;
        message = null;
        if (startedAt == null) {
            startedAt = Instant.now();
        }
        heartbeatAt = Instant.now();
    }

    public void progress(int doneItems) {
        done = Math.max(done, doneItems);
        heartbeatAt = Instant.now();
    }

    public void succeed(String scoresJson) {
        scores = scoresJson;
        finish(Status.SUCCEEDED, "done");
    }

    public void fail(String why) {
        finish(Status.FAILED, why);
    }

    /** Scores of the items answered so far, kept when a run is cancelled. */
    public void cancelled(String partialScoresJson) {
        scores = partialScoresJson;
        finish(Status.CANCELLED, "cancelled on request");
    }

    public void requestCancel() {
        cancelRequested = true;
    }

    private void finish(Status end, String why) {
        status = end;
        message = why;
        finishedAt = Instant.now();
        heartbeatAt = finishedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID datasetId() {
        return datasetId;
    }

    public String label() {
        return label;
    }

    public String mode() {
        return mode;
    }

    public int topK() {
        return topK;
    }

    public Long dictionaryVersionId() {
        return dictionaryVersionId;
    }

    public boolean leakageGuard() {
        return leakageGuard;
    }

    public int concurrency() {
        return concurrency;
    }

    public Status status() {
        return status;
    }

    public int done() {
        return done;
    }

    public int total() {
        return total;
    }

    public int excluded() {
        return excluded;
    }

    public String message() {
        return message;
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    public String scores() {
        return scores;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Instant heartbeatAt() {
        return heartbeatAt;
    }
}

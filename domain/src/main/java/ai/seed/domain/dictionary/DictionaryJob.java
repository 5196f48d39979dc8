package ai.seed.domain.dictionary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A "retrain clusters" run: K-means over concept embeddings producing a new dictionary version.
 * Invariant (database): at most one QUEUED or RUNNING job per scope. A RUNNING job whose heartbeat
 * stopped (its node died) is failed by the next start.
 */
@Entity
@Table(name = "dictionary_job")
public class DictionaryJob {

    /** Life cycle of a job. */
    public enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false)
    private int k;
    @Column(nullable = false)
    private String source;
    @Column(name = "dataset_path")
    private String datasetPath;
    @Column(name = "embedder_id")
    private String embedderId;
    @Column(nullable = false)
    private int progress;
    @Column(nullable = false)
    private String phase;
    private String message;
    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;
    @Column(name = "result_version_id")
    private Long resultVersionId;
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

    protected DictionaryJob() {
        // for JPA
    }

    public DictionaryJob(UUID tenantId, int k, String source, String datasetPath, String createdBy) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.status = Status.QUEUED;
        this.k = k;
        this.source = source;
        this.datasetPath = datasetPath;
        this.phase = "queued";
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    public void start(String embedder) {
        status = Status.RUNNING;
        embedderId = embedder;
        startedAt = Instant.now();
        heartbeatAt = startedAt;
    }

    public void progress(int percent, String phaseName) {
        progress = Math.max(progress, Math.min(100, Math.max(0, percent)));
        phase = phaseName;
        heartbeatAt = Instant.now();
    }

    public void succeed(long versionId) {
        finish(Status.SUCCEEDED, "done");
        resultVersionId = versionId;
        progress = 100;
    }

    public void fail(String why) {
        finish(Status.FAILED, why);
    }

    public void cancelled() {
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

    public Status status() {
        return status;
    }

    public int k() {
        return k;
    }

    public String source() {
        return source;
    }

    public String datasetPath() {
        return datasetPath;
    }

    public String embedderId() {
        return embedderId;
    }

    public int progress() {
        return progress;
    }

    public String phase() {
        return phase;
    }

    public String message() {
        return message;
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    public Long resultVersionId() {
        return resultVersionId;
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

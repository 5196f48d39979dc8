package ai.seed.domain.job;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * The life cycle every background job shares (a dictionary retrain, an evaluation run): QUEUED,
 * then RUNNING with a heartbeat while it works, then one of SUCCEEDED, FAILED or CANCELLED, with a
 * message that says why. Cancelling is a request the worker reads between steps; a finished job
 * never changes state again, so a late worker or a second cancel cannot rewrite its outcome.
 *
 * <p>Each kind keeps its own table (its own columns for what it does and produces); these columns
 * have the same names in every job table, so queries and views read them alike.
 */
@MappedSuperclass
public abstract class BackgroundJob {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobStatus status;
    private String message;
    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;
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

    protected BackgroundJob() {
        // for JPA
    }

    protected BackgroundJob(String createdBy) {
        this.id = UUID.randomUUID();
        this.status = JobStatus.QUEUED;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    /**
     * Starts the job, or resumes it after a restart (keeping its first start time); false (and no
     * change) when it has already ended, e.g. cancelled while it waited.
     */
    protected final boolean markRunning() {
        if (status.finished()) {
            return false;
        }
        status = JobStatus.RUNNING;
        message = null;
        if (startedAt == null) {
            startedAt = Instant.now();
        }
        heartbeatAt = Instant.now();
        return true;
    }

    /** The worker is alive: a job whose heartbeat stops is one whose node stopped. */
    protected final void beat() {
        heartbeatAt = Instant.now();
    }

    protected final void markSucceeded() {
        finish(JobStatus.SUCCEEDED, "done");
    }

    /** Ends the job as CANCELLED (a worker that saw the request, or a cancel no worker could see). */
    public void cancelled() {
        finish(JobStatus.CANCELLED, "cancelled on request");
    }

    /** Ends the job as FAILED with a reason a user can read; a finished job keeps its outcome. */
    public void fail(String why) {
        finish(JobStatus.FAILED, why);
    }

    public void requestCancel() {
        cancelRequested = true;
    }

    private void finish(JobStatus end, String why) {
        if (status.finished()) {
            return;
        }
        status = end;
        message = why;
        finishedAt = Instant.now();
        heartbeatAt = finishedAt;
    }

    public UUID id() {
        return id;
    }

    public JobStatus status() {
        return status;
    }

    public String message() {
        return message;
    }

    public boolean cancelRequested() {
        return cancelRequested;
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

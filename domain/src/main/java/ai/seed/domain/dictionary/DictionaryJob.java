package ai.seed.domain.dictionary;

import ai.seed.domain.job.BackgroundJob;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A "retrain clusters" run: K-means over concept embeddings producing a new dictionary version.
 * Invariant (database): at most one QUEUED or RUNNING job per scope. A RUNNING job whose heartbeat
 * stopped (its node died) is failed by the next start. Its life cycle is {@link BackgroundJob}'s.
 */
@Entity
@Table(name = "dictionary_job")
public class DictionaryJob extends BackgroundJob {

    @Column(name = "tenant_id")
    private UUID tenantId;
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
    @Column(name = "result_version_id")
    private Long resultVersionId;

    protected DictionaryJob() {
        // for JPA
    }

    public DictionaryJob(UUID tenantId, int k, String source, String datasetPath, String createdBy) {
        super(createdBy);
        this.tenantId = tenantId;
        this.k = k;
        this.source = source;
        this.datasetPath = datasetPath;
        this.phase = "queued";
    }

    public void start(String embedder) {
        if (markRunning()) {
            embedderId = embedder;
        }
    }

    public void progress(int percent, String phaseName) {
        progress = Math.max(progress, Math.min(100, Math.max(0, percent)));
        phase = phaseName;
        beat();
    }

    public void succeed(long versionId) {
        if (!status().finished()) {
            resultVersionId = versionId;
            progress = 100;
        }
        markSucceeded();
    }

    public UUID tenantId() {
        return tenantId;
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

    public Long resultVersionId() {
        return resultVersionId;
    }
}
